// writeImage: PNG and JPEG by extension, options checked, and a failure never damages the file
// that was there before or leaves a temporary file behind.

#include "vision/ImageWriter.h"
#include "core/Errors.h"
#include "vision/PhotoLoader.h"

#include "TestFolder.h"
#include "TestImages.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>

#include <sys/stat.h>
#include <unistd.h>

using namespace smp;
using namespace smp::test;
using Catch::Matchers::Equals;
using Catch::Matchers::StartsWith;

namespace {

std::vector<std::string> folderEntries(const std::filesystem::path& folder) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TEST_CASE("PNG round trips exactly, with or without alpha", "[vision][writer]") {
    const auto folder = freshFolder("vision_write_png");
    const int channels = GENERATE(3, 4);
    const int compression = GENERATE(0, 1, 9);
    INFO(channels << " channels, compression " << compression);
    const core::Image image = testPattern(40, 30, channels);
    vision::writeImage(image, folder / "render.png", {.pngCompression = compression});
    const core::Image loaded = vision::loadPhoto(folder / "render.png");
    REQUIRE(loaded.channels == channels);
    REQUIRE(maxDifference(loaded, image) == 0);
    REQUIRE(folderEntries(folder) == std::vector<std::string>{"render.png"});
}

// Level 1, the default, takes OpenCV's speed preset (Sub filter only) rather than adaptive
// filtering: it must stay lossless on photo-like detail over rows long enough to span several
// zlib buffers, and still compress.
TEST_CASE("PNG at the default level is lossless on noisy detail and still compresses", "[vision][writer]") {
    const auto folder = freshFolder("vision_write_png_detail");
    const int channels = GENERATE(3, 4);
    INFO(channels << " channels");
    core::Image image = testPattern(1200, 400, channels);
    std::uint32_t state = 12345;  // a fixed LCG: the same noise on every run
    for (std::uint8_t& value : image.pixels) {
        state = state * 1664525u + 1013904223u;
        value = static_cast<std::uint8_t>(std::clamp(int(value) + int(state >> 29) - 4, 0, 255));
    }
    vision::writeImage(image, folder / "detail.png");
    const core::Image loaded = vision::loadPhoto(folder / "detail.png");
    REQUIRE(loaded.channels == channels);
    REQUIRE(maxDifference(loaded, image) == 0);

    const core::Image smooth = testPattern(1200, 400, channels);
    vision::writeImage(smooth, folder / "smooth.png");
    CHECK(std::filesystem::file_size(folder / "smooth.png") < smooth.pixels.size() / 4);  // stored: > 100%
}

TEST_CASE("JPEG is written close to the image, dropping alpha", "[vision][writer]") {
    const auto folder = freshFolder("vision_write_jpeg");
    const std::string name = GENERATE(as<std::string>{}, "render.jpg", "render.JPEG");
    const int channels = GENERATE(3, 4);
    INFO(name << ", " << channels << " channels");
    const core::Image image = testPattern(48, 32, channels);
    vision::writeImage(image, folder / name);
    const core::Image loaded = vision::loadPhoto(folder / name);
    REQUIRE(loaded.channels == 3);
    core::Image opaque = testPattern(48, 32, 3);
    // Quality 92 (the default) on a smooth gradient: a few levels on average.
    REQUIRE(meanDifference(loaded, opaque) < 4.0);
}

TEST_CASE("JPEG quality changes the file", "[vision][writer]") {
    const auto folder = freshFolder("vision_write_quality");
    const core::Image image = testPattern(64, 64);
    vision::writeImage(image, folder / "low.jpg", {.jpegQuality = 10});
    vision::writeImage(image, folder / "high.jpg", {.jpegQuality = 100});
    REQUIRE(std::filesystem::file_size(folder / "low.jpg") < std::filesystem::file_size(folder / "high.jpg"));
}

TEST_CASE("an unknown extension, bad options or an empty image are usage errors", "[vision][writer][errors]") {
    const auto folder = freshFolder("vision_write_usage");
    const core::Image image = testPattern(8, 8);
    REQUIRE_THROWS_AS(vision::writeImage(image, folder / "out.gif"), core::UsageError);
    REQUIRE_THROWS_WITH(
        vision::writeImage(image, folder / "out.gif"),
        Equals((folder / "out.gif").string() + ": unsupported output format '.gif' (use .png, .jpg or .jpeg)"));
    REQUIRE_THROWS_WITH(
        vision::writeImage(image, folder / "out.TIFF"),
        Equals((folder / "out.TIFF").string() + ": unsupported output format '.TIFF' (use .png, .jpg or .jpeg)"));
    REQUIRE_THROWS_WITH(vision::writeImage(image, folder / "out"),
                        Equals((folder / "out").string() + ": no file extension (use .png, .jpg or .jpeg)"));
    const auto jpg = folder / "out.jpg";
    REQUIRE_THROWS_WITH(vision::writeImage(image, jpg, {.jpegQuality = 0}),
                        Equals(jpg.string() + ": JPEG quality 0 is out of range (1-100)"));
    REQUIRE_THROWS_WITH(vision::writeImage(image, jpg, {.jpegQuality = 101}),
                        Equals(jpg.string() + ": JPEG quality 101 is out of range (1-100)"));
    REQUIRE_THROWS_WITH(vision::writeImage(image, jpg, {.pngCompression = 10}),
                        Equals(jpg.string() + ": PNG compression 10 is out of range (0-9)"));
    REQUIRE_THROWS_WITH(vision::writeImage(image, jpg, {.pngCompression = -1}),
                        Equals(jpg.string() + ": PNG compression -1 is out of range (0-9)"));
    REQUIRE_THROWS_AS(vision::writeImage(core::Image{}, jpg), core::UsageError);
    REQUIRE_THROWS_WITH(vision::writeImage(core::Image{}, jpg),
                        Equals(jpg.string() + ": nothing to write (empty image)"));
    core::Image twoChannels(4, 4, 2);
    REQUIRE_THROWS_AS(vision::writeImage(twoChannels, jpg), core::UsageError);
    core::Image shortPixels(4, 4, 3);
    shortPixels.pixels.resize(10);
    REQUIRE_THROWS_AS(vision::writeImage(shortPixels, jpg), core::UsageError);
    REQUIRE(folderEntries(folder).empty());
}

TEST_CASE("a folder that cannot be written to is an input error and leaves nothing", "[vision][writer][errors]") {
    const auto folder = freshFolder("vision_write_unwritable");
    const core::Image image = testPattern(8, 8);
    const auto missing = folder / "missing" / "render.png";
    REQUIRE_THROWS_AS(vision::writeImage(image, missing), core::InputError);
    REQUIRE_THROWS_WITH(vision::writeImage(image, missing),
                        StartsWith(missing.string() + ": cannot create a file in that folder"));
    writeBytes(folder / "a-file", {1, 2, 3});
    const auto underFile = folder / "a-file" / "render.png";  // a "folder" that is a file
    REQUIRE_THROWS_WITH(vision::writeImage(image, underFile), StartsWith(underFile.string() + ": "));
    std::filesystem::create_directory(folder / "taken.png");
    REQUIRE_THROWS_WITH(vision::writeImage(image, folder / "taken.png"),
                        Equals((folder / "taken.png").string() + ": is a folder, not a file"));
    REQUIRE(folderEntries(folder) == std::vector<std::string>{"a-file", "taken.png"});
}

TEST_CASE("a failed write leaves the previous file byte for byte", "[vision][writer][errors]") {
    const auto folder = freshFolder("vision_write_keeps_old");
    const auto target = folder / "final.jpg";
    vision::writeImage(testPattern(48, 32), target);
    const ByteVector before = readBytes(target);
    REQUIRE_FALSE(before.empty());

    // The encoder refuses: libjpeg cannot store a side over 65500 pixels.
    const core::Image tooWide = testPattern(70000, 2);
    REQUIRE_THROWS_AS(vision::writeImage(tooWide, target), core::InputError);
    REQUIRE_THROWS_WITH(
        vision::writeImage(tooWide, target),
        Equals(target.string() + ": 70000x2 is too large for JPEG (at most 65500 pixels a side); use .png"));
    // A malformed image.
    core::Image broken(4, 4, 3);
    broken.pixels.resize(5);
    REQUIRE_THROWS_AS(vision::writeImage(broken, target), core::UsageError);
    REQUIRE(readBytes(target) == before);
    REQUIRE(folderEntries(folder) == std::vector<std::string>{"final.jpg"});  // no ".tmp-" leftovers

    // The folder turns read-only (not a barrier for root, who skips this part).
    if (::geteuid() != 0) {
        REQUIRE(::chmod(folder.c_str(), 0555) == 0);
        CHECK_THROWS_WITH(vision::writeImage(testPattern(8, 8), target),
                          StartsWith(target.string() + ": cannot create a file in that folder"));
        ::chmod(folder.c_str(), 0755);
        REQUIRE(readBytes(target) == before);
        REQUIRE(folderEntries(folder) == std::vector<std::string>{"final.jpg"});
    }
}
