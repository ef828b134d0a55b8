#include "core/Errors.h"
#include "core/design/Hairline.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace smp;
using design::FaceFrame;
using design::Hairline;

namespace {

// A frame tilted by 8 degrees, so symmetry is tested about a midline that is not a pixel column.
FaceFrame tiltedFrame() {
    FaceFrame frame;
    frame.glabella = {120.0, 160.0};
    const double a = 8.0 * M_PI / 180.0;
    frame.up = {std::sin(a), -std::cos(a)};
    frame.outerEyeMm = 46.0;
    return frame;
}

Hairline wavyLine() {
    return Hairline{{{60, 120}, {80, 82}, {105, 90}, {130, 70}, {150, 95}, {185, 118}}, false, 6.0};
}

double distanceToPolyline(core::Vec2 p, const std::vector<core::Vec2>& line) {
    double best = 1e300;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const core::Vec2 ab = line[i + 1] - line[i];
        const double t = std::clamp(core::dot(p - line[i], ab) / core::dot(ab, ab), 0.0, 1.0);
        best = std::min(best, core::distance(p, line[i] + ab * t));
    }
    return best;
}

// Symmetry is exact to double rounding, far below a micrometre.
constexpr double kExactMm = 1e-9;

void requireMirrored(const Hairline& h, const FaceFrame& frame) {
    const std::size_t n = h.points.size();
    for (std::size_t i = 0; i < n; ++i) {
        const core::Vec2 p = h.points[i];
        const core::Vec2 q = h.points[n - 1 - i];
        REQUIRE(frame.acrossOf(p) == Approx(-frame.acrossOf(q)).margin(kExactMm));
        REQUIRE(frame.aboveOf(p) == Approx(frame.aboveOf(q)).margin(kExactMm));
    }
}

}  // namespace

TEST_CASE("the hairline spline passes through every control point", "[design][hairline]") {
    const Hairline h = wavyLine();
    const auto trace = design::traceHairline(h, 0.5);
    for (const core::Vec2 p : h.points) {
        const bool found = std::any_of(trace.begin(), trace.end(), [&](core::Vec2 q) { return core::distance(p, q) < 1e-12; });
        REQUIRE(found);
    }
    REQUIRE(trace.front() == h.points.front());
    REQUIRE(trace.back() == h.points.back());
}

TEST_CASE("the trace never steps further than asked", "[design][hairline]") {
    const Hairline h = wavyLine();
    for (double step : {0.1, 0.5, 2.0}) {
        const auto trace = design::traceHairline(h, step);
        for (std::size_t i = 0; i + 1 < trace.size(); ++i) REQUIRE(core::distance(trace[i], trace[i + 1]) <= step);
    }
}

TEST_CASE("centripetal Catmull-Rom makes no loop at unevenly spaced points", "[design][hairline]") {
    // A uniform Catmull-Rom spline loops between the two close points; the centripetal one stays
    // within a small distance of the chord between them.
    const Hairline h{{{0, 0}, {40, 0}, {41, 0.5}, {80, 0}}, false, 0.0};
    const auto trace = design::traceHairline(h, 0.05);
    double maxOff = 0.0;
    for (const core::Vec2 p : trace)
        if (p.x >= 40.0 && p.x <= 41.0) maxOff = std::max(maxOff, std::abs(p.y));
    REQUIRE(maxOff < 1.0);
    for (std::size_t i = 0; i + 1 < trace.size(); ++i) REQUIRE(trace[i + 1].x > trace[i].x - 1e-9);
}

TEST_CASE("moving a point on a mirrored hairline moves its partner to the exact mirror image", "[design][hairline]") {
    const FaceFrame frame = tiltedFrame();
    Hairline h{{frame.toPhoto(-55, 40), frame.toPhoto(-45, 85), frame.toPhoto(-20, 82), frame.toPhoto(0, 80),
                frame.toPhoto(20, 82), frame.toPhoto(45, 85), frame.toPhoto(55, 40)},
               true, 6.0};
    design::makeSymmetric(h, frame);
    requireMirrored(h, frame);

    design::moveControlPoint(h, frame, 1, frame.toPhoto(-50, 95));
    requireMirrored(h, frame);
    REQUIRE(frame.aboveOf(h.points[5]) == Approx(95).margin(kExactMm));

    design::moveControlPoint(h, frame, 3, frame.toPhoto(7, 70));  // the middle point stays on the midline
    REQUIRE(frame.acrossOf(h.points[3]) == Approx(0).margin(kExactMm));
    REQUIRE(frame.aboveOf(h.points[3]) == Approx(70).margin(kExactMm));

    // The traced curve is symmetric too: every sample's mirror image lies on the curve.
    const auto trace = design::traceHairline(h, 0.25);
    for (const core::Vec2 p : trace) REQUIRE(distanceToPolyline(frame.mirror(p), trace) < 0.01);
}

TEST_CASE("an unmirrored hairline moves one point only", "[design][hairline]") {
    const FaceFrame frame = tiltedFrame();
    Hairline h = wavyLine();
    const Hairline before = h;
    design::moveControlPoint(h, frame, 2, {100, 100});
    REQUIRE(h.points[2] == core::Vec2{100, 100});
    for (std::size_t i : {0u, 1u, 3u, 4u, 5u}) REQUIRE(h.points[i] == before.points[i]);
}

TEST_CASE("inserting and deleting keep a mirrored hairline symmetric", "[design][hairline]") {
    const FaceFrame frame = tiltedFrame();
    Hairline h{{frame.toPhoto(-55, 40), frame.toPhoto(-45, 85), frame.toPhoto(-20, 82), frame.toPhoto(0, 80),
                frame.toPhoto(20, 82), frame.toPhoto(45, 85), frame.toPhoto(55, 40)},
               true, 6.0};
    design::makeSymmetric(h, frame);

    // A click near the span between points 1 and 2 (left side) inserts there and on the right.
    const core::Vec2 click = frame.toPhoto(-33, 84.5);
    const int index = design::insertControlPoint(h, frame, click);
    REQUIRE(h.points.size() == 9);
    REQUIRE(index == 2);
    REQUIRE(h.points[2] == click);
    requireMirrored(h, frame);

    // On the right side the new point's index accounts for the one inserted on the left.
    const int right = design::insertControlPoint(h, frame, frame.toPhoto(10, 81.5));
    REQUIRE(h.points.size() == 11);
    REQUIRE(frame.acrossOf(h.points[static_cast<std::size_t>(right)]) == Approx(10).margin(kExactMm));
    requireMirrored(h, frame);

    design::deleteControlPoint(h, right);
    REQUIRE(h.points.size() == 9);
    requireMirrored(h, frame);
    design::deleteControlPoint(h, 4);  // the middle point: only it goes
    REQUIRE(h.points.size() == 8);
    requireMirrored(h, frame);

    // With an even count, a click on the span across the midline inserts one point on it.
    const int middle = design::insertControlPoint(h, frame, frame.toPhoto(1.5, 80.5));
    REQUIRE(h.points.size() == 9);
    REQUIRE(middle == 4);
    REQUIRE(frame.acrossOf(h.points[4]) == Approx(0).margin(kExactMm));
    requireMirrored(h, frame);
}

TEST_CASE("hit-testing finds the nearest control point within the radius", "[design][hairline]") {
    const Hairline h = wavyLine();
    REQUIRE(design::hitControlPoint(h, {80.5, 82.5}, 2.0) == 1);
    REQUIRE(design::hitControlPoint(h, {84.0, 82.0}, 2.0) == -1);
    REQUIRE(design::hitControlPoint(h, {104.0, 89.0}, 5.0) == 2);
}

TEST_CASE("degenerate hairlines are refused with the point named", "[design][hairline]") {
    const FaceFrame frame = tiltedFrame();
    Hairline twoPoints{{{0, 0}, {10, 0}}, false, 0.0};
    REQUIRE_THROWS_WITH(design::validateHairline(twoPoints), Catch::Contains("has 2 control points"));

    Hairline coincident{{{0, 0}, {10, 0}, {10.05, 0}, {20, 0}}, false, 0.0};
    REQUIRE_THROWS_WITH(design::traceHairline(coincident), Catch::Contains("control point 3 lies on control point 2"));

    Hairline notFinite{{{0, 0}, {NAN, 0}, {20, 0}}, false, 0.0};
    REQUIRE_THROWS_WITH(design::validateHairline(notFinite), Catch::Contains("control point 2 is not a finite"));

    Hairline wide{{{0, 0}, {10, 0}, {20, 0}}, false, 31.0};
    REQUIRE_THROWS_WITH(design::validateHairline(wide), Catch::Contains("transition width 31 mm"));

    Hairline three{{{0, 0}, {10, 0}, {20, 0}}, true, 0.0};
    REQUIRE_THROWS_WITH(design::deleteControlPoint(three, 1), Catch::Contains("at least 3"));
    REQUIRE_THROWS_WITH(design::moveControlPoint(three, frame, 7, {0, 0}), Catch::Contains("control point 8 does not exist"));
    REQUIRE_THROWS_AS(design::moveControlPoint(three, frame, 0, {NAN, 0}), core::UsageError);
}
