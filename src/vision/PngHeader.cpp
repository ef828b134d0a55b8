// A PNG is a signature and a chain of chunks (length, type, data, CRC); IHDR comes first with the
// size and IEND last. The chain is walked without reading any chunk's data, so a file is whole
// when IEND is reached inside it. The CRCs are left to libpng.

#include "vision/ImageHeader.h"

namespace smp::vision {
namespace {

constexpr std::uint64_t kSignatureBytes = 8;
constexpr std::uint64_t kChunkOverhead = 12;           // length, type, CRC
constexpr std::uint32_t kMaxChunkLength = 0x7FFFFFFF;  // the PNG specification's limit

}  // namespace

ImageHeader readPngHeader(Bytes bytes) {
    if (!hasTag(bytes, kSignatureBytes + 4, "IHDR") || readU32(bytes, kSignatureBytes, Endian::Big) != 13)
        throw ImageDataError(kCorruptReason);
    ImageHeader header;
    header.width = readU32(bytes, 16, Endian::Big);
    header.height = readU32(bytes, 20, Endian::Big);

    std::uint64_t pos = kSignatureBytes;
    while (fits(bytes, pos, kChunkOverhead)) {
        const std::uint32_t length = readU32(bytes, pos, Endian::Big);
        if (length > kMaxChunkLength || !fits(bytes, pos, kChunkOverhead + length)) break;
        if (hasTag(bytes, pos + 4, "IEND")) {
            header.complete = true;
            break;
        }
        pos += kChunkOverhead + length;
    }
    return header;
}

}  // namespace smp::vision
