// The consultation's before and after: each compare mode shows exactly the pictures it is made of,
// and a pan that moves the kept frame shows what drawing the frame whole would.
#include "core/CompareView.h"
#include "core/ViewTransform.h"
#include "render/SceneRenderer.h"

#include "ImageCompare.h"
#include "PaintedPhotos.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>
#include <vector>

using namespace smp;

namespace {

constexpr double kPxPerMm = 8.0;

// A grid of dark dots over the photo's left two thirds; the right third stays bare.
std::vector<dots::Dot> dotGrid(core::SizePx photo) {
    std::vector<dots::Dot> dots;
    for (int y = 6; y < photo.height; y += 10)
        for (int x = 6; x < photo.width * 2 / 3; x += 10) {
            dots::Dot dot;
            dot.positionMm = {(x + 0.5) / kPxPerMm, (y + 0.5) / kPxPerMm};
            dot.diameterMm = 0.4;
            dot.shade = 0.9f;
            dots.push_back(dot);
        }
    return dots;
}

// The columns [x0, x1) of an image.
core::Image columns(const core::Image& image, int x0, int x1) {
    core::Image part(x1 - x0, image.height, image.channels);
    for (int y = 0; y < image.height; ++y)
        for (int x = x0; x < x1; ++x)
            for (int c = 0; c < image.channels; ++c) part.at(x - x0, y)[c] = image.at(x, y)[c];
    return part;
}

core::CompareView split(double divider) { return {core::CompareMode::Split, divider}; }

const core::CompareView kBefore{core::CompareMode::Before};
const core::CompareView kSideBySide{core::CompareMode::SideBySide};

struct Scene {
    core::Image photo = test::paintTestPhoto(160, 120);
    render::SceneRenderer withDots;
    render::SceneRenderer photoOnly;

    Scene() {
        withDots.setPhoto(photo);
        withDots.setDots(dotGrid({photo.width, photo.height}), kPxPerMm);
        photoOnly.setPhoto(photo);
    }
};

// Views through each of the photo passes: zoomed out, 1:1, the close-up's easing and the close-up.
std::vector<core::ViewTransform> viewsOfEveryPass() {
    std::vector<core::ViewTransform> views;
    for (double zoom : {0.6, 1.0, 1.5, 3.0}) {
        core::ViewTransform view;
        view.zoom = zoom;
        view.offsetPx = {7.25, -3.5};
        views.push_back(view);
    }
    return views;
}

}  // namespace

TEST_CASE("before is the photo exactly as a renderer without dots draws it", "[render][compare]") {
    Scene scene;
    for (const core::ViewTransform& view : viewsOfEveryPass()) {
        INFO("zoom " << view.zoom);
        const core::Image before = scene.withDots.renderToImage({200, 150}, view, kBefore);
        REQUIRE(test::imagesMatch(before, scene.photoOnly.renderToImage({200, 150}, view), 0, "compare_before"));
    }
}

TEST_CASE("after shows the dots where they are and the photo elsewhere", "[render][compare]") {
    Scene scene;
    for (const core::ViewTransform& view : viewsOfEveryPass()) {
        INFO("zoom " << view.zoom);
        const core::Image after = scene.withDots.renderToImage({200, 150}, view);
        const core::Image before = scene.withDots.renderToImage({200, 150}, view, kBefore);
        // Dot (6, 6) of the photo, and a spot in the bare third.
        const core::Vec2 dot = view.toView({6.5, 6.5});
        const core::Vec2 bare = view.toView({140.5, 60.5});
        int darkening = 0;
        for (int c = 0; c < 3; ++c)
            darkening += before.at(int(dot.x), int(dot.y))[c] - after.at(int(dot.x), int(dot.y))[c];
        REQUIRE(darkening > 15);  // even zoomed out, where the dot shares its pixel with bare skin
        if (bare.x < 200 && bare.y < 150)
            for (int c = 0; c < 3; ++c)
                REQUIRE(std::abs(after.at(int(bare.x), int(bare.y))[c] - before.at(int(bare.x), int(bare.y))[c]) <= 1);
    }
}

TEST_CASE("a split shows before left of the divider and after right of it, with a line between", "[render][compare]") {
    Scene scene;
    core::ViewTransform view;
    view.zoom = 1.25;
    view.offsetPx = {10.5, 4.0};
    const core::SizePx size{200, 150};
    const core::Image before = scene.withDots.renderToImage(size, view, kBefore);
    const core::Image after = scene.withDots.renderToImage(size, view);
    REQUIRE(test::compareImages(before, after).maxChannelDiff > 40);  // else the split would prove nothing

    const core::Image splitImage = scene.withDots.renderToImage(size, view, split(0.4));
    const int x = 80;  // 0.4 of 200 px
    REQUIRE(test::imagesMatch(columns(splitImage, 0, x - 2), columns(before, 0, x - 2), 0, "split_left"));
    REQUIRE(test::imagesMatch(columns(splitImage, x + 2, 200), columns(after, x + 2, 200), 0, "split_right"));
    for (int y : {0, 40, 149}) {
        INFO("row " << y);
        for (int c = 0; c < 3; ++c) {
            REQUIRE(splitImage.at(x - 1, y)[c] > 200);  // the light line, two pixels wide
            REQUIRE(splitImage.at(x, y)[c] > 200);
            REQUIRE(splitImage.at(x - 2, y)[c] < 40);  // its dark edges
            REQUIRE(splitImage.at(x + 1, y)[c] < 40);
        }
    }
}

TEST_CASE("a split at either edge shows one side and no line", "[render][compare]") {
    Scene scene;
    const core::ViewTransform view = core::fitToView({160, 120}, {200, 150});
    REQUIRE(test::imagesMatch(scene.withDots.renderToImage({200, 150}, view, split(0.0)),
                              scene.withDots.renderToImage({200, 150}, view), 0, "split_at_0"));
    REQUIRE(test::imagesMatch(scene.withDots.renderToImage({200, 150}, view, split(1.0)),
                              scene.withDots.renderToImage({200, 150}, view, kBefore), 0, "split_at_1"));
}

TEST_CASE("side by side shows before and after each as if alone in its half", "[render][compare]") {
    Scene scene;
    const core::SizePx size{201, 120};  // odd: the right half is 101 px wide
    const core::ViewTransform view = core::fitToView({160, 120}, {size.width / 2, size.height});
    const core::Image both = scene.withDots.renderToImage(size, view, kSideBySide);
    const core::Image beforeAlone = scene.photoOnly.renderToImage({100, 120}, view);
    const core::Image afterAlone = scene.withDots.renderToImage({101, 120}, view);
    REQUIRE(test::compareImages(columns(both, 0, 100), columns(both, 100, 200)).maxChannelDiff > 40);
    REQUIRE(test::imagesMatch(columns(both, 0, 100), beforeAlone, 0, "side_by_side_left"));
    // Tolerance 1: in a viewport 100 px from the target's edge the photo's corners round to the
    // rasteriser's subpixel grid a little differently than they do alone.
    REQUIRE(test::imagesMatch(columns(both, 100, 201), afterAlone, 1, "side_by_side_right"));
}

TEST_CASE("a pan by whole pixels shows what drawing the frame whole shows", "[render][compare]") {
    Scene scene;
    const core::SizePx size{240, 180};
    core::ViewTransform closeUp;  // the close-up filter, where moved and newly drawn pixels meet
    closeUp.zoom = 2.5;
    closeUp.offsetPx = {-40.3, -25.6};
    const core::CompareView modes[] = {{}, kBefore, split(0.45), kSideBySide};
    const core::Vec2 pans[] = {{3, 1}, {-7, 0}, {0, -5}, {12, -9}, {0.5, 0}};
    for (const core::CompareView& compare : modes) {
        INFO("compare mode " << core::compareModeName(compare.mode));
        render::RenderTarget target;
        target.resize(size);
        core::ViewTransform view = closeUp;
        scene.withDots.render(target, view, compare);
        const int draws = scene.withDots.dotLayerDraws();
        for (const core::Vec2 pan : pans) {
            INFO("pan " << pan.x << ", " << pan.y);
            view = core::panBy(view, pan);
            scene.withDots.render(target, view, compare);
            // Tolerance 1: the moved pixels were drawn with the photo a hair (< 1e-3 px) from
            // where the whole frame puts it, and coordinates round differently there.
            REQUIRE(test::imagesMatch(target.read(3), scene.withDots.renderToImage(size, view, compare), 1,
                                      "panned_" + std::string(core::compareModeName(compare.mode))));
        }
        REQUIRE(scene.withDots.dotLayerDraws() == draws);
    }
}

TEST_CASE("a frame after the dots change is drawn anew, not moved", "[render][compare]") {
    Scene scene;
    render::RenderTarget target;
    target.resize({200, 150});
    core::ViewTransform view;
    scene.withDots.render(target, view);
    scene.withDots.clearDots();
    view = core::panBy(view, {2, 0});
    scene.withDots.render(target, view);
    REQUIRE(test::imagesMatch(target.read(3), scene.photoOnly.renderToImage({200, 150}, view), 0, "dots_cleared_pan"));
    core::Image otherPhoto = test::paintTestPhoto(160, 120);  // same size, other colours
    for (std::uint8_t& v : otherPhoto.pixels) v = std::uint8_t(255 - v);
    scene.withDots.setPhoto(otherPhoto);
    view = core::panBy(view, {-2, 0});
    scene.withDots.render(target, view);
    scene.photoOnly.setPhoto(otherPhoto);
    REQUIRE(test::imagesMatch(target.read(3), scene.photoOnly.renderToImage({200, 150}, view), 0, "new_photo_pan"));
}
