// EXIF orientation, 1 to 8, in both byte orders. The stored JPEG is always the same 48x32 pattern
// with a red block in its top-left corner and a green one in its top-right; each orientation
// must land the two blocks in its own pair of corners (no two orientations share a pair once the
// size is counted), so a mirror mistaken for a turn, or a turn applied twice, fails.

#include "vision/PhotoLoader.h"

#include "TestFolder.h"
#include "TestImages.h"

#include <catch2/catch.hpp>
#include <opencv2/imgcodecs.hpp>

#include <string>

using namespace smp;
using namespace smp::test;

namespace {

enum class Colour { Red, Green, Other };
enum Corner { TopLeft, TopRight, BottomLeft, BottomRight };

// The colour 4 pixels in from the corner, inside the 16x16 block if one is there.
Colour colourAt(const core::Image& image, Corner corner) {
    const int x = (corner == TopLeft || corner == BottomLeft) ? 4 : image.width - 5;
    const int y = (corner == TopLeft || corner == TopRight) ? 4 : image.height - 5;
    const std::uint8_t* p = image.at(x, y);
    if (p[0] > 200 && p[1] < 60 && p[2] < 60) return Colour::Red;
    if (p[0] < 60 && p[1] > 200 && p[2] < 60) return Colour::Green;
    return Colour::Other;
}

struct Expected {
    int orientation;
    bool swapsSides;
    Corner red;
    Corner green;
};

// Where the stored top-left (red) and top-right (green) corners must be seen.
constexpr Expected kExpected[] = {
    {1, false, TopLeft, TopRight},        // as shot
    {2, false, TopRight, TopLeft},        // mirrored left-right
    {3, false, BottomRight, BottomLeft},  // rotated 180
    {4, false, BottomLeft, BottomRight},  // mirrored top-bottom
    {5, true, TopLeft, BottomLeft},       // transposed
    {6, true, TopRight, BottomRight},     // rotated 90 clockwise
    {7, true, BottomRight, TopRight},     // transversed
    {8, true, BottomLeft, TopLeft},       // rotated 90 counter-clockwise
};

}  // namespace

TEST_CASE("EXIF orientations 1-8 are applied once, in either byte order", "[vision][photo][exif]") {
    const auto folder = freshFolder("vision_exif_orientation");
    const ByteVector stored = encodeWithOpenCv(toBgrMat(testPattern(48, 32)), ".jpg", {cv::IMWRITE_JPEG_QUALITY, 95});
    const bool bigEndian = GENERATE(false, true);
    for (const Expected& expected : kExpected) {
        INFO("orientation " << expected.orientation << (bigEndian ? ", big-endian" : ", little-endian"));
        const auto file = folder / ("o" + std::to_string(expected.orientation) + (bigEndian ? "mm" : "ii") + ".jpg");
        writeBytes(file, withExifOrientation(stored, expected.orientation, bigEndian));
        const core::Image loaded = vision::loadPhoto(file);
        REQUIRE(loaded.width == (expected.swapsSides ? 32 : 48));
        REQUIRE(loaded.height == (expected.swapsSides ? 48 : 32));
        CHECK(colourAt(loaded, expected.red) == Colour::Red);
        CHECK(colourAt(loaded, expected.green) == Colour::Green);
    }
}

TEST_CASE("a missing or out-of-range orientation leaves the photo as shot", "[vision][photo][exif]") {
    const auto folder = freshFolder("vision_exif_invalid");
    const ByteVector stored = encodeWithOpenCv(toBgrMat(testPattern(48, 32)), ".jpg", {cv::IMWRITE_JPEG_QUALITY, 95});
    const int orientation = GENERATE(0, 9, 0xFFFF);
    INFO("orientation " << orientation);
    writeBytes(folder / "odd.jpg", withExifOrientation(stored, orientation, false));
    const core::Image loaded = vision::loadPhoto(folder / "odd.jpg");
    REQUIRE(loaded.width == 48);
    CHECK(colourAt(loaded, TopLeft) == Colour::Red);
    CHECK(colourAt(loaded, TopRight) == Colour::Green);
}

TEST_CASE("a broken EXIF block does not stop the photo loading", "[vision][photo][exif]") {
    const auto folder = freshFolder("vision_exif_broken");
    const ByteVector stored = encodeWithOpenCv(toBgrMat(testPattern(48, 32)), ".jpg", {cv::IMWRITE_JPEG_QUALITY, 95});
    ByteVector bytes = withExifOrientation(stored, 6, false);
    // The IFD offset (bytes 10-13 of the TIFF header, after SOI, APP1 marker, length and "Exif\0\0")
    // now points far past the segment.
    const std::size_t ifdOffsetAt = 2 + 4 + 6 + 4;
    bytes[ifdOffsetAt + 3] = 0x7F;
    writeBytes(folder / "broken.jpg", bytes);
    const core::Image loaded = vision::loadPhoto(folder / "broken.jpg");
    REQUIRE(loaded.width == 48);
    CHECK(colourAt(loaded, TopLeft) == Colour::Red);
}
