// The canvas's hover readout: the cursor in mm and the design's target density under it.
#include "ui/HoverReadout.h"

#include <catch2/catch.hpp>

using namespace smp;
using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;

namespace {

// 40 dots/cm2 on the left half of a 100 x 60 mm area, untreated skin on the right half.
dots::DensityField halfTreated() {
    return dots::DensityField::fromFunction({0.0, 0.0, 100.0, 60.0}, 1.0, [](core::Vec2 mm) {
        dots::FieldValue value;
        value.density = 40.0;
        value.mask = mm.x < 50.0 ? 1.0 : 0.0;
        return value;
    });
}

}  // namespace

TEST_CASE("the readout shows the cursor in mm and the target density there", "[ui][canvas]") {
    const dots::DensityField field = halfTreated();
    REQUIRE(ui::hoverReadout(0.37, core::Vec2{20.04, 31.26}, &field) ==
            "37%   x 20.0 mm  y 31.3 mm   target 40 dots/cm2");
    REQUIRE_THAT(ui::hoverReadout(1.0, core::Vec2{80.0, 30.0}, &field), EndsWith("   not treated"));
    REQUIRE_THAT(ui::hoverReadout(1.0, core::Vec2{150.0, 30.0}, &field), EndsWith("   not treated"));  // off the field
    REQUIRE(ui::hoverReadout(2.0, std::nullopt, &field) == "200%");  // the cursor is elsewhere
    REQUIRE(ui::hoverReadout(1.0, core::Vec2{20.0, 30.0}, nullptr) == "100%   x 20.0 mm  y 30.0 mm");  // no design
}

TEST_CASE("the target density follows the field between its nodes", "[ui][canvas]") {
    // Density rising 1 dot/cm2 per mm from left to right.
    const auto field = dots::DensityField::fromFunction({0.0, 0.0, 60.0, 20.0}, 2.0, [](core::Vec2 mm) {
        dots::FieldValue value;
        value.density = mm.x;
        return value;
    });
    REQUIRE(ui::targetDensityAt(field, {13.0, 7.0}).value() == Approx(13.0).margin(1e-9));
    REQUIRE_FALSE(ui::targetDensityAt(field, {-1.0, 7.0}).has_value());
    REQUIRE_THAT(ui::hoverReadout(1.0, core::Vec2{33.0, 10.0}, &field), Contains("target 33 dots/cm2"));
}
