#pragma once
// How the photo sits in a view (the canvas or an export): a uniform zoom and an offset.
// Pure math, no GL, so that zoom and pan are tested without a window.

#include "core/Geometry.h"

namespace smp::core {

struct ViewTransform {
    double zoom = 1.0;   // view pixels per photo pixel
    Vec2 offsetPx;       // where the photo's top-left corner lands in the view

    [[nodiscard]] Vec2 toView(Vec2 photoPx) const { return photoPx * zoom + offsetPx; }
    [[nodiscard]] Vec2 toPhoto(Vec2 viewPx) const { return (viewPx - offsetPx) * (1.0 / zoom); }
};

// Zoom stays within these so that a wheel spin can neither lose the photo nor blow up a pixel
// past usefulness.
inline constexpr double kMinZoom = 1.0 / 64.0;
inline constexpr double kMaxZoom = 64.0;

// The whole photo, as large as fits, centred; marginPx is kept free on every side.
ViewTransform fitToView(SizePx photo, SizePx view, double marginPx = 0.0);

// One photo pixel per view pixel, keeping the photo point under viewAnchorPx where it is.
ViewTransform actualPixels(const ViewTransform& current, Vec2 viewAnchorPx);

// Multiplies the zoom by factor, keeping the photo point under the cursor fixed.
ViewTransform zoomAt(const ViewTransform& current, Vec2 cursorViewPx, double factor);

// Moves the photo by a drag of deltaViewPx.
ViewTransform panBy(const ViewTransform& current, Vec2 deltaViewPx);

// An export of the whole photo at a given width: the image size and the view that fills it
// exactly (zoom = width / photo width, so a full-width export maps pixel to pixel).
struct ExportFrame {
    SizePx size;
    ViewTransform view;
};
ExportFrame wholePhotoAtWidth(SizePx photo, int widthPx);
// A close-up: the region of the photo (photo pixels) filling an image of the given width.
// An empty region or a width <= 0 gives an empty frame.
ExportFrame photoRegionAtWidth(RectPx region, int widthPx);

}  // namespace smp::core
