// The healing timeline measured on rendered pixels: fresh work is darker by the configured ratio,
// red at first and never red once settled, and the dots a session sheds are gone once its scabs
// have flaked.
#include "core/dots/MicrodotEngine.h"
#include "core/preview/Healing.h"
#include "render/SceneRenderer.h"

#include "LinearLight.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

using namespace smp;

namespace {

constexpr double kPxPerMm = 10.0;
constexpr double kSideMm = 24.0;
const int kSidePx = int(kSideMm * kPxPerMm);
constexpr int kSkin[3] = {224, 172, 150};  // light skin, sRGB

core::Image plainSkin() {
    core::Image skin(kSidePx, kSidePx, 3);
    for (int y = 0; y < kSidePx; ++y)
        for (int x = 0; x < kSidePx; ++x)
            for (int c = 0; c < 3; ++c) skin.at(x, y)[c] = std::uint8_t(kSkin[c]);
    return skin;
}

// Three sessions over the middle of the patch; the border stays bare skin.
const dots::DotLayout& layout() {
    static const dots::DotLayout dots = dots::generateDots(
        dots::DensityField::fromFunction({0.0, 0.0, kSideMm, kSideMm}, 0.5,
                                         [](core::Vec2 p) {
                                             const bool inside = p.x > 4 && p.x < kSideMm - 4 && p.y > 4 &&
                                                                 p.y < kSideMm - 4;
                                             return dots::FieldValue{80.0, inside ? 1.0 : 0.0, 0.0, 0.0};
                                         }),
        dots::SessionPlan::standard(3), 11);
    return dots;
}

core::Image renderSkin(const std::vector<preview::DotLook>& looks) {
    render::SceneRenderer renderer;
    renderer.setPhoto(plainSkin());
    renderer.setDots(looks, kPxPerMm);
    return renderer.renderToImage({kSidePx, kSidePx}, {});
}

// Mean absorbance of the red channel over the treated square: light taken away, in optical
// density, which pigment adds up in whatever the dots' size.
double meanRedAbsorbance(const core::Image& image) {
    const double skin = test::decodeSrgb(kSkin[0]);
    double sum = 0.0;
    int n = 0;
    const int from = int(5 * kPxPerMm), to = kSidePx - from;
    for (int y = from; y < to; ++y)
        for (int x = from; x < to; ++x, ++n) sum += -std::log(std::max(1e-4, test::decodeSrgb(image.at(x, y)[0]) / skin));
    return sum / n;
}

// Green over red in linear light, averaged over the treated square: inflamed skin lowers it.
double greenOverRed(const core::Image& image) {
    double sum = 0.0;
    int n = 0;
    const int from = int(5 * kPxPerMm), to = kSidePx - from;
    for (int y = from; y < to; ++y)
        for (int x = from; x < to; ++x, ++n)
            sum += test::decodeSrgb(image.at(x, y)[1]) / std::max(1e-4, test::decodeSrgb(image.at(x, y)[0]));
    return sum / n;
}

double darknessAt(const core::Image& image, core::Vec2 mm) {
    const int x = int(mm.x * kPxPerMm), y = int(mm.y * kPxPerMm);
    return 1.0 - test::decodeSrgb(image.at(x, y)[1]) / test::decodeSrgb(kSkin[1]);
}

}  // namespace

TEST_CASE("fresh work is darker than settled work by the healing model's ratio", "[render][healing]") {
    const preview::HealingModel model;
    // Day 3: the scabs still hold all the fresh darkness, and the redness is gone, so the red
    // channel shows the pigment alone.
    REQUIRE(preview::rednessOn(model, 3.0) == 0.0);
    REQUIRE(preview::freshnessOn(model, 3.0) == 1.0);
    const double fresh = meanRedAbsorbance(renderSkin(preview::skinAt(layout(), {1, 3.0}, model)));
    // The same dots (the shed ones still there on day 3) with no healing at all: the settled look.
    preview::HealingModel noHealing = model;
    noHealing.freshDarkening = noHealing.freshGrowth = noHealing.rednessDays = 0.0;
    const double settled = meanRedAbsorbance(renderSkin(preview::skinAt(layout(), {1, 3.0}, noHealing)));
    INFO("fresh " << fresh << ", settled " << settled);
    REQUIRE(settled > 0.02);
    CHECK(fresh / settled == Approx(1.0 + model.freshDarkening).epsilon(0.06));
}

TEST_CASE("the scalp is red the day after a session and not once settled", "[render][healing]") {
    const double photo = test::decodeSrgb(kSkin[1]) / test::decodeSrgb(kSkin[0]);
    const double day1 = greenOverRed(renderSkin(preview::skinAt(layout(), {2, 1.0})));
    const double settled = greenOverRed(renderSkin(preview::skinAt(layout(), {2, std::nullopt})));
    INFO("green/red: photo " << photo << ", day 1 " << day1 << ", settled " << settled);
    // Carbon takes more red than green (blue-grey dots), so settled skin is never redder than the
    // photo; inflamed skin is clearly redder.
    CHECK(settled >= photo * 0.999);
    CHECK(day1 < photo * 0.92);
}

TEST_CASE("dots a session sheds are there while fresh and gone once the scabs flake", "[render][healing]") {
    const dots::DotLayout& dots = layout();
    const core::Image day1 = renderSkin(preview::skinAt(dots, {1, 1.0}));
    const core::Image day20 = renderSkin(preview::skinAt(dots, {1, 20.0}));
    int shed = 0, goneAfter = 0, thereBefore = 0;
    for (std::size_t i = 0; i < dots.sessionStart[1]; ++i) {
        if (!dots.dots[i].shedBeforeNext) continue;
        ++shed;
        if (darknessAt(day1, dots.dots[i].positionMm) > 0.15) ++thereBefore;
        if (darknessAt(day20, dots.dots[i].positionMm) < 0.05) ++goneAfter;
    }
    INFO(shed << " shed dots: " << thereBefore << " seen on day 1, " << goneAfter << " gone by day 20");
    REQUIRE(shed >= 8);
    CHECK(thereBefore == shed);
    CHECK(goneAfter >= shed * 9 / 10);  // a kept dot's tail may reach a few of the spots
}
