#include "core/ViewTransform.h"

#include <algorithm>
#include <cmath>

namespace smp::core {
namespace {

double clampZoom(double zoom) { return std::clamp(zoom, kMinZoom, kMaxZoom); }

ViewTransform withZoomKeeping(const ViewTransform& current, Vec2 viewAnchorPx, double zoom) {
    const Vec2 photoAnchor = current.toPhoto(viewAnchorPx);
    ViewTransform next;
    next.zoom = clampZoom(zoom);
    next.offsetPx = viewAnchorPx - photoAnchor * next.zoom;
    return next;
}

}  // namespace

ViewTransform fitToView(SizePx photo, SizePx view, double marginPx) {
    if (photo.empty() || view.empty()) return {};
    const double availW = std::max(1.0, view.width - 2.0 * marginPx);
    const double availH = std::max(1.0, view.height - 2.0 * marginPx);
    ViewTransform t;
    t.zoom = clampZoom(std::min(availW / photo.width, availH / photo.height));
    t.offsetPx = {(view.width - photo.width * t.zoom) * 0.5, (view.height - photo.height * t.zoom) * 0.5};
    return t;
}

ViewTransform actualPixels(const ViewTransform& current, Vec2 viewAnchorPx) {
    return withZoomKeeping(current, viewAnchorPx, 1.0);
}

ViewTransform zoomAt(const ViewTransform& current, Vec2 cursorViewPx, double factor) {
    if (!(factor > 0.0)) return current;
    return withZoomKeeping(current, cursorViewPx, current.zoom * factor);
}

ViewTransform panBy(const ViewTransform& current, Vec2 deltaViewPx) {
    ViewTransform next = current;
    next.offsetPx = current.offsetPx + deltaViewPx;
    return next;
}

ExportFrame wholePhotoAtWidth(SizePx photo, int widthPx) {
    if (photo.empty() || widthPx <= 0) return {};
    ExportFrame frame;
    frame.view.zoom = static_cast<double>(widthPx) / photo.width;
    frame.size = {widthPx, std::max(1, static_cast<int>(std::lround(photo.height * frame.view.zoom)))};
    return frame;
}

ExportFrame photoRegionAtWidth(RectPx region, int widthPx) {
    if (region.empty() || widthPx <= 0) return {};
    ExportFrame frame;
    frame.view.zoom = static_cast<double>(widthPx) / region.width;
    frame.view.offsetPx = Vec2{-static_cast<double>(region.x), -static_cast<double>(region.y)} * frame.view.zoom;
    frame.size = {widthPx, std::max(1, static_cast<int>(std::lround(region.height * frame.view.zoom)))};
    return frame;
}

}  // namespace smp::core
