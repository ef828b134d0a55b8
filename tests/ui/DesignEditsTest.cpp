#include "ui/DesignEdits.h"

#include "core/Errors.h"

#include <catch2/catch.hpp>

#include <numeric>

using namespace smp;
using namespace smp::ui;

namespace {

design::Design designOnDefaultFace() {
    design::Design design;
    design.hairline = design::makeHairline(design.style, design.face);
    design.hairline.transitionMm = design.style.transitionMm;
    return design;
}

double shareSum(const dots::SessionPlan& plan) {
    return std::accumulate(plan.sessions.begin(), plan.sessions.end(), 0.0,
                           [](double sum, const dots::Session& s) { return sum + s.densityShare; });
}

}  // namespace

TEST_CASE("a new style rebuilds the line and a new transition keeps every point", "[ui][design-edits]") {
    design::Design design = designOnDefaultFace();
    // A hand edit.
    design::moveControlPoint(design.hairline, design.face, 1, design.hairline.points[1] + core::Vec2{0.0, -3.0});
    const design::Hairline edited = design.hairline;

    setTransition(design, 9.0);
    REQUIRE(design.hairline.points == edited.points);
    REQUIRE(design.hairline.transitionMm == 9.0);
    REQUIRE(design.style.transitionMm == 9.0);

    design::StyleParams peaked = design.style;
    peaked.style = design::HairlineStyle::Peaked;
    applyStyle(design, peaked);
    design::Hairline expected = design::makeHairline(peaked, design.face);
    REQUIRE(design.hairline.points == expected.points);
    REQUIRE(design.hairline.transitionMm == 9.0);  // the transition stays as set
    REQUIRE(design.style.style == design::HairlineStyle::Peaked);

    // Symmetry turned off stays off through a style change.
    design.hairline.mirrored = false;
    design::StyleParams higher = design.style;
    higher.heightMm += 5.0;
    applyStyle(design, higher);
    REQUIRE_FALSE(design.hairline.mirrored);
    REQUIRE(design.hairline.points != expected.points);
}

TEST_CASE("an out-of-range style is refused and changes nothing", "[ui][design-edits]") {
    design::Design design = designOnDefaultFace();
    const design::Design before = design;
    design::StyleParams wrong = design.style;
    wrong.heightMm = 500.0;
    REQUIRE_THROWS_AS(applyStyle(design, wrong), core::UsageError);
    REQUIRE(design == before);
}

TEST_CASE("the session count keeps each session's pigment and resets the shares", "[ui][design-edits]") {
    dots::SessionPlan plan = dots::SessionPlan::standard(3);
    plan.sessions[1].shade = 0.9;
    plan.sessions[2].needleMm = 0.18;
    setSessionCount(plan, 4);
    REQUIRE(plan.sessions.size() == 4);
    REQUIRE(plan.sessions[1].shade == 0.9);
    REQUIRE(plan.sessions[3].needleMm == 0.18);  // a new session copies the last one
    REQUIRE(shareSum(plan) == Approx(1.0).margin(1e-12));
    REQUIRE(plan.sessions[0].densityShare == dots::SessionPlan::standard(4).sessions[0].densityShare);
    REQUIRE_NOTHROW(plan.validate());
    setSessionCount(plan, 1);
    REQUIRE(plan.sessions.size() == 1);
    REQUIRE(plan.sessions[0].densityShare == 1.0);
    REQUIRE_THROWS_AS(setSessionCount(plan, 8), core::UsageError);
    REQUIRE_THROWS_AS(setSessionCount(plan, 0), core::UsageError);
    REQUIRE(plan.sessions.size() == 1);
}

TEST_CASE("a session's share moves the others in proportion and the sum stays whole", "[ui][design-edits]") {
    dots::SessionPlan plan = dots::SessionPlan::standard(3);  // 40/35/25
    setSessionShare(plan, 0, 0.60);
    REQUIRE(plan.sessions[0].densityShare == Approx(0.60));
    // 35:25 kept between the others, over the 40% left.
    REQUIRE(plan.sessions[1].densityShare == Approx(0.40 * 35.0 / 60.0));
    REQUIRE(plan.sessions[2].densityShare == Approx(0.40 * 25.0 / 60.0));
    REQUIRE(shareSum(plan) == Approx(1.0).margin(1e-12));
    REQUIRE_NOTHROW(plan.validate());

    // Past what the others can give: each keeps the least share.
    setSessionShare(plan, 2, 1.0);
    REQUIRE(plan.sessions[0].densityShare >= kMinSessionShare - 1e-12);
    REQUIRE(plan.sessions[1].densityShare >= kMinSessionShare - 1e-12);
    REQUIRE(plan.sessions[2].densityShare == Approx(1.0 - 2 * kMinSessionShare));
    REQUIRE(shareSum(plan) == Approx(1.0).margin(1e-12));
    REQUIRE_NOTHROW(plan.validate());

    // Many random moves never break the plan.
    dots::SessionPlan seven = dots::SessionPlan::standard(7);
    for (int step = 0; step < 200; ++step) {
        setSessionShare(seven, (step * 5) % 7, ((step * 37) % 100) / 100.0);
        REQUIRE(shareSum(seven) == Approx(1.0).margin(1e-9));
        REQUIRE_NOTHROW(seven.validate());
        for (const dots::Session& s : seven.sessions) REQUIRE(s.densityShare >= kMinSessionShare - 1e-9);
    }
    REQUIRE_THROWS_AS(setSessionShare(seven, 7, 0.5), core::UsageError);
}
