#pragma once
// Bounds-checked reads of integers from a file's bytes, for the header parsers. Photos come from
// anywhere, so every offset read from a file is distrusted: a read past the end throws instead of
// reading memory that is not the file.

#include <cstddef>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string_view>

namespace smp::vision {

using Bytes = std::span<const std::uint8_t>;

// The bytes are not a usable image. what() is the reason alone; the caller adds the file's path.
class ImageDataError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

inline constexpr const char* kCorruptReason = "truncated or corrupt image data";
inline constexpr const char* kNotAnImageReason = "not a supported image (JPEG, PNG, TIFF, WebP, BMP)";

enum class Endian { Little, Big };

// True when [offset, offset + length) lies inside the bytes; safe against overflow.
inline bool fits(Bytes bytes, std::uint64_t offset, std::uint64_t length) {
    return offset <= bytes.size() && length <= bytes.size() - offset;
}

inline void requireFits(Bytes bytes, std::uint64_t offset, std::uint64_t length) {
    if (!fits(bytes, offset, length)) throw ImageDataError(kCorruptReason);
}

inline std::uint32_t readUInt(Bytes bytes, std::uint64_t offset, int byteCount, Endian endian) {
    requireFits(bytes, offset, static_cast<std::uint64_t>(byteCount));
    std::uint32_t value = 0;
    for (int i = 0; i < byteCount; ++i) {
        const int index = endian == Endian::Big ? i : byteCount - 1 - i;
        value = (value << 8) | bytes[offset + static_cast<std::uint64_t>(index)];
    }
    return value;
}

inline std::uint16_t readU16(Bytes bytes, std::uint64_t offset, Endian endian) {
    return static_cast<std::uint16_t>(readUInt(bytes, offset, 2, endian));
}
inline std::uint32_t readU24(Bytes bytes, std::uint64_t offset, Endian endian) {
    return readUInt(bytes, offset, 3, endian);
}
inline std::uint32_t readU32(Bytes bytes, std::uint64_t offset, Endian endian) {
    return readUInt(bytes, offset, 4, endian);
}

// True when the bytes at offset spell the given ASCII tag ("RIFF", "IHDR", "Exif").
inline bool hasTag(Bytes bytes, std::uint64_t offset, std::string_view tag) {
    if (!fits(bytes, offset, tag.size())) return false;
    for (std::size_t i = 0; i < tag.size(); ++i)
        if (bytes[offset + i] != static_cast<std::uint8_t>(tag[i])) return false;
    return true;
}

}  // namespace smp::vision
