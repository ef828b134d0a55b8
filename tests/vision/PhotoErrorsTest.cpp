// Every way a photo can fail to load gives core::InputError with one line, "<path>: <reason>".

#include "core/Errors.h"
#include "vision/PhotoLoader.h"

#include "TestFolder.h"
#include "TestImages.h"

#include <catch2/catch.hpp>
#include <opencv2/imgcodecs.hpp>

#include <sys/stat.h>
#include <unistd.h>

using namespace smp;
using namespace smp::test;
using Catch::Matchers::Equals;

namespace {

const std::string kCorrupt = ": truncated or corrupt image data";

// The pattern in each format the loader reads, named by extension.
std::vector<std::pair<std::string, ByteVector>> patternInEveryFormat(int width, int height) {
    const cv::Mat bgr = toBgrMat(testPattern(width, height));
    const cv::Mat bgra = toBgrMat(testPattern(width, height, 4));
    return {
        {".jpg", encodeWithOpenCv(bgr, ".jpg")},
        {".png", encodeWithOpenCv(bgr, ".png")},
        {".tiff", encodeWithOpenCv(bgr, ".tiff")},
        {".bmp", encodeWithOpenCv(bgr, ".bmp")},
        {".lossy.webp", encodeWithOpenCv(bgr, ".webp", {cv::IMWRITE_WEBP_QUALITY, 80})},      // VP8
        {".lossless.webp", encodeWithOpenCv(bgr, ".webp", {cv::IMWRITE_WEBP_QUALITY, 101})},  // VP8L
        {".alpha.webp", encodeWithOpenCv(bgra, ".webp", {cv::IMWRITE_WEBP_QUALITY, 80})},     // VP8X
    };
}

}  // namespace

TEST_CASE("a missing file, a folder and an empty file are named as such", "[vision][photo][errors]") {
    const auto folder = freshFolder("vision_missing");
    const auto missing = folder / "photo.jpg";
    REQUIRE_THROWS_AS(vision::loadPhoto(missing), core::InputError);
    REQUIRE_THROWS_WITH(vision::loadPhoto(missing), Equals(missing.string() + ": file not found"));
    REQUIRE_THROWS_WITH(vision::loadPhoto(folder / "no-such-folder" / "photo.jpg"),
                        Equals((folder / "no-such-folder" / "photo.jpg").string() + ": file not found"));
    REQUIRE_THROWS_WITH(vision::loadPhoto(folder), Equals(folder.string() + ": is a folder, not a file"));
    writeBytes(folder / "empty.jpg", {});
    REQUIRE_THROWS_WITH(vision::loadPhoto(folder / "empty.jpg"),
                        Equals((folder / "empty.jpg").string() + ": empty file (0 bytes)"));
    REQUIRE_THROWS_WITH(vision::loadPhoto(""), Equals("(empty path): no file name given"));
}

TEST_CASE("an unreadable file says so", "[vision][photo][errors]") {
    if (::geteuid() == 0) {
        WARN("running as root, which reads any file: permission check skipped");
        return;
    }
    const auto folder = freshFolder("vision_unreadable");
    const auto file = folder / "secret.jpg";
    writeBytes(file, encodeWithOpenCv(toBgrMat(testPattern(8, 8)), ".jpg"));
    REQUIRE(::chmod(file.c_str(), 0) == 0);
    REQUIRE_THROWS_WITH(vision::loadPhoto(file), Equals(file.string() + ": cannot open: Permission denied"));
    ::chmod(file.c_str(), 0644);
}

TEST_CASE("a named pipe is refused without blocking", "[vision][photo][errors]") {
    const auto folder = freshFolder("vision_fifo");
    const auto pipe = folder / "pipe.jpg";
    REQUIRE(::mkfifo(pipe.c_str(), 0644) == 0);
    REQUIRE_THROWS_WITH(vision::loadPhoto(pipe), Equals(pipe.string() + ": not a regular file"));
}

TEST_CASE("files that are not images are refused by content, not by name", "[vision][photo][errors]") {
    const auto folder = freshFolder("vision_not_images");
    const std::string text =
        GENERATE(as<std::string>{}, "These are my notes, not a photo.\n", "BM", "x", "GIF89a\x01\x00\x01\x00");
    const auto file = folder / "notes.jpg";
    writeBytes(file, ByteVector(text.begin(), text.end()));
    REQUIRE_THROWS_WITH(vision::loadPhoto(file),
                        Equals(file.string() + ": not a supported image (JPEG, PNG, TIFF, WebP, BMP)"));
}

TEST_CASE("a cut-off file is refused in every format", "[vision][photo][errors]") {
    const auto folder = freshFolder("vision_truncated");
    for (const auto& [ext, bytes] : patternInEveryFormat(48, 32)) {
        const auto file = folder / ("cut" + ext);
        INFO(file.filename());
        // Half the file, and the file less its last byte (for JPEG, half of the EOI marker).
        for (std::size_t size : {bytes.size() / 2, bytes.size() - 1}) {
            writeBytes(file, ByteVector(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(size)));
            REQUIRE_THROWS_WITH(vision::loadPhoto(file), Equals(file.string() + kCorrupt));
        }
        writeBytes(file, bytes);
        REQUIRE(vision::loadPhoto(file).width == 48);  // and whole, it loads
    }
}

TEST_CASE("the pixel limit is checked from every format's header", "[vision][photo][errors]") {
    const auto folder = freshFolder("vision_pixel_limit");
    vision::PhotoLimits limits;
    limits.maxPixels = 100;
    for (const auto& [ext, bytes] : patternInEveryFormat(24, 10)) {
        const auto file = folder / ("big" + ext);
        INFO(file.filename());
        writeBytes(file, bytes);
        REQUIRE_THROWS_WITH(vision::loadPhoto(file, limits),
                            Equals(file.string() + ": 24x10 is 240 px, over the 100 px limit"));
        limits.maxPixels = 240;  // exactly at the limit loads
        REQUIRE(vision::loadPhoto(file, limits).width == 24);
        limits.maxPixels = 100;
    }
}

TEST_CASE("a PNG claiming a huge size is refused before anything is allocated", "[vision][photo][errors]") {
    const auto folder = freshFolder("vision_huge_header");
    const auto file = folder / "big.png";
    // 20 gigapixels: decoding would try to allocate 60 GB. The file is 45 bytes.
    writeBytes(file, makePngHeaderOnly(200000, 100000));
    REQUIRE_THROWS_WITH(vision::loadPhoto(file),
                        Equals(file.string() + ": 200000x100000 is 20000 MP, over the 100 MP limit"));
    writeBytes(file, makePngHeaderOnly(12000, 10000));
    REQUIRE_THROWS_WITH(vision::loadPhoto(file),
                        Equals(file.string() + ": 12000x10000 is 120 MP, over the 100 MP limit"));
    // Rounded, 100.04 MP would read "100 MP, over the 100 MP limit": exact counts are given instead.
    writeBytes(file, makePngHeaderOnly(10004, 10000));
    REQUIRE_THROWS_WITH(vision::loadPhoto(file),
                        Equals(file.string() + ": 10004x10000 is 100040000 px, over the 100000000 px limit"));
}

TEST_CASE("the file size limit is checked before the file is read", "[vision][photo][errors]") {
    const auto folder = freshFolder("vision_size_limit");
    const auto file = folder / "photo.png";
    const ByteVector bytes = encodeWithOpenCv(toBgrMat(testPattern(8, 8)), ".png");
    writeBytes(file, bytes);
    vision::PhotoLimits limits;
    limits.maxFileBytes = 10;
    REQUIRE_THROWS_WITH(
        vision::loadPhoto(file, limits),
        Equals(file.string() + ": file is " + std::to_string(bytes.size()) + " bytes, over the 10 bytes limit"));
    limits.maxFileBytes = bytes.size();
    REQUIRE(vision::loadPhoto(file, limits).width == 8);
}
