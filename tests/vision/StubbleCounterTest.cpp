// Stubble counting on generated close-ups whose every dot is known: the count and density must
// come back within 5%, under flat and uneven light, and bad requests must say what is wrong.

#include "core/Errors.h"
#include "vision/StubbleCounter.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <random>
#include <vector>

using namespace smp;
using Catch::Matchers::Contains;

namespace {

double linearFromLevel(double level) {
    const double e = level / 255.0;
    return e <= 0.04045 ? e / 12.92 : std::pow((e + 0.055) / 1.055, 2.4);
}

double levelFromLinear(double v) {
    const double e = v <= 0.0031308 ? 12.92 * v : 1.055 * std::pow(v, 1.0 / 2.4) - 0.055;
    return e * 255.0;
}

struct StubbleScene {
    double dotsPerCm2 = 60.0;
    double pxPerMm = 10.0;
    double sideMm = 26.0;        // the photo is square
    double marginMm = 3.0;       // the rectangle leaves this much photo on every side
    double lightLeft = 1.0;      // light falling on the skin, left edge to right edge
    double lightRight = 1.0;
    double darkestDot = 0.85;    // core darkness of the dots: 1 - Y_dot / Y_skin
    double lightestDot = 0.5;
    double smallestDotMm = 0.15; // dot diameter (full width at half darkness)
    double largestDotMm = 0.30;
    double noiseLevels = 1.5;    // sensor noise, standard deviation in 8-bit levels
    unsigned seed = 1;
};

struct StubblePhoto {
    core::Image image;
    core::RectPx rectPx;
    int dotsInRect = 0;
    double meanDarkness = 0.0;  // of the dots in the rectangle
};

struct Dot {
    double x, y, sigmaPx, darkness;
};

// Skin of sRGB (205, 165, 140) under the given light, dark Gaussian dots thrown at random with
// at least 0.6 mm between centres (fixed seed), then 8-bit noise.
StubblePhoto makeStubblePhoto(const StubbleScene& s) {
    const int size = static_cast<int>(std::lround(s.sideMm * s.pxPerMm));
    const int margin = static_cast<int>(std::lround(s.marginMm * s.pxPerMm));
    StubblePhoto out;
    out.rectPx = {margin, margin, size - 2 * margin, size - 2 * margin};

    std::mt19937 random(s.seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const int wanted = static_cast<int>(std::lround(s.dotsPerCm2 * s.sideMm * s.sideMm / 100.0));
    const double minGapPx = 0.6 * s.pxPerMm;
    std::vector<Dot> dots;
    for (int attempt = 0; attempt < 200 * wanted && static_cast<int>(dots.size()) < wanted; ++attempt) {
        const double x = unit(random) * size, y = unit(random) * size;
        const bool clear = std::none_of(dots.begin(), dots.end(), [&](const Dot& d) {
            return std::hypot(d.x - x, d.y - y) < minGapPx;
        });
        if (!clear) continue;
        const double diameterPx = (s.smallestDotMm + unit(random) * (s.largestDotMm - s.smallestDotMm)) * s.pxPerMm;
        dots.push_back({x, y, diameterPx / 2.3548, s.lightestDot + unit(random) * (s.darkestDot - s.lightestDot)});
    }
    REQUIRE(static_cast<int>(dots.size()) == wanted);

    // What each pixel keeps of the skin's light.
    std::vector<double> keep(static_cast<std::size_t>(size) * size, 1.0);
    for (const Dot& d : dots) {
        const int reach = static_cast<int>(std::ceil(4.0 * d.sigmaPx));
        for (int y = std::max(0, static_cast<int>(d.y) - reach); y <= std::min(size - 1, static_cast<int>(d.y) + reach); ++y)
            for (int x = std::max(0, static_cast<int>(d.x) - reach); x <= std::min(size - 1, static_cast<int>(d.x) + reach); ++x) {
                const double r2 = (x + 0.5 - d.x) * (x + 0.5 - d.x) + (y + 0.5 - d.y) * (y + 0.5 - d.y);
                keep[static_cast<std::size_t>(y) * size + x] *= 1.0 - d.darkness * std::exp(-r2 / (2.0 * d.sigmaPx * d.sigmaPx));
            }
        const core::RectPx& r = out.rectPx;
        if (d.x >= r.x && d.y >= r.y && d.x < r.x + r.width && d.y < r.y + r.height) {
            ++out.dotsInRect;
            out.meanDarkness += d.darkness;
        }
    }
    out.meanDarkness /= std::max(1, out.dotsInRect);

    const std::array<double, 3> skin{linearFromLevel(205), linearFromLevel(165), linearFromLevel(140)};
    std::normal_distribution<double> noise(0.0, s.noiseLevels);
    out.image = core::Image(size, size, 3);
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) {
            const double light = s.lightLeft + (s.lightRight - s.lightLeft) * (x + 0.5) / size;
            for (int c = 0; c < 3; ++c) {
                const double v = skin[static_cast<std::size_t>(c)] * light * keep[static_cast<std::size_t>(y) * size + x];
                out.image.at(x, y)[c] =
                    static_cast<std::uint8_t>(std::clamp(std::round(levelFromLinear(v) + noise(random)), 0.0, 255.0));
            }
        }
    return out;
}

void requireCount(const StubbleScene& scene) {
    const StubblePhoto photo = makeStubblePhoto(scene);
    const vision::StubbleReading reading = vision::countStubble(photo.image, photo.rectPx, {scene.pxPerMm});
    const double areaCm2 = photo.rectPx.width * photo.rectPx.height / (scene.pxPerMm * scene.pxPerMm) / 100.0;
    CAPTURE(scene.dotsPerCm2, scene.lightLeft, scene.lightRight, photo.dotsInRect, reading.dots, reading.dotsPerCm2,
            reading.meanShade, photo.meanDarkness);
    REQUIRE(std::abs(reading.dots - photo.dotsInRect) <= 0.05 * photo.dotsInRect);
    REQUIRE(reading.areaCm2 == Approx(areaCm2));
    REQUIRE(reading.dotsPerCm2 == Approx(photo.dotsInRect / areaCm2).epsilon(0.05));
    REQUIRE(reading.rectPx == photo.rectPx);
}

}  // namespace

TEST_CASE("stubble is counted within 5% at 40 and 90 dots/cm2", "[stubble]") {
    for (const double density : {40.0, 90.0}) {
        StubbleScene scene;
        scene.dotsPerCm2 = density;
        scene.seed = static_cast<unsigned>(density);
        requireCount(scene);
    }
}

TEST_CASE("uneven light across the reference does not change the count", "[stubble]") {
    for (const double density : {40.0, 90.0}) {
        StubbleScene scene;
        scene.dotsPerCm2 = density;
        scene.lightLeft = 0.45;  // the left edge in shadow, less than half the light of the right
        scene.lightRight = 1.05;
        scene.seed = 100 + static_cast<unsigned>(density);
        requireCount(scene);
    }
}

TEST_CASE("a sharper close-up counts the same", "[stubble]") {
    StubbleScene scene;
    scene.dotsPerCm2 = 70.0;
    scene.pxPerMm = 24.0;
    scene.sideMm = 14.0;
    scene.marginMm = 2.0;
    requireCount(scene);
}

TEST_CASE("bare skin with noise has no stubble", "[stubble]") {
    StubbleScene scene;
    scene.dotsPerCm2 = 0.0;
    scene.noiseLevels = 3.0;
    scene.lightLeft = 0.5;
    const StubblePhoto photo = makeStubblePhoto(scene);
    const vision::StubbleReading reading = vision::countStubble(photo.image, photo.rectPx, {10.0});
    REQUIRE(reading.dots == 0);
    REQUIRE(reading.dotsPerCm2 == 0.0);
    REQUIRE(reading.meanShade == 0.0);
}

TEST_CASE("moles and long hairs lying flat are not stubble", "[stubble]") {
    StubbleScene scene;
    scene.dotsPerCm2 = 50.0;
    StubblePhoto photo = makeStubblePhoto(scene);
    // A 2 mm mole and a 4 mm hair, both well inside the rectangle, drawn over the dots.
    for (int y = 0; y < photo.image.height; ++y)
        for (int x = 0; x < photo.image.width; ++x) {
            const bool mole = std::hypot(x - 80.0, y - 80.0) < 10.0;
            const bool hair = y >= 150 && y < 152 && x >= 100 && x < 140;
            if (mole || hair) photo.image.at(x, y)[0] = photo.image.at(x, y)[1] = photo.image.at(x, y)[2] = 40;
        }
    const vision::StubbleReading reading = vision::countStubble(photo.image, photo.rectPx, {10.0});
    CAPTURE(reading.dots, photo.dotsInRect);
    // The mole and hair cover a few true dots; none of them may add a count.
    REQUIRE(reading.dots <= photo.dotsInRect);
    REQUIRE(reading.dots >= 0.9 * photo.dotsInRect);
}

TEST_CASE("the mean shade follows the dots' darkness", "[stubble]") {
    StubbleScene dark;
    dark.darkestDot = 0.9;
    dark.lightestDot = 0.8;
    dark.pxPerMm = 20.0;  // dots of 3-6 px, so their cores are seen
    dark.sideMm = 16.0;
    StubbleScene faint = dark;
    faint.darkestDot = 0.45;
    faint.lightestDot = 0.35;
    const StubblePhoto darkPhoto = makeStubblePhoto(dark);
    const StubblePhoto faintPhoto = makeStubblePhoto(faint);
    const auto darkReading = vision::countStubble(darkPhoto.image, darkPhoto.rectPx, {20.0});
    const auto faintReading = vision::countStubble(faintPhoto.image, faintPhoto.rectPx, {20.0});
    CAPTURE(darkReading.meanShade, darkPhoto.meanDarkness, faintReading.meanShade, faintPhoto.meanDarkness);
    REQUIRE(darkReading.meanShade == Approx(darkPhoto.meanDarkness).margin(0.1));
    REQUIRE(faintReading.meanShade == Approx(faintPhoto.meanDarkness).margin(0.1));
    REQUIRE(darkReading.match().meanShade == darkReading.meanShade);
    REQUIRE(darkReading.match().dotsPerCm2 == darkReading.dotsPerCm2);
}

TEST_CASE("a bad reference request says what is wrong", "[stubble]") {
    StubbleScene scene;
    const StubblePhoto photo = makeStubblePhoto(scene);  // 260x260 px at 10 px/mm
    const core::PhotoScale scale{10.0};
    REQUIRE_THROWS_AS(vision::countStubble(photo.image, {250, 10, 60, 60}, scale), core::UsageError);
    REQUIRE_THROWS_WITH(vision::countStubble(photo.image, {250, 10, 60, 60}, scale),
                        Contains("rectangle x 250, y 10, 60x60 px") && Contains("not inside the 260x260 photo"));
    REQUIRE_THROWS_WITH(vision::countStubble(photo.image, {-1, 0, 60, 60}, scale), Contains("not inside"));
    REQUIRE_THROWS_WITH(vision::countStubble(photo.image, {10, 10, 20, 80}, scale),
                        Contains("rectangle x 10, y 10, 20x80 px") && Contains("2 x 8 mm") &&
                            Contains("at least 5 mm a side"));
    REQUIRE_THROWS_WITH(vision::countStubble(photo.image, {10, 10, 60, 60}, {0.0}), Contains("scale is 0 px/mm"));
    REQUIRE_THROWS_WITH(vision::countStubble(photo.image, {10, 10, 60, 60}, {std::nan("")}),
                        Contains("scale is nan px/mm"));
    REQUIRE_THROWS_WITH(vision::countStubble(photo.image, {0, 0, 60, 60}, {3.0}), Contains("too coarse"));
    REQUIRE_THROWS_WITH(vision::countStubble(core::Image{}, {0, 0, 60, 60}, scale), Contains("the photo is empty"));
}
