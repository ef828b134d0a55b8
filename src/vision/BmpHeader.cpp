// A BMP is a 14-byte file header (with the offset of the pixels) and an info header whose size
// says which of Windows' versions it is. For uncompressed pixels the exact size of the pixel
// array is known, so a file that ends before it was cut off.

#include "vision/ImageHeader.h"

#include <cstdlib>

namespace smp::vision {
namespace {

constexpr std::uint32_t kCoreHeaderBytes = 12;  // OS/2 1.x: 16-bit width and height
constexpr std::uint32_t kRgb = 0;               // uncompressed
constexpr std::uint32_t kBitfields = 3;         // uncompressed with channel masks
constexpr std::uint32_t kAlphaBitfields = 6;

}  // namespace

ImageHeader readBmpHeader(Bytes bytes) {
    const std::uint32_t fileSize = readU32(bytes, 2, Endian::Little);
    const std::uint32_t pixelOffset = readU32(bytes, 10, Endian::Little);
    const std::uint32_t infoSize = readU32(bytes, 14, Endian::Little);

    std::int64_t width = 0;
    std::int64_t height = 0;  // negative for rows stored top to bottom
    std::uint32_t bitsPerPixel = 0;
    std::uint32_t compression = kRgb;
    if (infoSize == kCoreHeaderBytes) {
        width = readU16(bytes, 18, Endian::Little);
        height = readU16(bytes, 20, Endian::Little);
        bitsPerPixel = readU16(bytes, 24, Endian::Little);
    } else {
        width = static_cast<std::int32_t>(readU32(bytes, 18, Endian::Little));
        height = static_cast<std::int32_t>(readU32(bytes, 22, Endian::Little));
        bitsPerPixel = readU16(bytes, 28, Endian::Little);
        compression = readU32(bytes, 30, Endian::Little);
    }
    if (width <= 0 || height == 0 || bitsPerPixel == 0 || bitsPerPixel > 64) throw ImageDataError(kCorruptReason);

    ImageHeader header;
    header.width = static_cast<std::uint32_t>(width);
    header.height = static_cast<std::uint32_t>(std::llabs(height));
    if (compression == kRgb || compression == kBitfields || compression == kAlphaBitfields) {
        // Rows are padded to whole 32-bit words.
        const std::uint64_t rowBytes = (static_cast<std::uint64_t>(width) * bitsPerPixel + 31) / 32 * 4;
        // The division keeps a forged height from overflowing the product.
        header.complete =
            header.height <= bytes.size() / rowBytes && fits(bytes, pixelOffset, rowBytes * header.height);
    } else {
        // Run-length data has no fixed size; trust the file size the header states.
        header.complete = fileSize <= bytes.size() && pixelOffset < bytes.size();
    }
    return header;
}

}  // namespace smp::vision
