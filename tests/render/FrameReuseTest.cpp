// A renderer reuses its last frame's pixels where it can (a pan, an edit of a band of dots, a
// target still showing its frame); these tests hold it to drawing exactly what a fresh renderer
// draws whenever those pixels are not its own any more.
#include "core/ViewTransform.h"
#include "render/RenderTarget.h"
#include "render/SceneRenderer.h"

#include "ImageCompare.h"
#include "PaintedPhotos.h"
#include "ScatteredDots.h"

#include <catch2/catch.hpp>

#include <vector>

using namespace smp;

namespace {

constexpr double kPxPerMm = 4.0;
const core::SizePx kTargetSize{320, 240};

core::Image freshFrame(const core::Image& photo, const std::vector<preview::DotLook>& dots,
                       const core::ViewTransform& view,
                       render::FrameQuality quality = render::FrameQuality::Final) {
    render::SceneRenderer fresh;
    fresh.setPhoto(photo);
    fresh.setDots(dots, kPxPerMm);
    render::RenderTarget target;
    target.resize(kTargetSize);
    fresh.render(target, view, {}, quality);
    return target.read(3);
}

// The top band of the dots moved, as a hairline drag moves them.
std::vector<preview::DotLook> dragged(std::vector<preview::DotLook> dots) {
    for (preview::DotLook& dot : dots)
        if (dot.positionMm.y < 10.0) dot.positionMm.x += 0.4;
    return dots;
}

}  // namespace

TEST_CASE("an edit on a target another renderer drew into since is drawn whole", "[render][frame-reuse]") {
    const core::Image photo = test::paintTestPhoto(400, 300);
    const core::SizePx photoSize{photo.width, photo.height};
    const std::vector<preview::DotLook> before = test::scatterDots(photoSize, kPxPerMm, 3000, 5);
    const std::vector<preview::DotLook> after = dragged(before);
    const core::ViewTransform fit = core::fitToView(photoSize, kTargetSize);

    render::RenderTarget target;
    target.resize(kTargetSize);
    render::SceneRenderer editing;
    editing.setPhoto(photo);
    editing.setDots(before, kPxPerMm);
    editing.render(target, fit);
    // Someone else's frame lands in the same target: another photo, no dots.
    render::SceneRenderer other;
    other.setPhoto(test::paintTestPhoto(200, 200));
    other.render(target, core::fitToView({200, 200}, kTargetSize));
    const core::Image othersFrame = target.read(3);

    editing.setDots(after, kPxPerMm);
    editing.render(target, fit);
    const core::Image expected = freshFrame(photo, after, fit);
    REQUIRE(test::compareImages(othersFrame, expected).maxChannelDiff > 40);  // the other frame shows otherwise
    REQUIRE(test::imagesMatch(target.read(3), expected, 0, "frame_reuse_other_renderer"));
}

TEST_CASE("a view that stands still keeps its frame, and an edit then redraws only what it changed",
          "[render][frame-reuse]") {
    const core::Image photo = test::paintTestPhoto(400, 300);
    const core::SizePx photoSize{photo.width, photo.height};
    const std::vector<preview::DotLook> before = test::scatterDots(photoSize, kPxPerMm, 3000, 6);
    const std::vector<preview::DotLook> after = dragged(before);
    const core::ViewTransform fit = core::fitToView(photoSize, kTargetSize);

    render::SceneRenderer renderer;
    renderer.setPhoto(photo);
    renderer.setDots(before, kPxPerMm);
    render::RenderTarget target;
    target.resize(kTargetSize);
    renderer.render(target, fit);
    renderer.render(target, fit);  // nothing changed: the pixels stay as they are
    REQUIRE(test::imagesMatch(target.read(3), freshFrame(photo, before, fit), 0, "frame_reuse_still"));
    for (int edit = 0; edit < 3; ++edit) {
        const std::vector<preview::DotLook>& dots = edit % 2 == 0 ? after : before;
        renderer.setDots(dots, kPxPerMm);
        renderer.render(target, fit);
        INFO("edit " << edit);
        REQUIRE(test::imagesMatch(target.read(3), freshFrame(photo, dots, fit), 0, "frame_reuse_edits"));
    }
}

TEST_CASE("a moving close-up magnifies the composite, and the still frame after it is the final one",
          "[render][frame-reuse]") {
    const core::Image photo = test::paintTestPhoto(400, 300);
    const core::SizePx photoSize{photo.width, photo.height};
    const std::vector<preview::DotLook> dots = test::scatterDots(photoSize, kPxPerMm, 3000, 7);
    core::ViewTransform closeUp;
    closeUp.zoom = 4.0;
    closeUp.offsetPx = {-300.0, -200.0};
    const core::Image final = freshFrame(photo, dots, closeUp);
    const core::Image moving = freshFrame(photo, dots, closeUp, render::FrameQuality::Moving);
    // The same dots in the same places, only filtered otherwise: close on average, yet not the
    // B-spline's pixels.
    const test::ImageDifference difference = test::compareImages(moving, final);
    REQUIRE(difference.maxChannelDiff > 0);
    REQUIRE(difference.meanChannelDiff < 3.0);

    render::SceneRenderer renderer;
    renderer.setPhoto(photo);
    renderer.setDots(dots, kPxPerMm);
    render::RenderTarget target;
    target.resize(kTargetSize);
    renderer.render(target, closeUp, {}, render::FrameQuality::Moving);
    REQUIRE(test::imagesMatch(target.read(3), moving, 0, "frame_reuse_moving"));
    renderer.render(target, closeUp);  // the same view, still: drawn final, not kept from the moving one
    REQUIRE(test::imagesMatch(target.read(3), final, 0, "frame_reuse_final_after_moving"));
}
