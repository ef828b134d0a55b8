// The dot footprint math, without GL: what each dot puts on the pigment texture.
#include "render/DotSplat.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

using namespace smp;

namespace {

// The splat's absorbance summed over texel centres, as the rasteriser samples it.
double sampledPigment(const render::DotSplat& splat) {
    const double reach = render::kSplatReachSigmas * splat.sigmaLong + 2.0;
    const double c = std::cos(splat.angleRad), s = std::sin(splat.angleRad);
    double sum = 0.0;
    for (int y = int(std::floor(splat.centreY - reach)); y <= int(std::ceil(splat.centreY + reach)); ++y)
        for (int x = int(std::floor(splat.centreX - reach)); x <= int(std::ceil(splat.centreX + reach)); ++x) {
            const double dx = x + 0.5 - splat.centreX, dy = y + 0.5 - splat.centreY;
            const double along = (dx * c + dy * s) / splat.sigmaLong, across = (-dx * s + dy * c) / splat.sigmaShort;
            sum += splat.peakAbsorbance * std::exp(-0.5 * (along * along + across * across));
        }
    return sum;
}

dots::Dot dotAt(double xMm, double yMm, double diameterMm, float shade) {
    dots::Dot dot;
    dot.positionMm = {xMm, yMm};
    dot.diameterMm = diameterMm;
    dot.shade = shade;
    return dot;
}

}  // namespace

TEST_CASE("the pigment layer has the photo's resolution up to a cap on its longest side", "[render][dots]") {
    const render::PigmentGrid phone = render::pigmentGrid({1000, 1300}, 4.0, 8192);
    REQUIRE(phone.texels == core::SizePx{1000, 1300});
    REQUIRE(phone.texelsPerMm.x == Approx(4.0));
    REQUIRE(phone.texelsPerMm.y == Approx(4.0));

    const render::PigmentGrid huge = render::pigmentGrid({12000, 6001}, 10.0, 8192);
    REQUIRE(huge.texels == core::SizePx{8192, 4097});
    REQUIRE(huge.texelsPerMm.x == Approx(10.0 * 8192 / 12000));
    REQUIRE(huge.texelsPerMm.y == Approx(10.0 * 4097 / 6001));
}

TEST_CASE("a dot's pigment grows with its shade and area, not with its elongation", "[render][dots]") {
    const render::PigmentOptics optics;
    dots::Dot dot = dotAt(0, 0, 0.2, 0.5f);
    const double round = render::dotPigmentMm2(dot, optics);
    REQUIRE(round == Approx(0.5 * optics.absorbanceAtFullShade * std::numbers::pi * 0.01));
    dot.ellipseRatio = 2.5f;
    REQUIRE(render::dotPigmentMm2(dot, optics) == Approx(round));
    dot.shade = 1.0f;
    REQUIRE(render::dotPigmentMm2(dot, optics) == Approx(2 * round));
    dot.diameterMm = 0.4;
    REQUIRE(render::dotPigmentMm2(dot, optics) == Approx(8 * round));
}

TEST_CASE("a splat holds the dot's pigment wherever it falls, even when smaller than a texel", "[render][dots]") {
    const render::PigmentOptics optics;
    for (double pxPerMm : {1.0, 2.0, 4.0, 20.0})
        for (double phase : {0.0, 0.25, 0.5}) {
            const render::PigmentGrid grid = render::pigmentGrid({1000, 1000}, pxPerMm, 8192);
            dots::Dot dot = dotAt((100 + phase) / pxPerMm, (100 + phase) / pxPerMm, 0.15, 0.8f);
            dot.ellipseRatio = 1.6f;
            dot.angleRad = 0.7f;
            const double expected = render::dotPigmentMm2(dot, optics) * pxPerMm * pxPerMm;
            INFO("px/mm " << pxPerMm << ", phase " << phase);
            REQUIRE(sampledPigment(render::splatDot(dot, grid, optics)) == Approx(expected).epsilon(0.03));
        }
}

TEST_CASE("a splat is the dot blurred by scattering in the skin", "[render][dots]") {
    render::PigmentOptics optics;
    const render::PigmentGrid grid = render::pigmentGrid({2000, 2000}, 100.0, 8192);
    dots::Dot dot = dotAt(1.0, 2.0, 0.4, 1.0f);
    dot.ellipseRatio = 4.0f;
    dot.angleRad = 0.3f;
    const render::DotSplat splat = render::splatDot(dot, grid, optics);
    REQUIRE(splat.centreX == Approx(100.0f));
    REQUIRE(splat.centreY == Approx(200.0f));
    REQUIRE(splat.angleRad == Approx(0.3f));
    // Semi-axes 0.4 and 0.1 mm: sigmas of a/2, widened by the 0.05 mm scatter and half a texel.
    REQUIRE(splat.sigmaLong == Approx(std::sqrt(0.04 + 0.0025) * 100.0).epsilon(0.01));
    REQUIRE(splat.sigmaShort == Approx(std::sqrt(0.0025 + 0.0025) * 100.0).epsilon(0.01));

    optics.scatterSigmaMm = 0.1;
    REQUIRE(render::splatDot(dot, grid, optics).sigmaShort > splat.sigmaShort);
}
