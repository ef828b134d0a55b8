// Skin colour from the photo: patches of known CIELAB colour must come back with their ITA angle
// and band, with highlights and hairs ignored, and bad rectangles refused by name.

#include "core/Errors.h"
#include "vision/SkinSampler.h"

#include <catch2/catch.hpp>
#include <opencv2/imgproc.hpp>

#include <array>
#include <cmath>
#include <cstring>
#include <random>

using namespace smp;
using Catch::Matchers::Contains;

namespace {

// CIELAB (D65) back to 8-bit sRGB: the inverse of design::labFromSrgb, written out here so the
// test does not check the code with itself.
std::array<std::uint8_t, 3> srgbFromLab(const design::Lab& lab) {
    const auto finv = [](double t) { return t > 6.0 / 29.0 ? t * t * t : 3.0 * (6.0 / 29.0) * (6.0 / 29.0) * (t - 4.0 / 29.0); };
    const double fy = (lab.L + 16.0) / 116.0;
    const double x = 0.95047 * finv(fy + lab.a / 500.0);
    const double y = 1.00000 * finv(fy);
    const double z = 1.08883 * finv(fy - lab.b / 200.0);
    const std::array<double, 3> linear{3.2404542 * x - 1.5371385 * y - 0.4985314 * z,
                                       -0.9692660 * x + 1.8760108 * y + 0.0415560 * z,
                                       0.0556434 * x - 0.2040259 * y + 1.0572252 * z};
    std::array<std::uint8_t, 3> rgb{};
    for (std::size_t i = 0; i < 3; ++i) {
        const double v = linear[i];
        const double encoded = v <= 0.0031308 ? 12.92 * v : 1.055 * std::pow(v, 1.0 / 2.4) - 0.055;
        const double level = std::round(encoded * 255.0);
        REQUIRE(level >= 0.0);  // the test colour must lie inside sRGB
        REQUIRE(level <= 255.0);
        rgb[i] = static_cast<std::uint8_t>(level);
    }
    return rgb;
}

// A patch of one colour with +-2 levels of sensor noise, as a cv::Mat in RGB order to draw on.
cv::Mat skinPatch(const design::Lab& lab, int width, int height, unsigned seed) {
    const auto rgb = srgbFromLab(lab);
    cv::Mat patch(height, width, CV_8UC3, cv::Scalar(rgb[0], rgb[1], rgb[2]));
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> noise(-2, 2);
    for (auto it = patch.begin<cv::Vec3b>(); it != patch.end<cv::Vec3b>(); ++it)
        for (int c = 0; c < 3; ++c) (*it)[c] = cv::saturate_cast<std::uint8_t>((*it)[c] + noise(random));
    return patch;
}

core::Image toImage(const cv::Mat& rgb) {
    core::Image image(rgb.cols, rgb.rows, rgb.channels());
    for (int y = 0; y < rgb.rows; ++y) std::memcpy(image.row(y), rgb.ptr(y), image.rowBytes());
    return image;
}

struct Patch {
    design::Lab lab;
    design::SkinBand band;
};

// One skin colour from the middle of each band.
const std::array<Patch, 6> kPatches{{
    {{72.0, 6.0, 12.0}, design::SkinBand::VeryLight},     // ITA 61.4
    {{66.0, 8.0, 16.0}, design::SkinBand::Light},         // 45.0
    {{62.0, 10.0, 18.0}, design::SkinBand::Intermediate}, // 33.7
    {{57.0, 11.0, 20.0}, design::SkinBand::Tan},          // 19.3
    {{47.0, 12.0, 18.0}, design::SkinBand::Brown},        // -9.5
    {{30.0, 10.0, 14.0}, design::SkinBand::Dark},         // -55.0
}};

}  // namespace

TEST_CASE("a skin patch gives back its ITA angle and band", "[skin]") {
    for (const Patch& patch : kPatches) {
        const double expected = design::itaDegrees(patch.lab);
        CAPTURE(patch.lab.L, patch.lab.a, patch.lab.b, expected);
        REQUIRE(design::bandFromIta(expected) == patch.band);
        const core::Image photo = toImage(skinPatch(patch.lab, 120, 90, 7));
        const vision::SkinReading reading = vision::sampleSkin(photo, {10, 10, 100, 70});
        CAPTURE(reading.itaDegrees);
        REQUIRE(std::abs(reading.itaDegrees - expected) < 1.0);
        REQUIRE(reading.band == patch.band);
        REQUIRE(reading.lab.L == Approx(patch.lab.L).margin(0.5));
        REQUIRE(reading.sampledPx == core::RectPx{10, 10, 100, 70});
        REQUIRE(reading.pixelsUsed == 7000 - 2 * 700);
    }
}

TEST_CASE("highlights and dark hairs do not move the skin colour", "[skin]") {
    const Patch& patch = kPatches[2];
    cv::Mat drawn = skinPatch(patch.lab, 200, 150, 11);
    cv::Mat spots(drawn.size(), CV_8U, cv::Scalar(0));
    cv::Mat hairs(drawn.size(), CV_8U, cv::Scalar(0));
    std::mt19937 random(5);
    std::uniform_int_distribution<int> px(0, 199), py(0, 149), radius(1, 4), step(-12, 12);
    const double target = 0.08 * drawn.total();
    // Specular highlights: near-white discs. Hairs: dark strokes 1-2 px wide.
    while (cv::countNonZero(spots) < target) cv::circle(spots, {px(random), py(random)}, radius(random), 255, cv::FILLED);
    while (cv::countNonZero(hairs & ~spots) < target) {
        const cv::Point a{px(random), py(random)};
        cv::line(hairs, a, a + cv::Point{step(random), step(random)}, 255, 1 + radius(random) % 2);
    }
    drawn.setTo(cv::Scalar(250, 248, 244), spots);
    drawn.setTo(cv::Scalar(38, 26, 20), hairs & ~spots);
    const core::Image photo = toImage(drawn);

    const vision::SkinReading reading = vision::sampleSkin(photo, {0, 0, 200, 150});
    const double expected = design::itaDegrees(patch.lab);
    CAPTURE(reading.itaDegrees, expected, reading.lab.L, reading.lab.a, reading.lab.b);
    REQUIRE(std::abs(reading.itaDegrees - expected) < 1.5);
    REQUIRE(reading.band == patch.band);
}

TEST_CASE("transparent pixels are not skin", "[skin]") {
    core::Image photo(40, 40, 4);
    const auto light = srgbFromLab(kPatches[0].lab);
    const auto dark = srgbFromLab(kPatches[5].lab);
    for (int y = 0; y < 40; ++y) {
        for (int x = 0; x < 40; ++x) {
            // The left two thirds are dark skin but cut out (alpha 0); only the right third counts.
            const auto& rgb = x < 27 ? dark : light;
            std::uint8_t* p = photo.at(x, y);
            std::memcpy(p, rgb.data(), 3);
            p[3] = x < 27 ? 0 : 255;
        }
    }
    const vision::SkinReading reading = vision::sampleSkin(photo, {0, 0, 40, 40});
    REQUIRE(reading.band == design::SkinBand::VeryLight);
    REQUIRE_THROWS_WITH(vision::sampleSkin(photo, {0, 0, 20, 40}), Contains("no opaque skin pixels"));
}

TEST_CASE("a rectangle outside the photo, an empty rectangle or photo is refused by name", "[skin]") {
    const core::Image photo = toImage(skinPatch(kPatches[1].lab, 200, 150, 3));
    REQUIRE_THROWS_AS(vision::sampleSkin(photo, {190, 10, 20, 20}), core::UsageError);
    REQUIRE_THROWS_WITH(vision::sampleSkin(photo, {190, 10, 20, 20}),
                        Contains("rectangle x 190, y 10, 20x20 px") && Contains("200x150 photo"));
    REQUIRE_THROWS_WITH(vision::sampleSkin(photo, {-5, 0, 20, 20}), Contains("not inside"));
    REQUIRE_THROWS_WITH(vision::sampleSkin(photo, {500, 500, 20, 20}), Contains("not inside"));
    REQUIRE_THROWS_WITH(vision::sampleSkin(photo, {10, 10, 0, 20}), Contains("0x20 px"));
    REQUIRE_THROWS_WITH(vision::sampleSkin(core::Image{}, {0, 0, 1, 1}), Contains("the photo is empty"));
}

namespace {

// A face seen at 4 px/mm, head tilted by 10 degrees: hair above the hairline, forehead skin
// down to just above the brows, darker brow-and-eye skin below, and a green wall beside the head.
struct ForeheadScene {
    core::Image photo;
    design::FaceFrame frame;
    core::PhotoScale scale{4.0, core::ScaleSource::Ruler};
    double hairlineMm = 65.0;
};

ForeheadScene foreheadScene() {
    ForeheadScene scene;
    const double tilt = 10.0 * 3.14159265358979 / 180.0;
    scene.frame.glabella = {60.0, 90.0};
    scene.frame.up = {std::sin(tilt), -std::cos(tilt)};
    scene.frame.outerEyeMm = 45.0;
    const auto forehead = srgbFromLab(kPatches[3].lab);
    const auto brows = srgbFromLab({35.0, 8.0, 12.0});
    const auto hair = srgbFromLab({20.0, 2.0, 4.0});
    const auto wall = srgbFromLab({70.0, -40.0, 30.0});
    scene.photo = core::Image(480, 520, 3);
    for (int y = 0; y < scene.photo.height; ++y) {
        for (int x = 0; x < scene.photo.width; ++x) {
            const core::Vec2 mm{(x + 0.5) / scene.scale.pxPerMm, (y + 0.5) / scene.scale.pxPerMm};
            const double across = scene.frame.acrossOf(mm);
            const double above = scene.frame.aboveOf(mm);
            const auto& rgb = std::abs(across) > 0.6 * 45.0 + 2.0 ? wall
                              : above > scene.hairlineMm        ? hair
                              : above < 8.0                     ? brows
                                                                : forehead;
            std::memcpy(scene.photo.at(x, y), rgb.data(), 3);
        }
    }
    return scene;
}

}  // namespace

TEST_CASE("the forehead is sampled between brows and hairline, following the head's tilt", "[skin]") {
    const ForeheadScene scene = foreheadScene();
    const vision::SkinReading reading =
        vision::sampleForehead(scene.photo, scene.frame, scene.scale, scene.hairlineMm);
    const double expected = design::itaDegrees(kPatches[3].lab);
    CAPTURE(reading.itaDegrees, expected, reading.pixelsUsed);
    REQUIRE(std::abs(reading.itaDegrees - expected) < 1.0);
    REQUIRE(reading.band == design::SkinBand::Tan);
    // 40 mm tall (capped) by 54 mm wide at 4 px/mm, less the trimmed fifth.
    REQUIRE(reading.pixelsUsed == Approx(0.8 * 40 * 54 * 16).epsilon(0.02));
    // The tilted rectangle's bounds are wider than 54 mm.
    REQUIRE(reading.sampledPx.width > 54 * 4);
}

TEST_CASE("a forehead that cannot be sampled says why", "[skin]") {
    const ForeheadScene scene = foreheadScene();
    design::FaceFrame away = scene.frame;
    away.glabella = {-400.0, -300.0};
    REQUIRE_THROWS_WITH(vision::sampleForehead(scene.photo, away, scene.scale, 65.0),
                        Contains("lies outside the 480x520 photo"));
    REQUIRE_THROWS_WITH(vision::sampleForehead(scene.photo, scene.frame, scene.scale, 20.0),
                        Contains("hairline 20 mm above the glabella leaves no forehead"));
    REQUIRE_THROWS_WITH(vision::sampleForehead(scene.photo, scene.frame, {0.0, core::ScaleSource::Ruler}, 65.0),
                        Contains("0 px/mm"));
    REQUIRE_THROWS_AS(vision::sampleForehead(core::Image{}, scene.frame, scene.scale, 65.0), core::UsageError);
}
