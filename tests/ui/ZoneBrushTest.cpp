#include "ui/ZoneBrush.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <vector>

using namespace smp;
using namespace smp::ui;

TEST_CASE("a brush dab covers the disc of its diameter in mm", "[ui][zone-brush]") {
    design::Zones zones;
    design::PhotoMask& mask = zoneMask(zones, design::ZoneKind::Avoid, {400, 300});
    REQUIRE(mask.size() == core::SizePx{400, 300});
    REQUIRE(mask.empty());
    const double pxPerMm = 4.0;
    const std::vector<core::Vec2> dab{{50.0, 37.5}};  // the photo's centre
    paintBrush(mask, dab, 10.0, pxPerMm);              // 40 px wide
    const double expected = std::numbers::pi * 20.0 * 20.0;
    REQUIRE(double(mask.area()) == Approx(expected).epsilon(0.03));
    REQUIRE(mask.contains(200, 150));
    REQUIRE(mask.contains(200 + 18, 150));
    REQUIRE_FALSE(mask.contains(200 + 22, 150));
    // The zone itself was painted, not a copy.
    REQUIRE(zones.avoid.area() == mask.area());
}

TEST_CASE("a stroke covers the capsule around its path, and erasing takes it back", "[ui][zone-brush]") {
    design::Zones zones;
    design::PhotoMask& mask = zoneMask(zones, design::ZoneKind::Scar, {600, 400});
    const double pxPerMm = 5.0;
    const std::vector<core::Vec2> path{{20.0, 40.0}, {60.0, 40.0}, {60.0, 60.0}};  // 40 mm then 20 mm
    paintBrush(mask, path, 4.0, pxPerMm);  // radius 10 px
    // Two capsules sharing an end: length x width plus one round end's disc.
    const double radius = 10.0, length = (40.0 + 20.0) * pxPerMm;
    const double expected = length * 2.0 * radius + std::numbers::pi * radius * radius;
    REQUIRE(double(mask.area()) == Approx(expected).epsilon(0.04));
    REQUIRE(mask.contains(200, 200));            // on the first leg
    REQUIRE(mask.contains(300, 250));            // on the second
    REQUIRE_FALSE(mask.contains(200, 200 + 14));  // beyond the brush's edge
    REQUIRE_FALSE(mask.contains(250, 250));      // inside the corner, away from both legs

    paintBrush(mask, path, 4.0, pxPerMm, false);
    REQUIRE(mask.empty());
}

TEST_CASE("a polygon in mm fills the pixels inside it", "[ui][zone-brush]") {
    design::Zones zones;
    design::PhotoMask& mask = zoneMask(zones, design::ZoneKind::Blend, {200, 200});
    const std::vector<core::Vec2> square{{10.0, 10.0}, {30.0, 10.0}, {30.0, 30.0}, {10.0, 30.0}};
    paintZonePolygon(mask, square, 2.0);
    REQUIRE(mask.area() == 40 * 40);
    const std::vector<core::Vec2> line{{0.0, 0.0}, {5.0, 5.0}};
    paintZonePolygon(mask, line, 2.0);  // two corners make no polygon
    REQUIRE(mask.area() == 40 * 40);
}

TEST_CASE("a zone painted on another photo size keeps what fits", "[ui][zone-brush]") {
    design::Zones zones;
    paintBrush(zoneMask(zones, design::ZoneKind::Avoid, {100, 100}), std::vector<core::Vec2>{{90.0, 50.0}}, 8.0, 1.0);
    const std::int64_t before = zones.avoid.area();
    design::PhotoMask& smaller = zoneMask(zones, design::ZoneKind::Avoid, {92, 100});
    REQUIRE(smaller.size() == core::SizePx{92, 100});
    REQUIRE(smaller.area() > 0);
    REQUIRE(smaller.area() < before);
}

TEST_CASE("the bracket keys step the brush size within its limits", "[ui][zone-brush]") {
    REQUIRE(steppedBrush(10.0, true) == Approx(12.5));
    REQUIRE(steppedBrush(10.0, false) == Approx(8.0));
    REQUIRE(steppedBrush(kMaxBrushMm, true) == kMaxBrushMm);
    REQUIRE(steppedBrush(kMinBrushMm, false) == kMinBrushMm);
}
