// "Never crash on any input": every prefix of a small file in each format, and thousands of
// copies with random bytes changed, are decoded. Each must give either a well-formed image or an
// ImageDataError; nothing else may escape, and the sanitizer build checks the header parsers'
// reads stay inside the buffer.

#include "vision/PhotoDecoder.h"

#include "TestImages.h"

#include <catch2/catch.hpp>
#include <opencv2/imgcodecs.hpp>

#include <random>

using namespace smp;
using namespace smp::test;

namespace {

// True when the bytes decoded; false when refused with ImageDataError. Anything else fails.
bool decodesCleanly(const ByteVector& bytes, const vision::PhotoLimits& limits) {
    try {
        const core::Image image = vision::decodePhoto(bytes, limits);
        REQUIRE((image.channels == 3 || image.channels == 4));
        REQUIRE(image.width > 0);
        REQUIRE(image.height > 0);
        REQUIRE(static_cast<std::uint64_t>(image.width) * static_cast<std::uint64_t>(image.height) <= limits.maxPixels);
        REQUIRE(image.pixels.size() == core::Image::byteCount(image.width, image.height, image.channels));
        return true;
    } catch (const vision::ImageDataError& error) {
        REQUIRE(std::string(error.what()).find('\n') == std::string::npos);  // one line
        return false;
    }
}

std::vector<std::pair<std::string, ByteVector>> smallFiles() {
    const cv::Mat bgr = toBgrMat(testPattern(16, 8));
    ByteVector jpeg = encodeWithOpenCv(bgr, ".jpg");
    return {
        {"jpeg+exif", withExifOrientation(jpeg, 6, true)},
        {"png", encodeWithOpenCv(bgr, ".png")},
        {"tiff", encodeWithOpenCv(bgr, ".tiff")},
        {"bmp", encodeWithOpenCv(bgr, ".bmp")},
        {"webp", encodeWithOpenCv(bgr, ".webp", {cv::IMWRITE_WEBP_QUALITY, 80})},
        {"webp lossless", encodeWithOpenCv(bgr, ".webp", {cv::IMWRITE_WEBP_QUALITY, 101})},
        {"cmyk tiff", makeCmykTiff(4, 4, ByteVector(64, 100))},
    };
}

}  // namespace

TEST_CASE("every prefix of a photo is refused, not crashed on", "[vision][photo][robustness]") {
    const vision::PhotoLimits limits;
    for (const auto& [name, bytes] : smallFiles()) {
        INFO(name << ", " << bytes.size() << " bytes");
        REQUIRE(decodesCleanly(bytes, limits));
        for (std::size_t size = 0; size < bytes.size(); ++size) {
            INFO("cut to " << size << " bytes");
            REQUIRE_FALSE(
                decodesCleanly(ByteVector(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(size)), limits));
        }
    }
}

TEST_CASE("photos with scrambled bytes never escape as anything but ImageDataError", "[vision][photo][robustness]") {
    vision::PhotoLimits limits;
    limits.maxPixels = 4096;        // a scrambled size field must not make a test allocate gigabytes
    std::mt19937 random(20240611);  // fixed: a failure reproduces
    for (const auto& [name, original] : smallFiles()) {
        INFO(name);
        int decoded = 0;
        for (int round = 0; round < 1000; ++round) {
            ByteVector bytes = original;
            const int changes = 1 + static_cast<int>(random() % 4);
            for (int i = 0; i < changes; ++i) {
                // Mostly the first 64 bytes, where the headers the parsers trust are.
                const std::size_t span = (random() % 2 == 0) ? std::min<std::size_t>(64, bytes.size()) : bytes.size();
                bytes[random() % span] = static_cast<std::uint8_t>(random());
            }
            INFO("round " << round);
            if (decodesCleanly(bytes, limits)) ++decoded;
        }
        SUCCEED(name << ": " << decoded << " of 1000 scrambled copies still decoded");
    }
}
