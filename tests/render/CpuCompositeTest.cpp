// The CPU's composite against the GL one: an export composited on the CPU must show what the GL
// path draws, and the sRGB tables must round as an 8-bit render target does.
#include "core/CompareView.h"
#include "core/ViewTransform.h"
#include "render/CpuComposite.h"
#include "render/RenderTarget.h"
#include "render/SceneRenderer.h"

#include "ImageCompare.h"
#include "PaintedPhotos.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <string>
#include <vector>

using namespace smp;

namespace {

constexpr double kPxPerMm = 4.0;

// Dots over the whole photo, some elongated, the ones in its left third fresh and red.
std::vector<preview::DotLook> scatteredDots(core::SizePx photo, int count, unsigned seed) {
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<preview::DotLook> dots(static_cast<std::size_t>(count));
    for (preview::DotLook& dot : dots) {
        dot.positionMm = {unit(random) * photo.width / kPxPerMm, unit(random) * photo.height / kPxPerMm};
        dot.diameterMm = 0.15 + 0.2 * unit(random);
        dot.shade = float(0.4 + 0.8 * unit(random));  // past 1: fresh work
        dot.ellipseRatio = float(1.0 + 0.5 * unit(random));
        dot.angleRad = float(3.0 * unit(random));
        dot.redness = dot.positionMm.x < photo.width / kPxPerMm / 3.0 ? float(unit(random)) : 0.0f;
    }
    return dots;
}

// The frame drawn by GL: render() always draws, and a render target reads back what it drew.
core::Image renderedByGl(render::SceneRenderer& renderer, core::SizePx size, const core::CompareView& compare) {
    render::RenderTarget target;
    target.resize(size);
    renderer.render(target, {}, compare);
    return target.read(3);
}

double exactEncode(double linear) {
    return linear <= 0.0031308 ? 12.92 * linear : 1.055 * std::pow(linear, 1.0 / 2.4) - 0.055;
}

}  // namespace

TEST_CASE("the sRGB tables decode and encode every byte back to itself", "[render][cpu-composite]") {
    const render::SrgbTables& srgb = render::SrgbTables::get();
    for (int b = 0; b < 256; ++b) REQUIRE(int(srgb.encode(srgb.decode(std::uint8_t(b)))) == b);
    REQUIRE(srgb.encode(-0.5f) == 0);
    REQUIRE(srgb.encode(std::nanf("")) == 0);
    REQUIRE(srgb.encode(1.5f) == 255);
}

TEST_CASE("the sRGB tables round linear light to the nearest byte", "[render][cpu-composite]") {
    const render::SrgbTables& srgb = render::SrgbTables::get();
    int compared = 0;
    for (int i = 0; i <= 200000; ++i) {
        const double linear = i / 200000.0;
        const double exact = 255.0 * exactEncode(double(float(linear)));
        // Halfway between two bytes float and double may disagree; nowhere else.
        if (std::abs(exact - std::floor(exact) - 0.5) < 1e-3) continue;
        ++compared;
        REQUIRE(int(srgb.encode(float(linear))) == int(std::lround(exact)));
    }
    REQUIRE(compared > 199000);
}

TEST_CASE("an export composited on the CPU shows what the GL path draws", "[render][cpu-composite]") {
    const core::Image photo = test::paintTestPhoto(320, 240);
    const core::SizePx size{photo.width, photo.height};
    render::SceneRenderer renderer;
    renderer.setPhoto(photo);
    renderer.setDots(scatteredDots(size, 2500, 5), kPxPerMm);
    const core::ExportFrame frame = core::wholePhotoAtWidth(size, photo.width);

    const core::Image onCpu = renderer.renderToImage(frame.size, frame.view);
    REQUIRE(test::compareImages(onCpu, photo).maxChannelDiff > 40);  // the dots are there
    REQUIRE(test::imagesMatch(onCpu, renderedByGl(renderer, size, {}), 1, "cpu_composite_after"));

    // GL decodes and encodes each byte within 1 of itself.
    const core::CompareView before{core::CompareMode::Before};
    REQUIRE(test::imagesMatch(renderer.renderToImage(frame.size, frame.view, before),
                              renderedByGl(renderer, size, before), 1, "cpu_composite_before"));

    // An edit after a CPU export: the CPU's raster is redrawn in part, then the GL textures take
    // in what changed since their last upload.
    renderer.setDots(scatteredDots(size, 2500, 6), kPxPerMm);
    const core::Image editedOnCpu = renderer.renderToImage(frame.size, frame.view);
    renderer.setDots(scatteredDots(size, 2000, 6), kPxPerMm);
    (void)renderer.renderToImage(frame.size, frame.view);
    renderer.setDots(scatteredDots(size, 2500, 6), kPxPerMm);
    const core::Image editedOnGl = renderedByGl(renderer, size, {});
    REQUIRE(test::compareImages(editedOnCpu, onCpu).maxChannelDiff > 40);
    REQUIRE(test::imagesMatch(editedOnCpu, editedOnGl, 1, "cpu_composite_edited"));
    render::SceneRenderer fresh;
    fresh.setPhoto(photo);
    fresh.setDots(scatteredDots(size, 2500, 6), kPxPerMm);
    REQUIRE(test::imagesMatch(editedOnGl, renderedByGl(fresh, size, {}), 0, "cpu_composite_edited_fresh"));
}

TEST_CASE("an export with no dots, or cleared ones, is the photo itself", "[render][cpu-composite]") {
    const core::Image photo = test::paintTestPhoto(96, 64);
    render::SceneRenderer renderer;
    renderer.setPhoto(photo);
    REQUIRE(test::imagesMatch(renderer.renderToImage({96, 64}, {}), photo, 0, "cpu_composite_no_dots"));
    renderer.setDots(scatteredDots({96, 64}, 100, 7), kPxPerMm);
    REQUIRE(test::compareImages(renderer.renderToImage({96, 64}, {}), photo).maxChannelDiff > 20);
    renderer.clearDots();
    REQUIRE(test::imagesMatch(renderer.renderToImage({96, 64}, {}), photo, 0, "cpu_composite_cleared"));
}

TEST_CASE("a frame after a local edit is the frame drawn whole", "[render][dots]") {
    const core::Image photo = test::paintTestPhoto(400, 300);
    const core::SizePx photoSize{photo.width, photo.height};
    const std::vector<preview::DotLook> before = scatteredDots(photoSize, 4000, 9);
    std::vector<preview::DotLook> after = before;  // a hairline drag: the top band moves and grows
    for (preview::DotLook& dot : after)
        if (dot.positionMm.y < 12.0) {
            dot.positionMm.x += 0.3;
            dot.diameterMm *= 1.2;
        }
    const core::SizePx targetSize{360, 240};
    const core::ViewTransform fit = core::fitToView(photoSize, targetSize);
    core::ViewTransform closeUp;
    closeUp.zoom = 3.0;
    closeUp.offsetPx = {-150.0, -20.0};
    struct Case {
        core::ViewTransform view;
        core::CompareView compare;
        const char* name;
    };
    const core::CompareView sideBySide{core::CompareMode::SideBySide};
    const std::vector<Case> cases{
        {fit, {}, "edit_frame_fit"},
        {core::zoomAt(fit, {180, 40}, 0.5), {}, "edit_frame_small"},
        {closeUp, {}, "edit_frame_close"},
        {core::zoomAt(closeUp, {100, 10}, 0.6), {}, "edit_frame_ease"},
        {fit, {core::CompareMode::Split, 0.4}, "edit_frame_split"},
        {core::fitToView(photoSize, {targetSize.width / 2, targetSize.height}), sideBySide, "edit_frame_side"},
    };
    for (const Case& c : cases) {
        render::SceneRenderer edited;
        edited.setPhoto(photo);
        edited.setDots(before, kPxPerMm);
        render::RenderTarget target;
        target.resize(targetSize);
        edited.render(target, c.view, c.compare);
        const core::Image beforeEdit = target.read(3);
        edited.setDots(after, kPxPerMm);
        edited.render(target, c.view, c.compare);
        const core::Image afterEdit = target.read(3);
        // And a pan on top of an edit: the moved pixels and the edited part together.
        edited.setDots(before, kPxPerMm);
        const core::ViewTransform panned = core::panBy(c.view, {5.0, -3.0});
        edited.render(target, panned, c.compare);
        const core::Image panEdit = target.read(3);

        render::SceneRenderer fresh;
        fresh.setPhoto(photo);
        fresh.setDots(after, kPxPerMm);
        render::RenderTarget freshTarget;
        freshTarget.resize(targetSize);
        fresh.render(freshTarget, c.view, c.compare);
        INFO(c.name);
        REQUIRE(test::compareImages(afterEdit, beforeEdit).maxChannelDiff > 20);  // the edit shows
        REQUIRE(test::imagesMatch(afterEdit, freshTarget.read(3), 1, c.name));
        render::SceneRenderer freshPanned;
        freshPanned.setPhoto(photo);
        freshPanned.setDots(before, kPxPerMm);
        freshPanned.render(freshTarget, panned, c.compare);
        REQUIRE(test::imagesMatch(panEdit, freshTarget.read(3), 1, std::string(c.name) + "_panned"));
    }
}

