// loadPhoto on every format, bit depth and channel layout it accepts: each comes back as 8-bit RGB
// or RGBA in our channel order. Lossless formats must match the generated pattern exactly; lossy
// ones within the tolerances stated at each check.

#include "vision/PhotoLoader.h"

#include "TestFolder.h"
#include "TestImages.h"

#include <catch2/catch.hpp>
#include <opencv2/imgcodecs.hpp>

using namespace smp;
using namespace smp::test;

namespace {

core::Image loadBytes(const std::filesystem::path& file, const ByteVector& bytes) {
    writeBytes(file, bytes);
    return vision::loadPhoto(file);
}

// A pattern scaled to 16 bits: v * 257 maps 0-255 onto 0-65535 exactly.
cv::Mat toSixteenBit(const cv::Mat& eightBit) {
    cv::Mat sixteen;
    eightBit.convertTo(sixteen, CV_16U, 257.0);
    return sixteen;
}

}  // namespace

TEST_CASE("lossless formats load exactly as written, in RGB order", "[vision][photo]") {
    const auto folder = freshFolder("vision_lossless_formats");
    const core::Image expected = testPattern(40, 30);
    const cv::Mat bgr = toBgrMat(expected);
    const auto [name, bytes] = GENERATE_REF(table<std::string, ByteVector>({
        {"pattern.png", encodeWithOpenCv(bgr, ".png")},
        {"pattern.tiff", encodeWithOpenCv(bgr, ".tiff")},
        {"pattern.bmp", encodeWithOpenCv(bgr, ".bmp")},
        {"pattern.webp", encodeWithOpenCv(bgr, ".webp", {cv::IMWRITE_WEBP_QUALITY, 101})},  // >100: lossless
    }));
    INFO(name);
    const core::Image loaded = loadBytes(folder / name, bytes);
    REQUIRE(loaded.channels == 3);
    REQUIRE(maxDifference(loaded, expected) == 0);
    REQUIRE(loaded.at(2, 2)[0] == 255);  // the red block is red, not blue: RGB, not BGR
}

TEST_CASE("lossy formats load close to what was written", "[vision][photo]") {
    const auto folder = freshFolder("vision_lossy_formats");
    const core::Image expected = testPattern(48, 32);
    const cv::Mat bgr = toBgrMat(expected);
    const auto [name, bytes] = GENERATE_REF(table<std::string, ByteVector>({
        {"pattern.jpg", encodeWithOpenCv(bgr, ".jpg", {cv::IMWRITE_JPEG_QUALITY, 95})},
        {"pattern.webp", encodeWithOpenCv(bgr, ".webp", {cv::IMWRITE_WEBP_QUALITY, 95})},
    }));
    INFO(name);
    const core::Image loaded = loadBytes(folder / name, bytes);
    REQUIRE(loaded.channels == 3);
    // Quality 95 on a smooth gradient: a few levels on average, more only at the blocks' edges.
    REQUIRE(meanDifference(loaded, expected) < 4.0);
    const std::uint8_t* red = loaded.at(8, 8);  // the middle of the red block
    REQUIRE(red[0] > 230);
    REQUIRE(red[1] < 25);
    REQUIRE(red[2] < 25);
}

TEST_CASE("RGBA PNG, TIFF and lossless WebP keep their alpha as a fourth channel", "[vision][photo]") {
    const auto folder = freshFolder("vision_rgba");
    const core::Image expected = testPattern(40, 30, 4);
    const cv::Mat bgra = toBgrMat(expected);
    const auto [name, bytes] = GENERATE_REF(table<std::string, ByteVector>({
        {"alpha.png", encodeWithOpenCv(bgra, ".png")},
        {"alpha.tiff", encodeWithOpenCv(bgra, ".tiff")},
        {"alpha.webp", encodeWithOpenCv(bgra, ".webp", {cv::IMWRITE_WEBP_QUALITY, 101})},
    }));
    INFO(name);
    const core::Image loaded = loadBytes(folder / name, bytes);
    REQUIRE(loaded.channels == 4);
    REQUIRE(maxDifference(loaded, expected) == 0);
}

TEST_CASE("16-bit PNG and TIFF are scaled to 8 bits by 1/257", "[vision][photo]") {
    const auto folder = freshFolder("vision_16bit");
    const core::Image rgb = testPattern(40, 30);
    const core::Image rgba = testPattern(40, 30, 4);
    const auto [name, bytes, expected] = GENERATE_REF(table<std::string, ByteVector, core::Image>({
        {"deep.png", encodeWithOpenCv(toSixteenBit(toBgrMat(rgb)), ".png"), rgb},
        {"deep.tiff", encodeWithOpenCv(toSixteenBit(toBgrMat(rgb)), ".tiff"), rgb},
        {"deep-alpha.png", encodeWithOpenCv(toSixteenBit(toBgrMat(rgba)), ".png"), rgba},
    }));
    INFO(name);
    const core::Image loaded = loadBytes(folder / name, bytes);
    REQUIRE(loaded.channels == expected.channels);
    REQUIRE(maxDifference(loaded, expected) == 0);
}

TEST_CASE("16-bit samples round to the nearest 8-bit level", "[vision][photo]") {
    const auto folder = freshFolder("vision_16bit_rounding");
    // 128/257 = 0.498 -> 0, 129/257 = 0.502 -> 1, 32896/257 = 128 exactly, 65535 -> 255.
    cv::Mat grey(1, 4, CV_16UC1);
    grey.at<std::uint16_t>(0, 0) = 128;
    grey.at<std::uint16_t>(0, 1) = 129;
    grey.at<std::uint16_t>(0, 2) = 32896;
    grey.at<std::uint16_t>(0, 3) = 65535;
    const core::Image loaded = loadBytes(folder / "levels.png", encodeWithOpenCv(grey, ".png"));
    REQUIRE(loaded.channels == 3);
    REQUIRE(loaded.pixels == std::vector<std::uint8_t>{0, 0, 0, 1, 1, 1, 128, 128, 128, 255, 255, 255});
}

TEST_CASE("grey photos become RGB with equal channels", "[vision][photo]") {
    const auto folder = freshFolder("vision_grey");
    cv::Mat grey(20, 30, CV_8UC1);
    for (int y = 0; y < grey.rows; ++y)
        for (int x = 0; x < grey.cols; ++x)
            grey.at<std::uint8_t>(y, x) = static_cast<std::uint8_t>(x * 8 + y);
    const std::string name = GENERATE(as<std::string>{}, "grey.png", "grey.tiff", "grey.bmp");
    INFO(name);
    const core::Image loaded =
        loadBytes(folder / name, encodeWithOpenCv(grey, std::filesystem::path(name).extension().string()));
    REQUIRE(loaded.width == 30);
    REQUIRE(loaded.height == 20);
    REQUIRE(loaded.channels == 3);
    for (int y = 0; y < 20; ++y)
        for (int x = 0; x < 30; ++x) {
            const std::uint8_t* p = loaded.at(x, y);
            REQUIRE((p[0] == grey.at<std::uint8_t>(y, x) && p[1] == p[0] && p[2] == p[0]));
        }
}

TEST_CASE("grey + alpha PNG, 8 and 16 bits, becomes RGBA", "[vision][photo]") {
    const auto folder = freshFolder("vision_grey_alpha");
    const int bitDepth = GENERATE(8, 16);
    INFO(bitDepth << "-bit");
    const int width = 5, height = 3;
    ByteVector samples;
    for (int i = 0; i < width * height; ++i) {
        const auto grey = static_cast<std::uint8_t>(i * 17);
        const auto alpha = static_cast<std::uint8_t>(255 - i * 10);
        for (std::uint8_t value : {grey, alpha}) {
            samples.push_back(value);
            if (bitDepth == 16) samples.push_back(value);  // v * 257 is v repeated in both bytes
        }
    }
    const core::Image loaded = loadBytes(folder / "grey-alpha.png", makePng(width, height, 4, bitDepth, samples));
    REQUIRE(loaded.width == width);
    REQUIRE(loaded.height == height);
    REQUIRE(loaded.channels == 4);
    for (int i = 0; i < width * height; ++i) {
        const std::uint8_t* p = loaded.at(i % width, i / width);
        const std::vector<std::uint8_t> pixel(p, p + 4);
        const auto grey = static_cast<std::uint8_t>(i * 17);
        REQUIRE(pixel == std::vector<std::uint8_t>{grey, grey, grey, static_cast<std::uint8_t>(255 - i * 10)});
    }
}

TEST_CASE("CMYK TIFF and CMYK JPEG become RGB without alpha", "[vision][photo][cmyk]") {
    const auto folder = freshFolder("vision_cmyk");
    // Four 8x8 quadrants of ink: cyan, magenta / yellow, 50% black.
    const std::array<std::array<std::uint8_t, 4>, 4> inks = {
        {{255, 0, 0, 0}, {0, 255, 0, 0}, {0, 0, 255, 0}, {0, 0, 0, 128}}};
    const std::array<std::array<int, 3>, 4> rgb = {{{0, 255, 255}, {255, 0, 255}, {255, 255, 0}, {127, 127, 127}}};
    const int side = 16;
    ByteVector cmyk;
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x) {
            const auto& ink = inks[static_cast<std::size_t>((y / 8) * 2 + x / 8)];
            cmyk.insert(cmyk.end(), ink.begin(), ink.end());
        }
    // libtiff converts exactly; the JPEG is lossy, and OpenCV's CMYK conversion is off by one or two.
    const auto [name, bytes, tolerance] = GENERATE_REF(table<std::string, ByteVector, int>({
        {"print.tiff", makeCmykTiff(side, side, cmyk), 1},
        {"print.jpg", makeCmykJpeg(side, side, cmyk), 12},
    }));
    INFO(name);
    const core::Image loaded = loadBytes(folder / name, bytes);
    REQUIRE(loaded.width == side);
    REQUIRE(loaded.height == side);
    REQUIRE(loaded.channels == 3);
    for (std::size_t q = 0; q < 4; ++q) {
        const std::uint8_t* p = loaded.at(static_cast<int>(q % 2) * 8 + 4, static_cast<int>(q / 2) * 8 + 4);
        INFO("quadrant " << q << ": " << int(p[0]) << "," << int(p[1]) << "," << int(p[2]));
        for (int c = 0; c < 3; ++c)
            REQUIRE(std::abs(p[c] - rgb[q][static_cast<std::size_t>(c)]) <= tolerance);
    }
}

TEST_CASE("a float TIFF is read as 0-1 samples", "[vision][photo]") {
    const auto folder = freshFolder("vision_float_tiff");
    const core::Image expected = testPattern(20, 10);
    cv::Mat floats;
    toBgrMat(expected).convertTo(floats, CV_32F, 1.0 / 255.0);
    // Uncompressed float samples are exact; OpenCV's default for float RGB is LogLuv (SGILOG), an
    // HDR encoding that keeps about 1% precision, so it is allowed 2% of the range.
    const auto [compression, tolerance] = GENERATE(table<int, int>({{1, 0}, {-1, 6}}));
    INFO("compression " << compression);
    const std::vector<int> params =
        compression > 0 ? std::vector<int>{cv::IMWRITE_TIFF_COMPRESSION, compression} : std::vector<int>{};
    const core::Image loaded = loadBytes(folder / "hdr.tiff", encodeWithOpenCv(floats, ".tiff", params));
    REQUIRE(loaded.channels == 3);
    REQUIRE(maxDifference(loaded, expected) <= tolerance);
}

TEST_CASE("a 1x1 photo loads", "[vision][photo]") {
    const auto folder = freshFolder("vision_one_pixel");
    const core::Image expected = testPattern(1, 1);
    const std::string ext = GENERATE(as<std::string>{}, ".png", ".jpg", ".tiff", ".webp", ".bmp");
    INFO(ext);
    const core::Image loaded = loadBytes(folder / ("dot" + ext), encodeWithOpenCv(toBgrMat(expected), ext));
    REQUIRE(loaded.width == 1);
    REQUIRE(loaded.height == 1);
    REQUIRE(loaded.channels == 3);
    REQUIRE(maxDifference(loaded, expected) <= (ext == ".jpg" || ext == ".webp" ? 12 : 0));
}

TEST_CASE("a JPEG with data after its end marker loads, as phones' motion photos do", "[vision][photo]") {
    const auto folder = freshFolder("vision_trailing_data");
    const core::Image expected = testPattern(48, 32);
    ByteVector bytes = encodeWithOpenCv(toBgrMat(expected), ".jpg", {cv::IMWRITE_JPEG_QUALITY, 95});
    const ByteVector trailer(5000, 0xAB);  // stands in for the appended video
    bytes.insert(bytes.end(), trailer.begin(), trailer.end());
    const core::Image loaded = loadBytes(folder / "motion.jpg", bytes);
    REQUIRE(loaded.width == 48);
    REQUIRE(meanDifference(loaded, expected) < 4.0);
}

TEST_CASE("photo files are recognised by extension, whatever its case", "[vision][photo]") {
    for (const char* name : {"a.jpg", "b.JPEG", "c.Png", "d.tif", "e.TIFF", "f.webp", "g.BMP", "/x/y/IMG_1.JPG"})
        CHECK(vision::looksLikePhotoFile(name));
    for (const char* name : {"a.gif", "b.heic", "c.smp.json", "jpg", "d.jpg.txt", "", "folder/"})
        CHECK_FALSE(vision::looksLikePhotoFile(name));
}
