#include "core/ViewTransform.h"

#include <catch2/catch.hpp>

using namespace smp::core;

namespace {

// Canvas transforms are compared to a thousandth of a pixel: far below what the eye can see,
// far above double rounding.
constexpr double kTolerancePx = 1e-3;

void requireSamePoint(Vec2 a, Vec2 b) {
    REQUIRE(a.x == Approx(b.x).margin(kTolerancePx));
    REQUIRE(a.y == Approx(b.y).margin(kTolerancePx));
}

}  // namespace

TEST_CASE("fit puts the whole photo in the view, centred", "[core][view]") {
    const ViewTransform t = fitToView({4000, 3000}, {1000, 1000});
    REQUIRE(t.zoom == Approx(0.25));
    requireSamePoint(t.toView({0, 0}), {0, 125});
    requireSamePoint(t.toView({4000, 3000}), {1000, 875});
}

TEST_CASE("fit keeps the margin free on the tighter side", "[core][view]") {
    const ViewTransform t = fitToView({1000, 2000}, {800, 600}, 20);
    REQUIRE(t.zoom == Approx(560.0 / 2000.0));
    REQUIRE(t.toView({0, 0}).y == Approx(20).margin(kTolerancePx));
    REQUIRE(t.toView({0, 2000}).y == Approx(580).margin(kTolerancePx));
}

TEST_CASE("view and photo coordinates convert both ways", "[core][view]") {
    ViewTransform t;
    t.zoom = 0.37;
    t.offsetPx = {-120.5, 44.25};
    for (Vec2 p : {Vec2{0, 0}, Vec2{1234.5, 987.25}, Vec2{-50, 3000}}) requireSamePoint(t.toPhoto(t.toView(p)), p);
}

TEST_CASE("zooming at the cursor keeps the photo point under it", "[core][view]") {
    const ViewTransform start = fitToView({3000, 4000}, {1280, 800});
    const Vec2 cursor{700, 333};
    const Vec2 photoPoint = start.toPhoto(cursor);
    const ViewTransform zoomed = zoomAt(start, cursor, 2.5);
    REQUIRE(zoomed.zoom == Approx(start.zoom * 2.5));
    requireSamePoint(zoomed.toView(photoPoint), cursor);
}

TEST_CASE("zoom stays within its limits", "[core][view]") {
    ViewTransform t;
    for (int i = 0; i < 100; ++i) t = zoomAt(t, {10, 10}, 2.0);
    REQUIRE(t.zoom == kMaxZoom);
    for (int i = 0; i < 100; ++i) t = zoomAt(t, {10, 10}, 0.5);
    REQUIRE(t.zoom == kMinZoom);
    REQUIRE(zoomAt(t, {0, 0}, 0.0).zoom == t.zoom);
    REQUIRE(zoomAt(t, {0, 0}, -3.0).zoom == t.zoom);
}

TEST_CASE("100% shows one photo pixel per view pixel around the anchor", "[core][view]") {
    const ViewTransform start = fitToView({6000, 4000}, {1200, 800});
    const Vec2 anchor{600, 400};
    const Vec2 photoPoint = start.toPhoto(anchor);
    const ViewTransform actual = actualPixels(start, anchor);
    REQUIRE(actual.zoom == 1.0);
    requireSamePoint(actual.toView(photoPoint), anchor);
}

TEST_CASE("panning moves the photo by the drag", "[core][view]") {
    ViewTransform t;
    t.zoom = 3.0;
    const ViewTransform moved = panBy(t, {15, -7});
    requireSamePoint(moved.toView({10, 10}), t.toView({10, 10}) + Vec2{15, -7});
    REQUIRE(moved.zoom == 3.0);
}

TEST_CASE("an export at the photo's width maps pixel to pixel", "[core][view]") {
    const ExportFrame same = wholePhotoAtWidth({4032, 3024}, 4032);
    REQUIRE(same.size == SizePx{4032, 3024});
    REQUIRE(same.view.zoom == 1.0);
    REQUIRE(same.view.offsetPx == Vec2{0, 0});

    const ExportFrame half = wholePhotoAtWidth({4032, 3025}, 2016);
    REQUIRE(half.size == SizePx{2016, 1513});  // 1512.5 rounds away from zero
    REQUIRE(half.view.zoom == 0.5);
    REQUIRE(wholePhotoAtWidth({0, 10}, 100).size.empty());
}

TEST_CASE("empty photo or view gives the identity", "[core][view]") {
    REQUIRE(fitToView({0, 0}, {100, 100}).zoom == 1.0);
    REQUIRE(fitToView({100, 100}, {0, 10}).zoom == 1.0);
}

TEST_CASE("a close-up export maps the region onto the whole image", "[core][view]") {
    const ExportFrame frame = photoRegionAtWidth({400, 300, 800, 200}, 1600);
    REQUIRE(frame.size == SizePx{1600, 400});
    requireSamePoint(frame.view.toView({400, 300}), {0, 0});
    requireSamePoint(frame.view.toView({1200, 500}), {1600, 400});
    REQUIRE(photoRegionAtWidth({0, 0, 0, 10}, 100).size.empty());
    REQUIRE(photoRegionAtWidth({0, 0, 10, 10}, 0).size.empty());
}
