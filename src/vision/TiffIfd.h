#pragma once
// The first image file directory (IFD) of a TIFF structure: a TIFF file's tags, or an EXIF
// block's, which uses the same layout. Only integer tags are read; nothing else is needed to size
// an image, check its strips and find its orientation.

#include "vision/ByteReader.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace smp::vision {

class TiffIfd {
public:
    // Parses the 8-byte header ("II*\0" or "MM\0*") and the first IFD. Throws ImageDataError:
    // "BigTIFF is not supported" for a BigTIFF header, kCorruptReason for anything malformed.
    static TiffIfd readFirst(Bytes tiffBytes);

    [[nodiscard]] bool has(std::uint16_t tag) const;
    // The tag's first integer value, or nothing when it is absent, empty or not an integer.
    [[nodiscard]] std::optional<std::uint32_t> value(std::uint16_t tag) const;
    // All of the tag's integer values (strip offsets, byte counts). Throws ImageDataError when the
    // values lie outside the file.
    [[nodiscard]] std::vector<std::uint32_t> values(std::uint16_t tag) const;

private:
    struct Entry {
        std::uint16_t tag;
        std::uint16_t type;
        std::uint32_t count;
        std::uint64_t valueField;  // offset of the entry's 4-byte value-or-offset field
    };

    TiffIfd(Bytes bytes, Endian endian) : bytes_(bytes), endian_(endian) {}
    [[nodiscard]] const Entry* find(std::uint16_t tag) const;

    Bytes bytes_;
    Endian endian_;
    std::vector<Entry> entries_;
};

// TIFF tag numbers used by the readers.
namespace tiff_tag {
inline constexpr std::uint16_t kImageWidth = 256;
inline constexpr std::uint16_t kImageLength = 257;
inline constexpr std::uint16_t kPhotometric = 262;
inline constexpr std::uint16_t kStripOffsets = 273;
inline constexpr std::uint16_t kOrientation = 274;
inline constexpr std::uint16_t kStripByteCounts = 279;
inline constexpr std::uint16_t kTileOffsets = 324;
inline constexpr std::uint16_t kTileByteCounts = 325;
inline constexpr std::uint16_t kExtraSamples = 338;
}  // namespace tiff_tag

}  // namespace smp::vision
