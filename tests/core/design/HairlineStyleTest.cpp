#include "core/Errors.h"
#include "core/design/HairlineStyle.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace smp;
using design::FaceFrame;
using design::HairlineStyle;
using design::StyleParams;

namespace {

FaceFrame uprightFrame() {
    FaceFrame frame;
    frame.glabella = {125.0, 170.0};
    frame.outerEyeMm = 45.0;
    frame.foreheadRadiusMm = 0.0;  // heights on the photo equal heights on the skin
    return frame;
}

// The frontal part of the traced line: between the frontotemporal corners.
std::vector<core::Vec2> frontal(const std::vector<core::Vec2>& trace, const FaceFrame& frame) {
    std::vector<core::Vec2> out;
    for (const core::Vec2 p : trace)
        if (std::abs(frame.acrossOf(p)) <= frame.outerEyeMm * 0.9) out.push_back(p);
    return out;
}

StyleParams styled(HairlineStyle style) {
    StyleParams p;
    p.style = style;
    return p;
}

}  // namespace

TEST_CASE("every style puts the mid-frontal point at the set height above the glabella", "[design][style]") {
    const FaceFrame frame = uprightFrame();
    for (HairlineStyle style : {HairlineStyle::Rounded, HairlineStyle::Boxed, HairlineStyle::Receded}) {
        for (double height : {design::kFemaleHairlineHeightMm, design::kMaleHairlineHeightMm, 100.0}) {
            StyleParams p = styled(style);
            p.heightMm = height;
            const design::Hairline h = design::makeHairline(p, frame);
            const core::Vec2 middle = h.points[h.points.size() / 2];
            REQUIRE(frame.acrossOf(middle) == Approx(0).margin(1e-9));
            REQUIRE(frame.aboveOf(middle) == Approx(height));
        }
    }
}

TEST_CASE("the corners sit above the outer eye corners, higher than the centre", "[design][style]") {
    const FaceFrame frame = uprightFrame();
    const design::Hairline h = design::makeHairline(styled(HairlineStyle::Rounded), frame);
    REQUIRE(frame.acrossOf(h.points[1]) == Approx(-frame.outerEyeMm));
    REQUIRE(frame.aboveOf(h.points[1]) > frame.aboveOf(h.points[3]));
    // The temporal points lie beyond the corners and lower, where the line turns down the side.
    REQUIRE(frame.acrossOf(h.points.front()) < -frame.outerEyeMm);
    REQUIRE(frame.aboveOf(h.points.front()) < frame.aboveOf(h.points[1]));
}

TEST_CASE("peaked: the lowest point of the frontal line is the widow's peak on the midline", "[design][style]") {
    const FaceFrame frame = uprightFrame();
    StyleParams p = styled(HairlineStyle::Peaked);
    p.peakDepthMm = 14.0;
    const auto line = frontal(design::traceHairline(design::makeHairline(p, frame), 0.1), frame);
    const auto lowest = std::min_element(line.begin(), line.end(), [&](core::Vec2 a, core::Vec2 b) {
        return frame.aboveOf(a) < frame.aboveOf(b);
    });
    REQUIRE(frame.acrossOf(*lowest) == Approx(0).margin(0.1));
    REQUIRE(frame.aboveOf(*lowest) == Approx(p.heightMm - p.peakDepthMm).margin(1e-6));
}

TEST_CASE("receded: the temple corners sit higher than the centre by the recession depth", "[design][style]") {
    const FaceFrame frame = uprightFrame();
    for (double depth : {10.0, 25.0}) {
        StyleParams p = styled(HairlineStyle::Receded);
        p.recessionMm = depth;
        const design::Hairline h = design::makeHairline(p, frame);
        const auto line = frontal(design::traceHairline(h, 0.1), frame);
        const double centre = frame.aboveOf(h.points[h.points.size() / 2]);
        double highest = -1e9;
        for (const core::Vec2 q : line) highest = std::max(highest, frame.aboveOf(q));
        REQUIRE(frame.aboveOf(h.points[1]) - centre == Approx(depth));
        // The spline rounds the corner and may crest up to a millimetre past the control point.
        REQUIRE(highest - centre >= depth - 1e-9);
        REQUIRE(highest - centre <= depth + 1.0);
        // M-shaped: the line dips back down between a corner and the centre.
        REQUIRE(frame.aboveOf(h.points[2]) < frame.aboveOf(h.points[1]));
    }
}

TEST_CASE("boxed: the centre of the line is a flat, straight segment", "[design][style]") {
    const FaceFrame frame = uprightFrame();
    const StyleParams p = styled(HairlineStyle::Boxed);
    const auto trace = design::traceHairline(design::makeHairline(p, frame), 0.1);
    int onFlat = 0;
    for (const core::Vec2 q : trace) {
        if (std::abs(frame.acrossOf(q)) > 0.3 * frame.outerEyeMm) continue;
        REQUIRE(frame.aboveOf(q) == Approx(p.heightMm).margin(1e-9));
        ++onFlat;
    }
    REQUIRE(onFlat > 200);  // 27 mm of line at 0.1 mm steps
}

TEST_CASE("rounded, boxed, peaked and receded come out mirrored and natural is irregular", "[design][style]") {
    const FaceFrame frame = uprightFrame();
    for (HairlineStyle style : {HairlineStyle::Rounded, HairlineStyle::Boxed, HairlineStyle::Peaked, HairlineStyle::Receded}) {
        const design::Hairline h = design::makeHairline(styled(style), frame);
        REQUIRE(h.mirrored);
        const std::size_t n = h.points.size();
        for (std::size_t i = 0; i < n; ++i)
            REQUIRE(frame.acrossOf(h.points[i]) == Approx(-frame.acrossOf(h.points[n - 1 - i])).margin(1e-9));
    }
    StyleParams natural = styled(HairlineStyle::Natural);
    natural.irregularityMm = 3.0;
    const design::Hairline a = design::makeHairline(natural, frame);
    const design::Hairline rounded = design::makeHairline(styled(HairlineStyle::Rounded), frame);
    REQUIRE_FALSE(a.mirrored);
    double largest = 0.0;
    for (std::size_t i = 0; i < a.points.size(); ++i) {
        const double offset = core::distance(a.points[i], rounded.points[i]);
        REQUIRE(offset <= 3.0 + 1e-9);
        largest = std::max(largest, offset);
    }
    REQUIRE(largest > 0.5);
    REQUIRE(design::makeHairline(natural, frame) == a);  // the same seed, the same line
    natural.seed = 2;
    REQUIRE_FALSE(design::makeHairline(natural, frame) == a);
}

TEST_CASE("the transition width is carried from the style to the hairline", "[design][style]") {
    StyleParams p = styled(HairlineStyle::Rounded);
    p.transitionMm = 0.0;
    REQUIRE(design::makeHairline(p, uprightFrame()).transitionMm == 0.0);
    p.transitionMm = 8.0;
    REQUIRE(design::makeHairline(p, uprightFrame()).transitionMm == 8.0);
}

TEST_CASE("style names round-trip and bad parameters are refused by name", "[design][style]") {
    for (HairlineStyle s : {HairlineStyle::Rounded, HairlineStyle::Boxed, HairlineStyle::Peaked, HairlineStyle::Receded,
                            HairlineStyle::Natural})
        REQUIRE(design::styleFromName(design::styleName(s)) == s);
    REQUIRE_FALSE(design::styleFromName("mullet").has_value());

    StyleParams p;
    p.heightMm = 5.0;
    REQUIRE_THROWS_WITH(design::makeHairline(p, uprightFrame()), Catch::Contains("height above the glabella 5 mm"));
    p = StyleParams{};
    p.peakDepthMm = -1.0;
    REQUIRE_THROWS_WITH(design::validateStyle(p), Catch::Contains("peak depth"));
    p = StyleParams{};
    p.transitionMm = NAN;
    REQUIRE_THROWS_AS(design::validateStyle(p), core::UsageError);
}

TEST_CASE("heights measured on the skin are projected onto the photo over the forehead's curve", "[design][style]") {
    FaceFrame frame = uprightFrame();
    frame.foreheadRadiusMm = 100.0;
    const design::Hairline h = design::makeHairline(styled(HairlineStyle::Rounded), frame);
    const core::Vec2 middle = h.points[h.points.size() / 2];
    REQUIRE(frame.aboveOf(middle) == Approx(100.0 * std::sin(0.8)));  // 71.7 mm on the photo for 80 on the skin
    REQUIRE(frame.projectedAbove(-10.0) == -10.0);                    // below the glabella: no curve
    REQUIRE(frame.projectedAbove(1000.0) == Approx(100.0));           // never past the top of the curve
    frame.foreheadRadiusMm = 0.0;
    REQUIRE(frame.projectedAbove(80.0) == 80.0);
}
