#include "vision/ImageHeader.h"

#include <array>
#include <initializer_list>

namespace smp::vision {
namespace {

bool startsWith(Bytes bytes, std::initializer_list<std::uint8_t> magic) {
    if (bytes.size() < magic.size()) return false;
    std::size_t i = 0;
    for (std::uint8_t expected : magic)
        if (bytes[i++] != expected) return false;
    return true;
}

// "BM" alone is too weak a signature (a text file may start with it), so the size of the header
// that follows must also be one of the sizes Windows has defined.
bool looksLikeBmp(Bytes bytes) {
    if (!startsWith(bytes, {'B', 'M'}) || !fits(bytes, 14, 4)) return false;
    constexpr std::array<std::uint32_t, 7> kInfoHeaderSizes = {12, 40, 52, 56, 64, 108, 124};
    const std::uint32_t size = readU32(bytes, 14, Endian::Little);
    for (std::uint32_t known : kInfoHeaderSizes)
        if (size == known) return true;
    return false;
}

}  // namespace

std::string_view formatName(ImageFormat format) {
    switch (format) {
    case ImageFormat::Jpeg: return "JPEG";
    case ImageFormat::Png: return "PNG";
    case ImageFormat::Tiff: return "TIFF";
    case ImageFormat::WebP: return "WebP";
    case ImageFormat::Bmp: return "BMP";
    }
    return "unknown";
}

std::optional<ImageFormat> sniffFormat(Bytes bytes) {
    if (startsWith(bytes, {0xFF, 0xD8, 0xFF})) return ImageFormat::Jpeg;
    if (startsWith(bytes, {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) return ImageFormat::Png;
    // Classic TIFF (42) and BigTIFF (43), in either byte order.
    if (startsWith(bytes, {'I', 'I', 42, 0}) || startsWith(bytes, {'M', 'M', 0, 42}) ||
        startsWith(bytes, {'I', 'I', 43, 0}) || startsWith(bytes, {'M', 'M', 0, 43}))
        return ImageFormat::Tiff;
    if (hasTag(bytes, 0, "RIFF") && hasTag(bytes, 8, "WEBP")) return ImageFormat::WebP;
    if (looksLikeBmp(bytes)) return ImageFormat::Bmp;
    return std::nullopt;
}

ImageHeader readImageHeader(Bytes bytes) {
    const std::optional<ImageFormat> format = sniffFormat(bytes);
    if (!format) throw ImageDataError(kNotAnImageReason);
    ImageHeader header;
    switch (*format) {
    case ImageFormat::Jpeg: header = readJpegHeader(bytes); break;
    case ImageFormat::Png: header = readPngHeader(bytes); break;
    case ImageFormat::Tiff: header = readTiffHeader(bytes); break;
    case ImageFormat::WebP: header = readWebpHeader(bytes); break;
    case ImageFormat::Bmp: header = readBmpHeader(bytes); break;
    }
    header.format = *format;
    // A zero side cannot be decoded; a JPEG may legally defer its height to a DNL marker, which
    // libjpeg does not support either.
    if (header.width == 0 || header.height == 0) throw ImageDataError(kCorruptReason);
    return header;
}

}  // namespace smp::vision
