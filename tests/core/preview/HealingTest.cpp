// The healing model: what the skin shows on each day of the timeline, without any rendering.
#include "core/Errors.h"
#include "core/dots/MicrodotEngine.h"
#include "core/preview/Healing.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace smp;
using preview::DotLook;
using preview::HealingModel;
using preview::TimelinePoint;

namespace {

dots::DotLayout threeSessions(const dots::DensityField& field) {
    return dots::generateDots(field, dots::SessionPlan::standard(3), 7);
}

const dots::DensityField& healthySkin() {
    static const dots::DensityField field = dots::DensityField::uniform({0.0, 0.0, 30.0, 30.0}, 80.0);
    return field;
}

// Pigment a dot holds, up to the constant the renderer multiplies it by: shade x area.
double pigment(const DotLook& look) { return double(look.shade) * look.diameterMm * look.diameterMm; }

double totalPigment(const std::vector<DotLook>& looks) {
    double sum = 0.0;
    for (const DotLook& look : looks) sum += pigment(look);
    return sum;
}

std::size_t countIn(const dots::DotLayout& layout, int session, bool shed) {
    std::size_t n = 0;
    for (const dots::Dot& dot : layout.dots)
        if (dot.session == session && dot.shedBeforeNext == shed) ++n;
    return n;
}

}  // namespace

TEST_CASE("healing curves run from fresh at day 0 to settled", "[healing]") {
    const HealingModel model;
    CHECK(preview::rednessOn(model, 0.0) == Approx(1.0));
    CHECK(preview::rednessOn(model, 1.0) > 0.5);
    CHECK(preview::rednessOn(model, model.rednessDays) == Approx(0.0));
    CHECK(preview::rednessOn(model, 20.0) == 0.0);

    CHECK(preview::freshnessOn(model, 0.0) == 1.0);
    CHECK(preview::freshnessOn(model, model.scabDays) == 1.0);
    CHECK(preview::freshnessOn(model, model.flakedDay) == Approx(1.0 - model.flakingShare));
    CHECK(preview::freshnessOn(model, model.settledDay) == Approx(0.0).margin(1e-12));
    CHECK(preview::sheddingOn(model, model.scabDays) == 0.0);
    CHECK(preview::sheddingOn(model, model.flakedDay) == 1.0);

    // Never brightening back, never jumping: each curve falls (or rises) step by step.
    double redness = 2.0, freshness = 2.0, shedding = -1.0;
    for (double day = 0.0; day <= 60.0; day += 0.25) {
        CHECK(preview::rednessOn(model, day) <= redness);
        CHECK(preview::freshnessOn(model, day) <= freshness);
        CHECK(preview::sheddingOn(model, day) >= shedding);
        CHECK(std::abs(preview::freshnessOn(model, day) - freshness) < 0.2 + (day == 0.0 ? 2.0 : 0.0));
        redness = preview::rednessOn(model, day);
        freshness = preview::freshnessOn(model, day);
        shedding = preview::sheddingOn(model, day);
    }
    CHECK(preview::rednessOn(model, -2.0) == preview::rednessOn(model, 0.0));
}

TEST_CASE("the settled skin shows every dot the sessions left, less the shed ones", "[healing]") {
    const dots::DotLayout layout = threeSessions(healthySkin());
    REQUIRE(countIn(layout, 0, true) > 0);
    REQUIRE(countIn(layout, 1, true) > 0);

    CHECK(preview::skinAt(layout, {0, std::nullopt}).empty());
    const auto settled2 = preview::skinAt(layout, {2, std::nullopt});
    CHECK(settled2.size() == countIn(layout, 0, false) + countIn(layout, 1, false));
    // More sessions than the plan has: all of them.
    CHECK(preview::skinAt(layout, {9, std::nullopt}).size() == preview::skinAt(layout, {3, std::nullopt}).size());
    for (const DotLook& look : settled2) CHECK(look.redness == 0.0f);
}

TEST_CASE("fresh work is red, larger and darker by the configured ratio, then settles", "[healing]") {
    const HealingModel model;
    const dots::DotLayout layout = threeSessions(healthySkin());
    const auto settled = preview::skinAt(layout, {1, std::nullopt}, model);
    // Day 0 with the shed dots still there: compare the same dots.
    const auto day0 = preview::skinAt(layout, {1, 0.0}, model);
    REQUIRE(day0.size() == countIn(layout, 0, false) + countIn(layout, 0, true));

    std::vector<DotLook> keptFresh;
    for (std::size_t i = 0, j = 0; i < layout.sessionStart[1]; ++i) {
        if (!layout.dots[i].shedBeforeNext) keptFresh.push_back(day0[j]);
        ++j;
    }
    REQUIRE(keptFresh.size() == settled.size());
    CHECK(totalPigment(keptFresh) / totalPigment(settled) == Approx(1.0 + model.freshDarkening).epsilon(1e-6));
    CHECK(keptFresh.front().diameterMm / settled.front().diameterMm == Approx(1.0 + model.freshGrowth));
    CHECK(keptFresh.front().redness == Approx(1.0f));

    const auto day1 = preview::skinAt(layout, {1, 1.0}, model);
    CHECK(day1.front().redness > 0.5f);
    const auto day20 = preview::skinAt(layout, {1, 20.0}, model);
    CHECK(day20.front().redness == 0.0f);
    CHECK(totalPigment(day20) < totalPigment(day1));
    CHECK(totalPigment(day20) > totalPigment(settled));
    // By day 10 the scabs are off: the dots the session sheds are gone.
    CHECK(preview::skinAt(layout, {1, 10.0}, model).size() == settled.size());
    // Settled by about five weeks: the same pigment as the settled state.
    CHECK(totalPigment(preview::skinAt(layout, {1, 35.0}, model)) == Approx(totalPigment(settled)));
}

TEST_CASE("earlier sessions look softer and lighter than the latest", "[healing]") {
    const HealingModel model;
    const dots::DotLayout layout = threeSessions(healthySkin());
    const auto looks = preview::skinAt(layout, {3, std::nullopt}, model);
    const dots::Dot* first = nullptr;
    for (const dots::Dot& dot : layout.dots)
        if (dot.session == 0 && !dot.shedBeforeNext) {
            first = &dot;
            break;
        }
    REQUIRE(first != nullptr);
    const DotLook& oldest = looks.front();  // session 0 comes first and its first kept dot leads
    CHECK(oldest.positionMm == first->positionMm);
    CHECK(oldest.blurMm == Approx(2 * model.sessionAgeBlurMm));
    CHECK(oldest.shade == Approx(first->shade * (1.0 - 2 * model.sessionAgeFading)));
    CHECK(looks.back().blurMm == 0.0f);
}

TEST_CASE("scar tissue softens and lightens the dots on it", "[healing]") {
    const dots::DensityField scarred = dots::DensityField::fromFunction({0.0, 0.0, 30.0, 30.0}, 1.0, [](core::Vec2 p) {
        return dots::FieldValue{80.0, 1.0, 0.0, p.x < 15.0 ? 0.0 : 1.0};
    });
    const HealingModel model;
    const dots::DotLayout layout = dots::generateDots(scarred, dots::SessionPlan::standard(1), 3);
    const auto looks = preview::skinAt(layout, {1, std::nullopt}, model, &scarred);
    int healthy = 0, scar = 0;
    for (std::size_t i = 0; i < looks.size(); ++i) {
        if (looks[i].positionMm.x < 14.0) {
            CHECK(looks[i].blurMm == 0.0f);
            ++healthy;
        } else if (looks[i].positionMm.x > 16.0) {
            CHECK(looks[i].blurMm == Approx(model.scarBlurMm));
            ++scar;
        }
    }
    CHECK(healthy > 100);
    CHECK(scar > 50);
    // Without the field the same dots are not softened.
    for (const DotLook& look : preview::skinAt(layout, {1, std::nullopt}, model)) CHECK(look.blurMm == 0.0f);
}

TEST_CASE("a timeline point or healing model out of range is refused, naming it", "[healing]") {
    const dots::DotLayout layout = threeSessions(healthySkin());
    CHECK_THROWS_WITH(preview::skinAt(layout, {-1, std::nullopt}), Catch::Contains("-1 sessions"));
    CHECK_THROWS_WITH(preview::skinAt(layout, {1, 400.0}), Catch::Contains("day 400"));
    CHECK_THROWS_AS(preview::skinAt(layout, {1, std::numeric_limits<double>::quiet_NaN()}), core::UsageError);
    HealingModel model;
    model.freshDarkening = -0.1;
    CHECK_THROWS_WITH(preview::skinAt(layout, {1, 1.0}, model), Catch::Contains("fresh darkening"));
    model = {};
    model.flakedDay = 2.0;  // before the scabs even hold
    CHECK_THROWS_WITH(model.validate(), Catch::Contains("flaked day"));
}
