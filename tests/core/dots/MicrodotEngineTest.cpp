// Sessions: layering, shedding, follicular units, imperfection, determinism and edits.
#include "core/dots/MicrodotEngine.h"
#include "DotTestFields.h"
#include "core/Errors.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <functional>
#include <string>

using namespace smp;
using namespace smp::test;

namespace {

dots::SessionPlan plainPlan() {
    // No follicular units: every dot is a sampled one, so spacing can be checked exactly.
    dots::SessionPlan plan = dots::SessionPlan::standard(3);
    plan.imperfection.follicularChance = 0.0;
    return plan;
}

double layerSpacing(const dots::DensityField& field, const dots::SessionPlan& plan, int session, core::Vec2 at) {
    const double scale = plan.cumulativeShare(session) / (1.0 + dots::follicularExtra(plan.imperfection));
    return dots::spacingMm(scale * field.densityAt(at));
}

std::string bytes(const dots::DotLayout& layout) {
    std::string out;
    for (const dots::Dot& d : layout.dots) {
        auto add = [&](const auto& v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); };
        add(d.positionMm.x), add(d.positionMm.y), add(d.diameterMm), add(d.shade), add(d.ellipseRatio);
        add(d.angleRad), add(d.session), add(d.shedBeforeNext), add(d.follicularUnit);
    }
    return out;
}

}  // namespace

TEST_CASE("Each session keeps its own spacing and later sessions land in the gaps", "[dots][sessions]") {
    const auto field = dots::DensityField::uniform(square(50.0), 120.0);
    const dots::SessionPlan plan = plainPlan();
    const dots::DotLayout layout = dots::generateDots(field, plan, 7);
    REQUIRE(layout.sessionCount() == 3);
    std::vector<core::Vec2> survivors;
    for (int k = 0; k < 3; ++k) {
        std::vector<core::Vec2> points;
        std::vector<double> spacing;
        for (std::size_t i = layout.sessionStart[k]; i < layout.sessionStart[k + 1]; ++i) {
            points.push_back(layout.dots[i].positionMm);
            spacing.push_back(layerSpacing(field, plan, k, layout.dots[i].positionMm));
        }
        INFO("session " << k + 1 << ": " << points.size() << " dots");
        REQUIRE(points.size() > 500);
        CHECK(closestPair(points, spacing, areaOf(field.area())).ratio >= 1.0 - 1e-12);
        // In the gaps: never closer to a surviving earlier dot than this session's spacing.
        for (std::size_t i = 0; i < points.size(); ++i)
            for (const core::Vec2& s : survivors) {
                const double d = std::hypot(points[i].x - s.x, points[i].y - s.y);
                REQUIRE(d >= spacing[i] * (1.0 - 1e-12));
            }
        for (std::size_t i = layout.sessionStart[k]; i < layout.sessionStart[k + 1]; ++i)
            if (!layout.dots[i].shedBeforeNext) survivors.push_back(layout.dots[i].positionMm);
    }
    // The healed result: every surviving dot, maximal and spaced at the final spacing.
    std::vector<double> finalSpacing;
    for (const core::Vec2& p : survivors)
        finalSpacing.push_back(layerSpacing(field, plan, 2, p));
    CHECK(closestPair(survivors, finalSpacing, areaOf(field.area())).ratio >= 1.0 - 1e-12);
    const Coverage gaps = coverage(survivors, finalSpacing, areaOf(field.area()), finalSpacing[0] / 8.0,
                                   [&](core::Vec2 x) { return layerSpacing(field, plan, 2, x); }, {});
    CHECK(gaps.uncovered == 0);
    // ...and its density is the target.
    CHECK(static_cast<double>(survivors.size()) == Approx(field.expectedDots()).epsilon(0.04));
}

TEST_CASE("Shedding follows retention and is lower on scar tissue, and the last session keeps all",
          "[dots][sessions]") {
    const dots::RectMm area{0.0, 0.0, 80.0, 40.0};
    // Left half healthy skin, right half scar.
    const auto field = dots::DensityField::fromFunction(area, 1.0, [](core::Vec2 p) {
        return dots::FieldValue{100.0, 1.0, 0.0, p.x >= 40.0 ? 1.0 : 0.0};
    });
    const dots::SessionPlan plan = plainPlan();
    const dots::DotLayout layout = dots::generateDots(field, plan, 3);
    for (int k = 0; k < 3; ++k) {
        std::size_t healthy = 0, healthyShed = 0, scar = 0, scarShed = 0;
        for (std::size_t i = layout.sessionStart[k]; i < layout.sessionStart[k + 1]; ++i) {
            const auto& d = layout.dots[i];
            if (d.positionMm.x < 39.0) healthy++, healthyShed += d.shedBeforeNext;
            if (d.positionMm.x > 41.0) scar++, scarShed += d.shedBeforeNext;
        }
        INFO("session " << k + 1 << ": healthy " << healthyShed << "/" << healthy << ", scar " << scarShed << "/"
                        << scar);
        if (k == 2) {
            CHECK(healthyShed + scarShed == 0);
            continue;
        }
        auto within = [](std::size_t shed, std::size_t n, double p) {
            const double sigma = std::sqrt(n * p * (1.0 - p));
            return std::abs(static_cast<double>(shed) - n * p) <= 4.0 * sigma;
        };
        CHECK(within(healthyShed, healthy, 1.0 - plan.sessions[k].retention));
        CHECK(within(scarShed, scar, 1.0 - plan.sessions[k].scarRetention));
    }
}

TEST_CASE("Dots are perfectly imperfect, with follicular units at the set rate", "[dots][sessions]") {
    const auto field = dots::DensityField::uniform(square(60.0), 80.0);
    const dots::SessionPlan plan = dots::SessionPlan::standard(3);
    const dots::DotLayout layout = dots::generateDots(field, plan, 21);
    const auto& first = plan.sessions[0];
    std::size_t units = 0, starters = 0, extras = 0;
    double minD = 1e9, maxD = 0.0, minShade = 1.0, maxShade = 0.0, maxEllipse = 0.0;
    std::uint32_t lastUnit = 0;
    for (std::size_t i = layout.sessionStart[0]; i < layout.sessionStart[1]; ++i) {
        const auto& d = layout.dots[i];
        minD = std::min(minD, d.diameterMm), maxD = std::max(maxD, d.diameterMm);
        minShade = std::min<double>(minShade, d.shade), maxShade = std::max<double>(maxShade, d.shade);
        maxEllipse = std::max<double>(maxEllipse, d.ellipseRatio);
        if (d.follicularUnit == 0) {
            ++starters;
        } else if (d.follicularUnit != lastUnit) {
            ++units, ++starters, lastUnit = d.follicularUnit;
        } else {
            ++extras;
        }
    }
    INFO("units " << units << " of " << starters << " sampled dots, extras " << extras);
    const double rate = plan.imperfection.follicularChance;
    const double sigma = std::sqrt(starters * rate * (1.0 - rate));
    CHECK(std::abs(static_cast<double>(units) - starters * rate) <= 4.0 * sigma);
    CHECK(extras >= units);
    CHECK(extras <= 2 * units);
    // Varied, but around the session's needle and shade.
    CHECK(minD < first.needleMm * 0.85);
    CHECK(maxD > first.needleMm * 1.15);
    CHECK(maxD <= first.needleMm * 1.5 + 1e-12);
    CHECK(minShade < first.shade - 0.05);
    CHECK(maxShade > first.shade + 0.05);
    CHECK(maxEllipse > 1.2);
    CHECK(maxEllipse <= plan.imperfection.maxEllipse + 1e-6);
    // Later sessions are darker.
    auto meanShade = [&](int k) {
        double sum = 0.0;
        for (std::size_t i = layout.sessionStart[k]; i < layout.sessionStart[k + 1]; ++i)
            sum += layout.dots[i].shade;
        return sum / static_cast<double>(layout.sessionStart[k + 1] - layout.sessionStart[k]);
    };
    CHECK(meanShade(0) < meanShade(1));
    CHECK(meanShade(1) < meanShade(2));
}

TEST_CASE("The front of a faded hairline is sparser, scattered and single units", "[dots][sessions]") {
    // Transition 1 at y = 0 fading to 0 at y = 20; density rising from 30 to 150.
    const dots::RectMm area{0.0, 0.0, 60.0, 40.0};
    const auto field = dots::DensityField::fromFunction(area, 1.0, [](core::Vec2 p) {
        const double t = std::clamp(1.0 - p.y / 20.0, 0.0, 1.0);
        return dots::FieldValue{150.0 - 120.0 * t, 1.0, t, 0.0};
    });
    const dots::DotLayout layout = dots::generateDots(field, dots::SessionPlan::standard(3), 4);
    std::size_t front = 0, back = 0, frontUnits = 0;
    for (const auto& d : layout.dots) {
        if (d.positionMm.y < 5.0) ++front, frontUnits += d.follicularUnit != 0;
        if (d.positionMm.y > 25.0 && d.positionMm.y < 30.0) ++back;
    }
    INFO("front " << front << " dots (" << frontUnits << " in units), back " << back);
    CHECK(front * 2 < back);
    CHECK(frontUnits * 50 < front);

    // Scattered: at the front some dots stray closer than the even spacing; behind the
    // transition none do. (No follicular units here, so every dot is a sampled one.)
    const dots::SessionPlan plan = plainPlan();
    const dots::DotLayout plain = dots::generateDots(field, plan, 4);
    auto tightest = [&](double y0, double y1) {
        double ratio = 1e9;
        for (std::size_t i = 0; i < plain.sessionStart[1]; ++i) {
            const core::Vec2 p = plain.dots[i].positionMm;
            if (p.y < y0 || p.y >= y1) continue;
            for (std::size_t j = 0; j < plain.sessionStart[1]; ++j) {
                if (j == i) continue;
                const core::Vec2 q = plain.dots[j].positionMm;
                const double limit = std::max(layerSpacing(field, plan, 0, p), layerSpacing(field, plan, 0, q));
                ratio = std::min(ratio, std::hypot(p.x - q.x, p.y - q.y) / limit);
            }
        }
        return ratio;
    };
    const double frontRatio = tightest(0.0, 6.0), backRatio = tightest(22.0, 40.0);
    INFO("closest pair / spacing: front " << frontRatio << ", back " << backRatio);
    CHECK(frontRatio < 0.95);
    CHECK(backRatio >= 1.0 - 1e-12);
}

TEST_CASE("Same field, plan and seed give the same bytes, and a later session never moves earlier ones",
          "[dots][sessions]") {
    const auto field = gradientField({0.0, 0.0, 40.0, 40.0}, 40.0, 200.0);
    dots::SessionPlan plan = dots::SessionPlan::standard(3);
    const dots::DotLayout a = dots::generateDots(field, plan, 5);
    const dots::DotLayout b = dots::generateDots(field, plan, 5);
    CHECK(bytes(a) == bytes(b));
    CHECK(bytes(dots::generateDots(field, plan, 6)) != bytes(a));

    plan.sessions[2].shade = 0.95;
    plan.sessions[2].needleMm = 0.30;
    plan.sessions[2].densityShare = 0.20;
    plan.sessions[1].densityShare = 0.40;  // shares still sum to 1
    const dots::DotLayout changed = dots::generateDots(field, plan, 5);
    // Session 1 is untouched; session 2's share changed so it may differ.
    REQUIRE(changed.sessionStart[1] == a.sessionStart[1]);
    for (std::size_t i = 0; i < a.sessionStart[1]; ++i) {
        REQUIRE(changed.dots[i].positionMm == a.dots[i].positionMm);
        REQUIRE(changed.dots[i].shade == a.dots[i].shade);
    }
    plan = dots::SessionPlan::standard(3);
    plan.sessions[2].shade = 0.95;
    const dots::DotLayout darker = dots::generateDots(field, plan, 5);
    for (std::size_t i = 0; i < a.sessionStart[2]; ++i)
        REQUIRE(darker.dots[i].positionMm == a.dots[i].positionMm);
}

TEST_CASE("An engine kept across a local edit gives what a fresh one gives", "[dots][sessions]") {
    const dots::RectMm area{0.0, 0.0, 60.0, 60.0};
    auto field = gradientField(area, 60.0, 180.0);
    const dots::SessionPlan plan = dots::SessionPlan::standard(3);
    dots::MicrodotEngine engine;
    (void)engine.generate(field, plan, 8);
    for (int row = 0; row <= 8; ++row)
        for (int col = 20; col <= 35; ++col) {
            auto v = field.node(col, row);
            v.mask = 0.0;  // the hairline moves back over this patch
            field.setNode(col, row, v);
        }
    const std::string edited = bytes(engine.generate(field, plan, 8));
    for (const auto& stats : engine.lastStats()) {
        CHECK(stats.incremental);
        CHECK(stats.resampledCells < stats.topCells / 2);
    }
    CHECK(edited == bytes(dots::generateDots(field, plan, 8)));
}

TEST_CASE("An engine kept across edits of the field, the plan and the seed always gives what a fresh one gives",
          "[dots][sessions]") {
    // Each step changes one thing the engine may reuse across: the field's density, its scar or
    // transition channels alone (which change decoration but not spacing), one session's
    // pigment or retention, the imperfections, the seed, the session count.
    const dots::RectMm area{0.0, 0.0, 50.0, 50.0};
    auto field = gradientField(area, 60.0, 200.0);
    dots::SessionPlan plan = dots::SessionPlan::standard(3);
    std::uint64_t seed = 4;
    dots::MicrodotEngine engine;
    (void)engine.generate(field, plan, seed);
    const auto paint = [&](int c0, int c1, int r0, int r1, auto change) {
        for (int row = r0; row <= r1; ++row)
            for (int col = c0; col <= c1; ++col) {
                auto v = field.node(col, row);
                change(v);
                field.setNode(col, row, v);
            }
    };
    const std::vector<std::function<void()>> steps = {
        [&] { paint(10, 14, 10, 14, [](dots::FieldValue& v) { v.scar = 1.0; }); },
        [&] { paint(30, 40, 0, 6, [](dots::FieldValue& v) { v.transition = 0.8; }); },
        [&] { paint(20, 26, 30, 33, [](dots::FieldValue& v) { v.density *= 0.7; }); },
        [&] { plan.sessions[1].shade = 0.9; },
        [&] { plan.sessions[0].retention = 0.7; },
        [&] { plan.imperfection.follicularChance = 0.15; },
        [&] { paint(0, 3, 45, 50, [](dots::FieldValue& v) { v.mask = 0.0; }); },
        [&] { seed = 5; },
        [&] { plan = dots::SessionPlan::standard(2); },
        [&] { plan = dots::SessionPlan::standard(3); },
        [] {},
    };
    for (std::size_t i = 0; i < steps.size(); ++i) {
        INFO("step " << i);
        steps[i]();
        const std::string kept = bytes(engine.generate(field, plan, seed));
        CHECK(kept == bytes(dots::generateDots(field, plan, seed)));
    }
}

TEST_CASE("A bad plan or field is refused with a message", "[dots][sessions]") {
    using Catch::Matchers::Contains;
    const auto field = dots::DensityField::uniform(square(20.0), 100.0);
    CHECK_THROWS_WITH(dots::SessionPlan::standard(8), Contains("1 to 7"));
    CHECK_THROWS_WITH(dots::SessionPlan::standard(0), Contains("1 to 7"));
    dots::SessionPlan plan = dots::SessionPlan::standard(7);
    plan.sessions.push_back(plan.sessions.back());
    CHECK_THROWS_WITH(dots::generateDots(field, plan, 1), Contains("8 sessions"));
    plan = dots::SessionPlan::standard(3);
    plan.sessions[1].retention = 1.5;
    CHECK_THROWS_WITH(dots::generateDots(field, plan, 1), Contains("session 2") && Contains("retention"));
    plan = dots::SessionPlan::standard(3);
    plan.sessions[0].densityShare = 0.5;
    CHECK_THROWS_WITH(dots::generateDots(field, plan, 1), Contains("sum of the density shares"));
    plan = dots::SessionPlan::standard(3);
    plan.imperfection.maxEllipse = std::numeric_limits<double>::quiet_NaN();
    CHECK_THROWS_WITH(dots::generateDots(field, plan, 1), Contains("ellipse"));
    const auto dense = dots::DensityField::uniform(square(20.0), 5000.0);
    CHECK_THROWS_WITH(dots::generateDots(dense, dots::SessionPlan::standard(3), 1), Contains("over the limit"));
}
