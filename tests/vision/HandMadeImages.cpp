// The test files OpenCV cannot write: grey + alpha PNGs, PNG headers with no pixels, CMYK TIFFs
// (all assembled byte by byte) and Photoshop-style CMYK JPEGs (through libjpeg).

#include "TestImages.h"

#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <jpeglib.h>

namespace smp::test {
namespace {

void putBigEndian32(ByteVector& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<std::uint8_t>(value >> shift));
}

std::uint32_t crc32(const std::uint8_t* data, std::size_t size, std::uint32_t crc = 0) {
    crc = ~crc;
    for (std::size_t i = 0; i < size; ++i) {
        crc ^= data[i];
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

void appendPngChunk(ByteVector& png, const char* type, const ByteVector& data) {
    putBigEndian32(png, static_cast<std::uint32_t>(data.size()));
    const std::size_t typeAt = png.size();
    png.insert(png.end(), type, type + 4);
    png.insert(png.end(), data.begin(), data.end());
    putBigEndian32(png, crc32(png.data() + typeAt, 4 + data.size()));
}

// A zlib stream of "stored" (uncompressed) deflate blocks: valid, and simple enough to write here.
ByteVector zlibStored(const ByteVector& data) {
    ByteVector out = {0x78, 0x01};
    std::size_t pos = 0;
    do {
        const std::size_t length = std::min<std::size_t>(65535, data.size() - pos);
        const bool last = pos + length == data.size();
        out.push_back(last ? 1 : 0);
        out.push_back(static_cast<std::uint8_t>(length & 0xFF));
        out.push_back(static_cast<std::uint8_t>(length >> 8));
        out.push_back(static_cast<std::uint8_t>(~length & 0xFF));
        out.push_back(static_cast<std::uint8_t>((~length >> 8) & 0xFF));
        out.insert(out.end(), data.begin() + static_cast<std::ptrdiff_t>(pos),
                   data.begin() + static_cast<std::ptrdiff_t>(pos + length));
        pos += length;
    } while (pos < data.size());
    std::uint32_t a = 1, b = 0;  // Adler-32
    for (std::uint8_t byte : data) {
        a = (a + byte) % 65521;
        b = (b + a) % 65521;
    }
    putBigEndian32(out, (b << 16) | a);
    return out;
}

ByteVector pngHeader(std::uint32_t width, std::uint32_t height, int colorType, int bitDepth) {
    ByteVector png = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    ByteVector ihdr;
    putBigEndian32(ihdr, width);
    putBigEndian32(ihdr, height);
    ihdr.insert(ihdr.end(), {static_cast<std::uint8_t>(bitDepth), static_cast<std::uint8_t>(colorType), 0, 0, 0});
    appendPngChunk(png, "IHDR", ihdr);
    return png;
}

}  // namespace

ByteVector makePng(int width, int height, int colorType, int bitDepth, const ByteVector& samples) {
    const int channels = colorType == 0 ? 1 : colorType == 2 ? 3 : colorType == 4 ? 2 : 4;
    const std::size_t rowBytes = static_cast<std::size_t>(width) * channels * (bitDepth / 8);
    REQUIRE(samples.size() == rowBytes * static_cast<std::size_t>(height));
    ByteVector filtered;  // each row prefixed with filter type 0 (none)
    for (int y = 0; y < height; ++y) {
        filtered.push_back(0);
        const auto row = samples.begin() + static_cast<std::ptrdiff_t>(rowBytes * static_cast<std::size_t>(y));
        filtered.insert(filtered.end(), row, row + static_cast<std::ptrdiff_t>(rowBytes));
    }
    ByteVector png =
        pngHeader(static_cast<std::uint32_t>(width), static_cast<std::uint32_t>(height), colorType, bitDepth);
    appendPngChunk(png, "IDAT", zlibStored(filtered));
    appendPngChunk(png, "IEND", {});
    return png;
}

ByteVector makePngHeaderOnly(std::uint32_t width, std::uint32_t height) {
    ByteVector png = pngHeader(width, height, 2, 8);
    appendPngChunk(png, "IEND", {});
    return png;
}

ByteVector makeCmykTiff(int width, int height, const ByteVector& cmyk) {
    const auto w = static_cast<std::uint32_t>(width);
    const auto h = static_cast<std::uint32_t>(height);
    REQUIRE(cmyk.size() == std::size_t{w} * h * 4);
    ByteVector tiff = {'I', 'I', 42, 0, 8, 0, 0, 0};
    auto put = [&tiff](std::uint32_t value, int bytes) {
        for (int i = 0; i < bytes; ++i)
            tiff.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
    };
    constexpr std::uint32_t kShort = 3, kLong = 4;
    constexpr int kEntries = 11;
    const std::uint32_t bitsAt = 8 + 2 + kEntries * 12 + 4;  // after the IFD
    const std::uint32_t dataAt = bitsAt + 8;                 // after four 16-bit "8"s
    const std::array<std::array<std::uint32_t, 4>, kEntries> entries = {{
        {256, kLong, 1, w},          // ImageWidth
        {257, kLong, 1, h},          // ImageLength
        {258, kShort, 4, bitsAt},    // BitsPerSample 8,8,8,8
        {259, kShort, 1, 1},         // Compression: none
        {262, kShort, 1, 5},         // Photometric: separated
        {273, kLong, 1, dataAt},     // StripOffsets
        {277, kShort, 1, 4},         // SamplesPerPixel
        {278, kLong, 1, h},          // RowsPerStrip: one strip
        {279, kLong, 1, w * h * 4},  // StripByteCounts
        {284, kShort, 1, 1},         // PlanarConfiguration: contiguous
        {332, kShort, 1, 1},         // InkSet: CMYK
    }};
    put(kEntries, 2);
    for (const auto& [tag, type, count, value] : entries) {
        put(tag, 2);
        put(type, 2);
        put(count, 4);
        put(value, type == kShort && count == 1 ? 2 : 4);
        if (type == kShort && count == 1) put(0, 2);
    }
    put(0, 4);  // no next IFD
    for (int i = 0; i < 4; ++i)
        put(8, 2);
    REQUIRE(tiff.size() == dataAt);
    tiff.insert(tiff.end(), cmyk.begin(), cmyk.end());
    return tiff;
}

ByteVector makeCmykJpeg(int width, int height, const ByteVector& cmyk) {
    REQUIRE(cmyk.size() == static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    jpeg_compress_struct info{};
    jpeg_error_mgr errors{};
    info.err = jpeg_std_error(&errors);
    jpeg_create_compress(&info);
    unsigned char* buffer = nullptr;
    unsigned long size = 0;
    jpeg_mem_dest(&info, &buffer, &size);
    info.image_width = static_cast<JDIMENSION>(width);
    info.image_height = static_cast<JDIMENSION>(height);
    info.input_components = 4;
    info.in_color_space = JCS_CMYK;
    jpeg_set_defaults(&info);
    jpeg_set_colorspace(&info, JCS_CMYK);  // writes the Adobe marker that says "CMYK"
    jpeg_set_quality(&info, 95, TRUE);
    jpeg_start_compress(&info, TRUE);
    ByteVector row(static_cast<std::size_t>(width) * 4);
    while (info.next_scanline < info.image_height) {
        const std::size_t start = row.size() * info.next_scanline;
        for (std::size_t i = 0; i < row.size(); ++i)
            row[i] = static_cast<std::uint8_t>(255 - cmyk[start + i]);
        JSAMPROW rows[1] = {row.data()};
        jpeg_write_scanlines(&info, rows, 1);
    }
    jpeg_finish_compress(&info);
    jpeg_destroy_compress(&info);
    ByteVector result(buffer, buffer + size);
    std::free(buffer);
    return result;
}

}  // namespace smp::test
