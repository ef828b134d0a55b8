// A WebP is a RIFF container whose first chunk is one of: "VP8 " (lossy), "VP8L" (lossless) or
// "VP8X" (extended: alpha, metadata, animation), each storing the size its own way. The RIFF
// header states the container's length, so a shorter file was cut off.

#include "vision/ImageHeader.h"

namespace smp::vision {
namespace {

constexpr std::uint64_t kRiffHeaderBytes = 8;  // "RIFF" and the length that follows it
constexpr std::uint64_t kChunkData = 20;       // RIFF header, "WEBP", first chunk's type and length
constexpr std::uint8_t kLosslessSignature = 0x2F;
constexpr std::uint8_t kAnimationFlag = 0x02;

void readLossy(Bytes bytes, ImageHeader& header) {
    // A 3-byte frame tag, the start code 9D 01 2A, then 14-bit width and height (2 scale bits).
    const std::uint64_t at = kChunkData + 3;
    if (!fits(bytes, at, 7) || bytes[at] != 0x9D || bytes[at + 1] != 0x01 || bytes[at + 2] != 0x2A)
        throw ImageDataError(kCorruptReason);
    header.width = readU16(bytes, at + 3, Endian::Little) & 0x3FFFu;
    header.height = readU16(bytes, at + 5, Endian::Little) & 0x3FFFu;
}

void readLossless(Bytes bytes, ImageHeader& header) {
    // A signature byte, then width-1 and height-1 packed in 14 bits each.
    if (!fits(bytes, kChunkData, 5) || bytes[kChunkData] != kLosslessSignature) throw ImageDataError(kCorruptReason);
    const std::uint32_t bits = readU32(bytes, kChunkData + 1, Endian::Little);
    header.width = (bits & 0x3FFFu) + 1;
    header.height = ((bits >> 14) & 0x3FFFu) + 1;
}

void readExtended(Bytes bytes, ImageHeader& header) {
    // Flags, 3 reserved bytes, then canvas width-1 and height-1 in 24 bits each.
    requireFits(bytes, kChunkData, 10);
    // OpenCV 4.6 decodes still WebP only; saying so beats "corrupt".
    if ((bytes[kChunkData] & kAnimationFlag) != 0) throw ImageDataError("animated WebP is not supported");
    header.width = readU24(bytes, kChunkData + 4, Endian::Little) + 1;
    header.height = readU24(bytes, kChunkData + 7, Endian::Little) + 1;
}

}  // namespace

ImageHeader readWebpHeader(Bytes bytes) {
    ImageHeader header;
    if (hasTag(bytes, 12, "VP8 ")) {
        readLossy(bytes, header);
    } else if (hasTag(bytes, 12, "VP8L")) {
        readLossless(bytes, header);
    } else if (hasTag(bytes, 12, "VP8X")) {
        readExtended(bytes, header);
    } else {
        throw ImageDataError(kCorruptReason);
    }
    const std::uint32_t riffLength = readU32(bytes, 4, Endian::Little);
    header.complete = fits(bytes, kRiffHeaderBytes, riffLength);
    return header;
}

}  // namespace smp::vision
