#include "core/Errors.h"
#include "core/design/Calibration.h"

#include <catch2/catch.hpp>

using namespace smp;

TEST_CASE("the pupil distance sets the photo's scale", "[design][scale]") {
    const core::PhotoScale s = design::scaleFromPupils({400, 500}, {652, 500}, 63.0);
    REQUIRE(s.pxPerMm == Approx(4.0));
    REQUIRE(s.source == core::ScaleSource::InterpupillaryDistance);
    // A tilted head: the distance is measured along the eye line, not across the image.
    REQUIRE(design::scaleFromPupils({0, 0}, {300, 400}, 50.0).pxPerMm == Approx(10.0));
}

TEST_CASE("a ruler overrides with its own length", "[design][scale]") {
    const core::PhotoScale s = design::scaleFromRuler({10, 10}, {10, 310}, 25.0);
    REQUIRE(s.pxPerMm == Approx(12.0));
    REQUIRE(s.source == core::ScaleSource::Ruler);
}

TEST_CASE("a zero-length ruler or a bad length is refused with the reason", "[design][scale]") {
    REQUIRE_THROWS_WITH(design::scaleFromRuler({10, 10}, {10.2, 10}, 25.0), Catch::Contains("ruler: the two points are"));
    REQUIRE_THROWS_WITH(design::scaleFromRuler({10, 10}, {100, 10}, 0.0), Catch::Contains("positive number of mm"));
    REQUIRE_THROWS_AS(design::scaleFromPupils({1, 1}, {1, 1}, 63.0), core::UsageError);
    REQUIRE_THROWS_AS(design::scaleFromPupils({1, 1}, {100, 1}, NAN), core::UsageError);
}
