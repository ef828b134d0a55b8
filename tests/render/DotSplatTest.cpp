// The dot footprint math, without GL: what each dot puts on the pigment texture, the redness
// field of fresh skin, and the CPU raster that an edit redraws a part of.
#include "render/DotSplat.h"
#include "render/PigmentCanvas.h"
#include "render/RednessField.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>
#include <span>
#include <vector>

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
    optics.scatterSigmaMm = 0.05;
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

TEST_CASE("a splat drawn on the CPU is the dot's Gaussian at texel centres and holds its pigment", "[render][dots]") {
    const render::PigmentOptics optics;
    for (double pxPerMm : {2.0, 4.0, 12.0, 40.0})
        for (double phase : {0.0, 0.3}) {
            const render::PigmentGrid grid = render::pigmentGrid({200, 200}, pxPerMm, 8192);
            dots::Dot dot = dotAt((100 + phase) / pxPerMm, (100 + 2 * phase) / pxPerMm, 0.25, 0.8f);
            dot.ellipseRatio = 2.0f;
            dot.angleRad = 0.6f;
            const render::DotSplat splat = render::splatDot(dot, grid, optics);
            std::vector<float> raster(200 * 200, 0.0f);
            render::addSplat(render::shapeOf(splat), raster.data(), 200, {0, 0, 200, 200});
            INFO("px/mm " << pxPerMm << ", phase " << phase);
            double sum = 0.0, worst = 0.0;
            const double c = std::cos(splat.angleRad), s = std::sin(splat.angleRad);
            for (int y = 0; y < 200; ++y)
                for (int x = 0; x < 200; ++x) {
                    const double value = raster[std::size_t(y) * 200 + std::size_t(x)];
                    sum += value;
                    const double dx = x + 0.5 - splat.centreX, dy = y + 0.5 - splat.centreY;
                    const double along = (dx * c + dy * s) / splat.sigmaLong,
                                 across = (-dx * s + dy * c) / splat.sigmaShort;
                    const double r2 = along * along + across * across;
                    const double expected = splat.peakAbsorbance * std::exp(-0.5 * r2);
                    // Inside the reach, the Gaussian; past it, nothing at all (a hair's breadth at
                    // the edge either way).
                    if (r2 < 0.99 * render::kSplatReachSigmas * render::kSplatReachSigmas)
                        worst = std::max(worst, std::abs(value - expected) / splat.peakAbsorbance);
                    else if (r2 > 1.01 * render::kSplatReachSigmas * render::kSplatReachSigmas)
                        REQUIRE(value == 0.0);
                }
            CHECK(worst < 1e-5);
            REQUIRE(sum == Approx(render::dotPigmentMm2(dot, optics) * pxPerMm * pxPerMm).epsilon(0.03));
        }
}

TEST_CASE("a splat drawn a tile at a time is bit for bit the splat drawn whole", "[render][dots]") {
    const render::PigmentGrid grid = render::pigmentGrid({64, 64}, 40.0, 8192);
    dots::Dot dot = dotAt(0.8, 0.8, 0.6, 1.0f);  // centred on the corner of four 32 x 32 tiles
    dot.ellipseRatio = 3.0f;
    dot.angleRad = 2.2f;
    const render::SplatShape shape = render::shapeOf(render::splatDot(dot, grid, {}));
    std::vector<float> whole(64 * 64, 0.0f), tiled(64 * 64, 0.0f);
    render::addSplat(shape, whole.data(), 64, {0, 0, 64, 64});
    for (int ty = 0; ty < 2; ++ty)
        for (int tx = 0; tx < 2; ++tx)
            render::addSplat(shape, tiled.data(), 64, {32 * tx, 32 * ty, 32, 32});
    REQUIRE(whole == tiled);
    const core::RectPx reach = render::splatReach(shape);
    REQUIRE(reach.x < 32);
    REQUIRE(reach.x + reach.width > 32);
}

namespace {

// count dots over widthMm x heightMm, healed sizes, some darker than healed, a few elongated.
std::vector<preview::DotLook> scatterLooks(double widthMm, double heightMm, int count, unsigned seed) {
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<preview::DotLook> dots(static_cast<std::size_t>(count));
    for (preview::DotLook& dot : dots) {
        dot.positionMm = {unit(random) * widthMm, unit(random) * heightMm};
        dot.diameterMm = 0.15 + 0.15 * unit(random);
        dot.shade = float(0.4 + 0.9 * unit(random));
        dot.ellipseRatio = float(1.0 + 0.5 * unit(random));
        dot.angleRad = float(3.14 * unit(random));
    }
    return dots;
}

}  // namespace

TEST_CASE("a red puncture spreads as a Gaussian of the redness sigma, and stops", "[render][dots][redness]") {
    render::PigmentOptics optics;
    const double pxPerMm = 10.0;
    const render::PigmentGrid grid = render::pigmentGrid({400, 400}, pxPerMm, 8192);
    const render::RednessGrid redness = render::rednessGrid(grid, optics);
    REQUIRE(redness.texelsPerCell > 1);  // smooth: coarser than the pigment

    // One puncture of redness 0.5, off the cells' centres, read back at every texel as the
    // composite samples the cells (bilinearly).
    const render::RednessSource source{203.3f, 196.8f, 0.5f};
    std::vector<float> cells;
    render::drawRedness(std::span(&source, 1), redness, cells);
    auto sample = [&](double x, double y) {
        const double u = x / redness.texelsPerCell - 0.5, v = y / redness.texelsPerCell - 0.5;
        const int i = int(std::floor(u)), j = int(std::floor(v));
        const double fu = u - i, fv = v - j;
        auto cell = [&](int ci, int cj) {
            ci = std::clamp(ci, 0, redness.cells.width - 1), cj = std::clamp(cj, 0, redness.cells.height - 1);
            return double(cells[std::size_t(cj) * std::size_t(redness.cells.width) + std::size_t(ci)]);
        };
        return (1 - fv) * ((1 - fu) * cell(i, j) + fu * cell(i + 1, j)) +
               fv * ((1 - fu) * cell(i, j + 1) + fu * cell(i + 1, j + 1));
    };
    double sum = 0.0, xx = 0.0, yy = 0.0;
    for (int y = 0; y < 400; ++y)
        for (int x = 0; x < 400; ++x) {
            const double value = sample(x + 0.5, y + 0.5);
            const double dx = x + 0.5 - source.xTexels, dy = y + 0.5 - source.yTexels;
            sum += value;
            xx += value * dx * dx;
            yy += value * dy * dy;
            if (std::max(std::abs(dx), std::abs(dy)) >= redness.reachTexels()) REQUIRE(value == 0.0);
        }
    // gain x density, summed over texels of 1/100 mm2: gain x the puncture's redness.
    REQUIRE(sum / (pxPerMm * pxPerMm) == Approx(optics.rednessGainMm2 * 0.5).epsilon(0.01));
    const double sigmaTexels = optics.rednessSigmaMm * pxPerMm;
    REQUIRE(std::sqrt(xx / sum) == Approx(sigmaTexels).epsilon(0.08));
    REQUIRE(std::sqrt(yy / sum) == Approx(sigmaTexels).epsilon(0.08));
    // It reaches no further than five sigmas.
    REQUIRE(redness.reachTexels() <= 5.0 * sigmaTexels + 1.0);
}

TEST_CASE("an edit redraws only the tiles its dots reach, exactly as a full redraw", "[render][dots]") {
    const double pxPerMm = 4.0;
    const render::PigmentGrid grid = render::pigmentGrid({600, 500}, pxPerMm, 8192);
    const render::PigmentOptics optics;
    std::vector<preview::DotLook> before = scatterLooks(150.0, 125.0, 8000, 1);
    before[10].redness = 0.7f;

    render::PigmentCanvas canvas;
    const std::vector<core::RectPx> first = canvas.redraw(before, grid, optics);
    REQUIRE(first.size() == 1);
    REQUIRE(first.front() == core::RectPx{0, 0, 600, 500});
    REQUIRE(canvas.redraw(before, grid, optics).empty());  // nothing changed, nothing redrawn

    // Reshape a corner: the dots in its top left 20 x 20 mm move, one turns red.
    std::vector<preview::DotLook> after = before;
    bool madeRed = false;
    for (preview::DotLook& dot : after)
        if (dot.positionMm.x < 20.0 && dot.positionMm.y < 20.0) {
            dot.positionMm.x += 0.3;
            dot.shade *= 0.9f;
            if (!madeRed) dot.redness = 1.0f, madeRed = true;
        }
    REQUIRE(madeRed);
    const std::vector<core::RectPx> changed = canvas.redraw(after, grid, optics);
    REQUIRE(!changed.empty());
    long long changedTexels = 0;
    for (const core::RectPx& rect : changed) {
        changedTexels += (long long)rect.width * rect.height;
        // Within the corner, widened by a tile and the redness's reach.
        REQUIRE(rect.x + rect.width <= 80 + render::kPigmentTileSide + canvas.rednessGrid().reachTexels());
        REQUIRE(rect.y + rect.height <= 80 + render::kPigmentTileSide + canvas.rednessGrid().reachTexels());
    }
    REQUIRE(changedTexels < 600 * 500 / 4);

    render::PigmentCanvas fresh;
    (void)fresh.redraw(after, grid, optics);
    const std::span<const float> edited = canvas.pigment(), whole = fresh.pigment();
    REQUIRE(std::equal(edited.begin(), edited.end(), whole.begin(), whole.end()));
    // The red dot's redness is in the raster, and only near it.
    double redSum = 0.0;
    for (std::size_t i = 1; i < edited.size(); i += 2)
        redSum += edited[i];
    REQUIRE(redSum > 0.0);

    // Back again, with the red dot gone: the redness goes with it.
    (void)canvas.redraw(before, grid, optics);
    render::PigmentCanvas original;
    (void)original.redraw(before, grid, optics);
    REQUIRE(std::equal(canvas.pigment().begin(), canvas.pigment().end(), original.pigment().begin(),
                       original.pigment().end()));
}

TEST_CASE("new optics or a new scale redraw the whole raster", "[render][dots]") {
    const std::vector<preview::DotLook> dots = scatterLooks(50.0, 50.0, 500, 2);
    const render::PigmentGrid grid = render::pigmentGrid({200, 200}, 4.0, 8192);
    render::PigmentCanvas canvas;
    (void)canvas.redraw(dots, grid, {});
    render::PigmentOptics darker;
    darker.absorbanceAtFullShade *= 1.2;
    const std::vector<core::RectPx> changed = canvas.redraw(dots, grid, darker);
    REQUIRE(changed.size() == 1);
    REQUIRE(changed.front() == core::RectPx{0, 0, 200, 200});
    const std::vector<core::RectPx> rescaled = canvas.redraw(dots, render::pigmentGrid({200, 200}, 5.0, 8192), darker);
    REQUIRE(rescaled.size() == 1);
}

TEST_CASE("a run of random edits always leaves the raster a full redraw would draw", "[render][dots]") {
    const double pxPerMm = 4.0;
    const core::SizePx texels{520, 440};
    const render::PigmentGrid grid = render::pigmentGrid(texels, pxPerMm, 8192);
    const render::PigmentOptics optics;
    std::vector<preview::DotLook> dots = scatterLooks(130.0, 110.0, 5000, 3);
    std::mt19937 random(21);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    render::PigmentCanvas canvas;
    (void)canvas.redraw(dots, grid, optics);
    for (int edit = 0; edit < 16; ++edit) {
        const std::vector<float> before(canvas.pigment().begin(), canvas.pigment().end());
        // A box somewhere; its dots move, fade out, leave the photo or turn red, or one goes.
        const double x0 = unit(random) * 110.0, y0 = unit(random) * 90.0;
        const int kind = edit % 5;
        for (preview::DotLook& dot : dots) {
            if (dot.positionMm.x < x0 || dot.positionMm.x > x0 + 20.0 || dot.positionMm.y < y0 ||
                dot.positionMm.y > y0 + 20.0 || unit(random) < 0.3)
                continue;
            if (kind == 0) dot.positionMm.x += 0.5 * (unit(random) - 0.5);
            if (kind == 1) dot.shade = 0.0f;  // no pigment: on no tile at all
            if (kind == 2) dot.positionMm.y -= 200.0;  // off the photo
            if (kind == 3) dot.redness = float(unit(random));
            if (kind == 4) dot.diameterMm *= 1.3;
        }
        if (edit % 7 == 6) dots.erase(dots.begin() + long(edit));  // a dot fewer: every placing shifts
        const std::vector<core::RectPx> changed = canvas.redraw(dots, grid, optics);
        render::PigmentCanvas fresh;
        (void)fresh.redraw(dots, grid, optics);
        INFO("edit " << edit << " kind " << kind);
        REQUIRE(std::equal(canvas.pigment().begin(), canvas.pigment().end(), fresh.pigment().begin(),
                           fresh.pigment().end()));
        // Every texel that differs from before lies in a rectangle the redraw reported.
        long unreported = 0, differing = 0;
        for (int y = 0; y < texels.height; ++y)
            for (int x = 0; x < texels.width; ++x) {
                const std::size_t at = 2 * (std::size_t(y) * texels.width + x);
                if (before[at] == canvas.pigment()[at] && before[at + 1] == canvas.pigment()[at + 1]) continue;
                ++differing;
                const bool reported = std::any_of(changed.begin(), changed.end(), [&](const core::RectPx& r) {
                    return x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height;
                });
                if (!reported) ++unreported;
            }
        REQUIRE(differing > 0);
        REQUIRE(unreported == 0);
    }
}
