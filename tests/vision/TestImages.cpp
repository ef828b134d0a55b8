#include "TestImages.h"

#include <catch2/catch.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>

namespace smp::test {

core::Image testPattern(int width, int height, int channels) {
    core::Image image(width, height, channels);
    const int block = std::min({16, width / 3, height / 2});
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            std::uint8_t* p = image.at(x, y);
            p[0] = static_cast<std::uint8_t>(width > 1 ? x * 255 / (width - 1) : 200);
            p[1] = static_cast<std::uint8_t>(height > 1 ? y * 255 / (height - 1) : 100);
            p[2] = 128;
            const bool red = y < block && x < block;             // top left
            const bool green = y < block && x >= width - block;  // top right
            if (red || green) {
                p[0] = red ? 255 : 0;
                p[1] = green ? 255 : 0;
                p[2] = 0;
            }
            if (channels == 4) p[3] = static_cast<std::uint8_t>(40 + (x + y) * 215 / std::max(1, width + height - 2));
        }
    }
    return image;
}

cv::Mat toBgrMat(const core::Image& image) {
    const cv::Mat rgb(image.height, image.width, CV_8UC(image.channels),
                      const_cast<std::uint8_t*>(image.pixels.data()));
    cv::Mat bgr;
    cv::cvtColor(rgb, bgr, image.channels == 4 ? cv::COLOR_RGBA2BGRA : cv::COLOR_RGB2BGR);
    return bgr;
}

ByteVector encodeWithOpenCv(const cv::Mat& bgr, const std::string& ext, const std::vector<int>& params) {
    std::vector<uchar> encoded;
    REQUIRE(cv::imencode(ext, bgr, encoded, params));
    return ByteVector(encoded.begin(), encoded.end());
}

void writeBytes(const std::filesystem::path& file, const ByteVector& bytes) {
    std::ofstream out(file, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    REQUIRE(out.good());
}

ByteVector readBytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return ByteVector(std::istreambuf_iterator<char>(in), {});
}

ByteVector withExifOrientation(const ByteVector& jpeg, int orientation, bool bigEndian) {
    REQUIRE(jpeg.size() > 2);
    // Appends an integer of `bytes` bytes in the chosen order.
    auto put = [bigEndian](ByteVector& out, std::uint32_t value, int bytes) {
        for (int i = 0; i < bytes; ++i) {
            const int shift = 8 * (bigEndian ? bytes - 1 - i : i);
            out.push_back(static_cast<std::uint8_t>(value >> shift));
        }
    };
    ByteVector tiff = bigEndian ? ByteVector{'M', 'M', 0, 42} : ByteVector{'I', 'I', 42, 0};
    put(tiff, 8, 4);       // first IFD right after the header
    put(tiff, 1, 2);       // one entry
    put(tiff, 0x0112, 2);  // Orientation
    put(tiff, 3, 2);       // SHORT
    put(tiff, 1, 4);       // one value, held in the first two bytes of the value field
    put(tiff, static_cast<std::uint32_t>(orientation), 2);
    put(tiff, 0, 2);  // padding of the value field
    put(tiff, 0, 4);  // no next IFD

    ByteVector segment = {0xFF, 0xE1};
    const std::size_t length = 2 + 6 + tiff.size();
    segment.push_back(static_cast<std::uint8_t>(length >> 8));
    segment.push_back(static_cast<std::uint8_t>(length & 0xFF));
    segment.insert(segment.end(), {'E', 'x', 'i', 'f', 0, 0});
    segment.insert(segment.end(), tiff.begin(), tiff.end());

    ByteVector result(jpeg.begin(), jpeg.begin() + 2);  // SOI
    result.insert(result.end(), segment.begin(), segment.end());
    result.insert(result.end(), jpeg.begin() + 2, jpeg.end());
    return result;
}

int maxDifference(const core::Image& a, const core::Image& b) {
    REQUIRE(a.width == b.width);
    REQUIRE(a.height == b.height);
    REQUIRE(a.channels == b.channels);
    int worst = 0;
    for (std::size_t i = 0; i < a.pixels.size(); ++i)
        worst = std::max(worst, std::abs(a.pixels[i] - b.pixels[i]));
    return worst;
}

double meanDifference(const core::Image& a, const core::Image& b) {
    REQUIRE(a.pixels.size() == b.pixels.size());
    double total = 0;
    for (std::size_t i = 0; i < a.pixels.size(); ++i)
        total += std::abs(a.pixels[i] - b.pixels[i]);
    return a.pixels.empty() ? 0.0 : total / static_cast<double>(a.pixels.size());
}

}  // namespace smp::test
