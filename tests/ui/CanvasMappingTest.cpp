// The canvas's screen <-> millimetre mapping and the hit-tests of the hairline's handles, in
// screen pixels, with a tolerance and no window.
#include "ui/CanvasMapping.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace smp;

namespace {

// A 1000 x 800 px photo at 6.1 px/mm, fitted into a 900 x 700 canvas whose corner is at (300, 20)
// on the screen, on a 2x (HiDPI) framebuffer.
ui::CanvasMapping fittedMapping() {
    ui::CanvasMapping mapping;
    mapping.view = core::fitToView({1000, 800}, {1800, 1400}, 32.0);
    mapping.pxPerMm = 6.1;
    mapping.topLeft = {300.0, 20.0};
    mapping.framebufferScale = 2.0;
    return mapping;
}

}  // namespace

TEST_CASE("screen to mm and back is the identity, at any zoom and pan", "[ui][canvas]") {
    ui::CanvasMapping mapping = fittedMapping();
    for (double zoom : {0.1, 1.0, 7.5}) {
        mapping.view = core::zoomAt(fittedMapping().view, {640.0, 300.0}, zoom);
        mapping.view = core::panBy(mapping.view, {-37.0, 12.5});
        for (const core::Vec2 mm : {core::Vec2{0, 0}, core::Vec2{81.9, 65.5}, core::Vec2{-3.25, 140.0}}) {
            const core::Vec2 back = mapping.toMm(mapping.toScreen(mm));
            REQUIRE(back.x == Approx(mm.x).margin(1e-9));
            REQUIRE(back.y == Approx(mm.y).margin(1e-9));
        }
    }
}

TEST_CASE("the fitted photo's corners land where the fit put them on the screen", "[ui][canvas]") {
    const ui::CanvasMapping mapping = fittedMapping();
    // fitToView: zoom = min((1800-64)/1000, (1400-64)/800) = 1.67, centred.
    REQUIRE(mapping.view.zoom == Approx(1.67));
    const core::Vec2 topLeft = mapping.toScreen({0.0, 0.0});
    const core::Vec2 bottomRight = mapping.toScreen({1000.0 / 6.1, 800.0 / 6.1});
    // In logical pixels the photo spans 1000 * 1.67 / 2 = 835 by 668, centred in 900 x 700.
    REQUIRE(bottomRight.x - topLeft.x == Approx(835.0));
    REQUIRE(bottomRight.y - topLeft.y == Approx(668.0));
    REQUIRE((topLeft.x + bottomRight.x) / 2 == Approx(300.0 + 450.0));
    REQUIRE((topLeft.y + bottomRight.y) / 2 == Approx(20.0 + 350.0));
    // One mm is 6.1 photo px, 6.1 * 1.67 framebuffer px, half that on the screen.
    const core::Vec2 oneMm = mapping.toScreen({1.0, 0.0}) - topLeft;
    REQUIRE(oneMm.x == Approx(6.1 * 1.67 / 2.0));
}

TEST_CASE("a handle is hit within its radius in screen pixels, the nearest one first", "[ui][canvas]") {
    const ui::CanvasMapping mapping = fittedMapping();
    const std::vector<core::Vec2> points{{20.0, 40.0}, {21.5, 40.0}, {80.0, 30.0}};
    const core::Vec2 second = mapping.toScreen(points[1]);
    const core::Vec2 first = mapping.toScreen(points[0]);
    // 1.5 mm apart is about 7.6 screen px here: between them, each grabs its own side.
    REQUIRE(hitHandle(points, mapping, second, 9.0) == 1);
    REQUIRE(hitHandle(points, mapping, first + core::Vec2{-2.0, 1.0}, 9.0) == 0);
    REQUIRE(hitHandle(points, mapping, second + core::Vec2{2.0, 0.0}, 9.0) == 1);
    REQUIRE(hitHandle(points, mapping, mapping.toScreen(points[2]) + core::Vec2{0.0, 8.9}, 9.0) == 2);
    REQUIRE(hitHandle(points, mapping, mapping.toScreen(points[2]) + core::Vec2{0.0, 9.1}, 9.0) == -1);
    REQUIRE(hitHandle({}, mapping, second, 9.0) == -1);

    // Zoomed in 8x, the same screen radius is 8x fewer millimetres: 0.5 mm off a point misses.
    ui::CanvasMapping zoomed = mapping;
    zoomed.view = core::zoomAt(mapping.view, {1000.0, 500.0}, 8.0);
    const core::Vec2 offByHalfMm = zoomed.toScreen(points[2] + core::Vec2{0.0, 0.5});
    REQUIRE(hitHandle(points, zoomed, offByHalfMm, 9.0) == -1);
    REQUIRE(hitHandle(points, mapping, mapping.toScreen(points[2] + core::Vec2{0.0, 0.5}), 9.0) == 2);
}

TEST_CASE("the distance to the curve is measured in screen pixels along its segments", "[ui][canvas]") {
    const ui::CanvasMapping mapping = fittedMapping();
    const std::vector<core::Vec2> trace{{10.0, 50.0}, {60.0, 50.0}, {60.0, 90.0}};
    const core::Vec2 onFirst = mapping.toScreen({35.0, 50.0});
    REQUIRE(ui::distanceToCurvePx(trace, mapping, onFirst) == Approx(0.0).margin(1e-9));
    REQUIRE(ui::distanceToCurvePx(trace, mapping, onFirst + core::Vec2{0.0, 5.0}) == Approx(5.0));
    const core::Vec2 pastEnd = mapping.toScreen({60.0, 90.0}) + core::Vec2{3.0, 4.0};
    REQUIRE(ui::distanceToCurvePx(trace, mapping, pastEnd) == Approx(5.0));
    REQUIRE(std::isinf(ui::distanceToCurvePx({}, mapping, onFirst)));
}
