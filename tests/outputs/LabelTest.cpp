// Labels, bands and the scale bar, drawn on plain pictures: no GL needed.
#include "outputs/Captions.h"
#include "outputs/ScaleBar.h"

#include <catch2/catch.hpp>

#include <opencv2/imgproc.hpp>

using namespace smp::outputs;

TEST_CASE("the scale bar takes the longest round length that fits", "[outputs]") {
    // The demo photo: 6.1 px/mm.
    REQUIRE(chooseScaleBar(6.1, 400)->mm == 50);
    REQUIRE(chooseScaleBar(6.1, 400)->px == 305);
    REQUIRE(chooseScaleBar(6.1, 100)->mm == 10);
    REQUIRE(chooseScaleBar(6.1, 1000)->mm == 100);
    REQUIRE(chooseScaleBar(0.5, 100)->mm == 100);
    REQUIRE(chooseScaleBar(0.5, 40)->mm == 50);
    REQUIRE(chooseScaleBar(1.0, 2) == std::nullopt);   // even 1 mm... is under 3 px: no bar
    REQUIRE(chooseScaleBar(0.0, 100) == std::nullopt);
    REQUIRE(chooseScaleBar(200.0, 100) == std::nullopt);  // 1 mm is 200 px
}

TEST_CASE("a scale bar is drawn in the bottom-right corner and is as long as it says", "[outputs]") {
    cv::Mat picture(400, 800, CV_8UC3, cv::Scalar(128, 128, 128));
    const cv::Rect band = drawScaleBar(picture, {0, 0, 800, 400}, 4.0, false, 20);
    REQUIRE_FALSE(band.empty());
    REQUIRE(band.x + band.width <= 800);
    REQUIRE(band.y + band.height <= 400);
    REQUIRE(band.x > 400);
    REQUIRE(band.y > 200);
    // The bar itself: the longest run of white in the band's middle row is 50 mm at 4 px/mm.
    const int middle = band.y + band.height / 2;
    int longest = 0;
    int run = 0;
    for (int x = band.x; x < band.x + band.width; ++x) {
        const cv::Vec3b pixel = picture.at<cv::Vec3b>(middle, x);
        run = pixel[0] > 240 ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    REQUIRE(longest == 200);
}

TEST_CASE("labels draw legible text on a dark translucent band", "[outputs]") {
    cv::Mat picture(300, 600, CV_8UC3, cv::Scalar(240, 230, 220));  // light skin
    const cv::Rect tag = drawTag(picture, {0, 0, 600, 300}, Corner::TopLeft, "BEFORE", "21 Nov 2026", 24);
    REQUIRE(tag.x > 0);
    REQUIRE(tag.y > 0);
    REQUIRE(tag.width > 100);
    // The band darkens the picture; the text is light on it.
    const cv::Mat inside = picture(tag);
    double darkest = 0.0;
    double lightest = 0.0;
    cv::Mat grey;
    cv::cvtColor(inside, grey, cv::COLOR_RGB2GRAY);
    cv::minMaxLoc(grey, &darkest, &lightest);
    REQUIRE(darkest < 110);
    REQUIRE(lightest > 200);
    // Outside the tag the picture is untouched.
    REQUIRE(picture.at<cv::Vec3b>(tag.y + tag.height + 5, tag.x + 5) == cv::Vec3b(240, 230, 220));
    // The same tag in the other corner sits against the right edge.
    const cv::Rect right = drawTag(picture, {0, 0, 600, 300}, Corner::BottomRight, "AFTER", "", 24);
    REQUIRE(right.x + right.width < 600);
    REQUIRE(right.x + right.width > 560);
    REQUIRE(right.y + right.height > 260);
}

TEST_CASE("text grows with its size and wraps at spaces", "[outputs]") {
    const LabelFont& font = LabelFont::get(FontWeight::Regular);
    const int small = font.measure("Session 2 of 3 \xC2\xB7 settled", 12).width;
    const int large = font.measure("Session 2 of 3 \xC2\xB7 settled", 48).width;
    REQUIRE(small > 0);
    REQUIRE(large > 3 * small);
    REQUIRE(LabelFont::get(FontWeight::Bold).measure("BEFORE", 24).width >
            font.measure("BEFORE", 24).width);
    const auto lines = wrapText(font, "keep the scalp dry; no touching, scratching or shaving", 20, 200);
    REQUIRE(lines.size() >= 2);
    for (const std::string& line : lines) REQUIRE(font.measure(line, 20).width <= 200);
    REQUIRE(wrapText(font, "", 20, 200).empty());
}

TEST_CASE("label sizes follow the picture", "[outputs]") {
    REQUIRE(labelSizeFor({1600, 2000}) == 42);
    REQUIRE(labelSizeFor({100, 100}) == 12);
    REQUIRE(labelSizeFor({20000, 20000}) == 120);
}
