// The density field built from a design: hairline sides and distances, transition, zones, and
// the dots the engine then places on it.
#include "core/design/FieldBuilder.h"
#include "core/Errors.h"
#include "core/dots/MicrodotEngine.h"
#include "core/dots/Spacing.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

using namespace smp;
using design::Hairline;
using design::HairlineDistance;

namespace {

constexpr double kPxPerMm = 4.0;
constexpr double kLineYMm = 70.2;  // off the node rows, so nothing lines up by luck

// A 250 x 330 mm photo at 4 px/mm, the default frame (upright face, glabella at 125, 150 mm)
// and a straight level hairline from 40 to 210 mm across.
struct Scene {
    Hairline hairline{{{40.0, kLineYMm}, {90.0, kLineYMm}, {160.0, kLineYMm}, {210.0, kLineYMm}}, false, 0.0};
    design::FaceFrame frame;
    design::Zones zones;
    design::DensityTargets targets;
    core::SizePx photo{1000, 1320};

    [[nodiscard]] dots::DensityField build(double spacingMm = 0.5) const {
        return design::buildDensityField({hairline, frame, zones, targets, {kPxPerMm}, photo, spacingMm});
    }
    design::PhotoMask& zone(design::ZoneKind kind) {
        design::PhotoMask& mask = zones.mask(kind);
        if (mask.size() != photo) mask = design::PhotoMask(photo);
        return mask;
    }
    // A disc given in mm, painted in photo pixels.
    void disc(design::ZoneKind kind, core::Vec2 centreMm, double radiusMm) {
        zone(kind).paintDisc(centreMm * kPxPerMm, radiusMm * kPxPerMm);
    }
};

double distanceToSegment(core::Vec2 p, core::Vec2 a, core::Vec2 b) {
    const core::Vec2 ab = b - a;
    const double t = std::clamp(core::dot(p - a, ab) / core::dot(ab, ab), 0.0, 1.0);
    return core::distance(p, a + ab * t);
}

core::Vec2 atDepth(double x, double behindMm) {
    return {x, kLineYMm - behindMm};
}

}  // namespace

TEST_CASE("the distance to a straight hairline is signed by side and continues down the temples to the sideburns", "[field]") {
    const Scene scene;
    const HairlineDistance d(scene.hairline, scene.frame);
    CHECK(d.at({100.0, kLineYMm - 10.0}) == Approx(10.0));   // behind: toward the crown
    CHECK(d.at({100.0, kLineYMm + 10.0}) == Approx(-10.0));  // in front: the forehead
    CHECK(d.at({125.0, kLineYMm}) == Approx(0.0).margin(1e-12));
    // Beyond the ends the edge runs down the temples to the sideburns' end, level with the eyes
    // (18 mm below the glabella at y = 150) and 10 mm further out: the sides of the head are
    // behind it; below it the cheek and neck are in front, the edge running outward from there.
    const double sideburnY = scene.frame.glabella.y + scene.frame.eyeLineMm;
    const core::Vec2 leftEnd{40.0, kLineYMm}, leftSideburn{30.0, sideburnY};
    const core::Vec2 rightEnd{210.0, kLineYMm}, rightSideburn{220.0, sideburnY};
    CHECK(d.at({20.0, 120.0}) == Approx(distanceToSegment({20.0, 120.0}, leftEnd, leftSideburn)));
    CHECK(d.at({230.0, 120.0}) == Approx(distanceToSegment({230.0, 120.0}, rightEnd, rightSideburn)));
    CHECK(d.at({230.0, 120.0}) > 0.0);
    CHECK(d.at({240.0, sideburnY + 32.0}) == Approx(-32.0));
    CHECK(d.at({240.0, sideburnY - 2.0}) == Approx(2.0));
    CHECK(d.at({20.0, kLineYMm - 10.0}) == Approx(std::hypot(20.0, 10.0)));  // nearest: the end point
    // Just inside the sideburn, below the line: the face, nearest the sideburn.
    CHECK(d.at({45.0, 120.0}) == Approx(-distanceToSegment({45.0, 120.0}, leftEnd, leftSideburn)));
    CHECK(d.at({205.0, 150.0}) == Approx(-distanceToSegment({205.0, 150.0}, rightEnd, rightSideburn)));
    CHECK(d.at({205.0, 300.0}) == Approx(-core::distance({205.0, 300.0}, rightSideburn)));  // nearest: its lower end
}

TEST_CASE("the distance to a V-shaped hairline is exact along its arms and signed on every side", "[field]") {
    // A widow's peak: straight arms from the temples down to a peak at the midline. Four
    // collinear points per arm make the inner spans exactly straight.
    Scene scene;
    std::vector<core::Vec2> points;
    for (int i = 0; i <= 3; ++i)
        points.push_back({40.0 + 20.0 * i, 50.0 + 10.0 * i});  // down to (100, 80)
    points.push_back({125.0, 92.5});                           // the peak, on the same slope
    for (int i = 3; i >= 0; --i)
        points.push_back({210.0 - 20.0 * i, 50.0 + 10.0 * i});
    scene.hairline = {points, false, 0.0};
    const HairlineDistance d(scene.hairline, scene.frame);
    // Off the straight span (60, 60)-(80, 70) of the left arm, along its normal (1, -2) / sqrt 5.
    const core::Vec2 onArm{70.0, 65.0}, normal{1.0 / std::sqrt(5.0), -2.0 / std::sqrt(5.0)};
    CHECK(d.at(onArm + normal * 3.0) == Approx(3.0));
    CHECK(d.at(onArm - normal * 3.0) == Approx(-3.0));
    // Inside the V above the peak is behind; below it, the forehead; beyond the temples, behind.
    CHECK(d.at({125.0, 75.0}) > 0.0);
    CHECK(d.at({125.0, 100.0}) == Approx(-7.5).margin(0.01));
    const core::Vec2 leftSideburn{30.0, scene.frame.glabella.y + scene.frame.eyeLineMm};
    CHECK(d.at({30.0, 90.0}) == Approx(distanceToSegment({30.0, 90.0}, points.front(), leftSideburn)));
    CHECK(d.at({42.0, 90.0}) == Approx(-distanceToSegment({42.0, 90.0}, points.front(), leftSideburn)));
    CHECK(d.at({125.0, 20.0}) > 0.0);
}

TEST_CASE("the distance on a raster is the point distance, exact within the band", "[field]") {
    std::mt19937 rng(17);
    std::uniform_real_distribution<double> wiggle(-15.0, 15.0);
    Scene scene;
    // A random wiggly line, and one that hooks back on itself.
    std::vector<std::vector<core::Vec2>> lines(1);
    for (int i = 0; i < 9; ++i)
        lines[0].push_back({40.0 + 21.0 * i, 70.0 + wiggle(rng)});
    lines.push_back({{40, 70}, {80, 60}, {70, 40}, {100, 45}, {150, 65}, {210, 70}});
    for (const auto& points : lines) {
        scene.hairline = {points, false, 0.0};
        const HairlineDistance d(scene.hairline, scene.frame);
        const core::Vec2 origin{20.3, 15.1};
        const double spacing = 3.1, band = 6.0;
        const int columns = 68, rows = 46;
        const std::vector<double> raster = d.onRaster(origin, spacing, columns, rows, band);
        int near = 0, wrong = 0;
        std::string firstWrong;
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < columns; ++c) {
                const core::Vec2 p{origin.x + c * spacing, origin.y + r * spacing};
                const double exact = d.at(p), got = raster[static_cast<std::size_t>(r * columns + c)];
                near += std::abs(exact) <= band;
                const bool right = std::signbit(got) == std::signbit(exact) &&
                                   (std::abs(exact) <= band ? std::abs(got - exact) < 1e-9 : std::isinf(got));
                if (!right && wrong++ == 0)
                    firstWrong = "node " + std::to_string(c) + ", " + std::to_string(r) + ": " + std::to_string(got) +
                                 " instead of " + std::to_string(exact);
            }
        INFO(firstWrong);
        REQUIRE(wrong == 0);
        CHECK(near > 150);
    }
}

TEST_CASE("a sharp hairline: full density right behind the line, nothing ahead", "[field]") {
    const Scene scene;
    const dots::DensityField field = scene.build();
    const double full = scene.targets.fullDotsPerCm2;
    for (const double x : {60.3, 125.0, 181.7}) {
        INFO("x " << x);
        CHECK(field.densityAt(atDepth(x, 0.5)) == Approx(full));
        CHECK(field.densityAt(atDepth(x, 0.01)) == Approx(full));
        CHECK(field.inside(atDepth(x, 0.01)));
        CHECK_FALSE(field.inside(atDepth(x, -0.01)));
        CHECK_FALSE(field.inside(atDepth(x, -3.0)));
        CHECK(field.at(atDepth(x, -1.0)).mask == 0.0);
        CHECK(field.at(atDepth(x, 20.0)).transition == 0.0);
    }
}

TEST_CASE("a faded hairline ramps up over the transition with scattered dots ahead", "[field]") {
    Scene scene;
    scene.hairline.transitionMm = 10.0;
    const dots::DensityField field = scene.build();
    const double full = scene.targets.fullDotsPerCm2;
    const double x = 131.1;
    CHECK(field.densityAt(atDepth(x, 0.2)) / full == Approx(scene.targets.frontShare).margin(0.03));
    CHECK(field.densityAt(atDepth(x, 10.5)) == Approx(full));
    CHECK(field.densityAt(atDepth(x, 25.0)) == Approx(full));
    double before = 0.0;
    for (double behind = 0.0; behind <= 12.0; behind += 0.1) {
        const double density = field.densityAt(atDepth(x, behind));
        REQUIRE(density >= before - 1e-9);
        before = density;
    }
    CHECK(field.at(atDepth(x, 0.1)).transition == Approx(1.0).margin(0.02));
    CHECK(field.at(atDepth(x, 5.0)).transition == Approx(0.5));
    // Scattered dots reach aheadShare of the width in front, sparse.
    const double ahead = scene.targets.aheadShare * 10.0;
    CHECK(field.inside(atDepth(x, -0.5 * ahead)));
    CHECK(field.densityAt(atDepth(x, -0.5 * ahead)) / full == Approx(scene.targets.aheadDensityShare));
    CHECK(field.at(atDepth(x, -0.5 * ahead)).transition == 1.0);
    CHECK_FALSE(field.inside(atDepth(x, -ahead - 0.05)));
}

TEST_CASE("avoid, scar and blend zones and the head outline shape the field", "[field]") {
    Scene scene;
    scene.disc(design::ZoneKind::Avoid, {125.0, 40.0}, 10.0);
    scene.disc(design::ZoneKind::Scar, {170.0, 40.0}, 10.0);
    scene.zone(design::ZoneKind::Blend).paintRect({0, 0, 60 * 4, 1320});  // x < 60 mm
    const dots::DensityField field = scene.build(1.0);
    const double full = scene.targets.fullDotsPerCm2;

    SECTION("nothing is treated in an avoid zone") {
        for (double a = 0.0; a < 2.0 * M_PI; a += 0.1)
            for (const double r : {0.0, 5.0, 9.7})
                REQUIRE_FALSE(field.inside({125.0 + r * std::cos(a), 40.0 + r * std::sin(a)}));
        CHECK(field.inside({125.0, 40.0 + 10.3}));
        CHECK(field.at({125.0, 40.0}).mask == 0.0);
    }
    SECTION("a scar zone carries the scar channel and keeps its density") {
        CHECK(field.at({170.0, 40.0}).scar == 1.0);
        CHECK(field.at({170.0, 40.0}).density == Approx(full));
        CHECK(field.at({170.0, 55.0}).scar == 0.0);
    }
    SECTION("a blend zone tapers from full at its edge to its share inside") {
        const double y = 30.0;
        CHECK(field.densityAt({60.0, y}) / full == Approx(1.0).margin(0.02));
        CHECK(field.densityAt({60.0 - scene.targets.blendTaperMm, y}) / full == Approx(scene.targets.blendShare));
        CHECK(field.densityAt({20.0, y}) / full == Approx(scene.targets.blendShare));
        double before = HUGE_VAL;
        for (double x = 62.0; x > 45.0; x -= 0.25) {
            const double density = field.densityAt({x, y});
            REQUIRE(density <= before + 1e-9);
            before = density;
        }
    }
    SECTION("a head outline limits the treated skin and the field") {
        scene.zone(design::ZoneKind::Head).paintRect({200, 40, 600, 800});  // 50..200 x 10..210 mm
        const dots::DensityField head = scene.build(1.0);
        CHECK(head.inside({100.0, 40.0}));
        CHECK(head.inside({50.2, 40.0}));
        CHECK_FALSE(head.inside({49.8, 40.0}));
        CHECK_FALSE(head.inside({120.0, 9.0}));
        CHECK(head.area().x0 >= 48.0);
        CHECK(head.area().x1 <= 202.0);
        CHECK(head.area().y1 <= 212.0);
        CHECK(head.area().width() < 160.0);
    }
}

TEST_CASE("the engine places no dot in an avoid zone or ahead of a sharp hairline", "[field]") {
    Scene scene;
    scene.zone(design::ZoneKind::Head).paintRect({300, 100, 400, 240});  // 75..175 x 25..85 mm
    const core::Vec2 avoid{120.0, 50.0};
    scene.disc(design::ZoneKind::Avoid, avoid, 6.0);
    const dots::DensityField field = scene.build();
    const dots::DotLayout layout = dots::generateDots(field, dots::SessionPlan::standard(3), 42);
    REQUIRE(layout.dots.size() > 1000);
    std::size_t nearLine = 0;
    for (const dots::Dot& dot : layout.dots) {
        INFO("dot at " << dot.positionMm.x << ", " << dot.positionMm.y);
        REQUIRE(core::distance(dot.positionMm, avoid) > 6.0 - 0.1);
        REQUIRE(dot.positionMm.y <= kLineYMm + 1e-6);
        nearLine += dot.positionMm.y > kLineYMm - 1.0;
    }
    CHECK(nearLine > 20);  // and right up to the line
}

TEST_CASE("bad targets and mismatched zones are refused by name", "[field]") {
    design::DensityTargets targets;
    targets.frontShare = 1.5;
    REQUIRE_THROWS_WITH(design::validateTargets(targets), Catch::Contains("front share"));
    targets = {};
    targets.fullDotsPerCm2 = 0.0;
    REQUIRE_THROWS_WITH(design::validateTargets(targets), Catch::Contains("full density"));
    targets = {};
    targets.blendTaperMm = NAN;
    REQUIRE_THROWS_AS(design::validateTargets(targets), core::UsageError);
    REQUIRE_NOTHROW(design::validateTargets({}));

    Scene scene;
    scene.zones.scar = design::PhotoMask({500, 660});
    scene.zones.scar.paintDisc({100, 100}, 10);
    REQUIRE_THROWS_WITH(scene.build(), Catch::Contains("scar zone"));
    scene.zones.scar = {};
    scene.hairline.points.resize(2);
    REQUIRE_THROWS_AS(scene.build(), core::UsageError);
}
