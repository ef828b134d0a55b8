#include "ui/ZoneBrush.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace smp::ui {
namespace {

std::vector<core::Vec2> toPx(std::span<const core::Vec2> mm, double pxPerMm) {
    std::vector<core::Vec2> px;
    px.reserve(mm.size());
    for (const core::Vec2& p : mm) px.push_back(p * pxPerMm);
    return px;
}

}  // namespace

design::PhotoMask& zoneMask(design::Zones& zones, design::ZoneKind kind, core::SizePx photoPx) {
    design::PhotoMask& mask = zones.mask(kind);
    if (!(mask.size() == photoPx)) {
        // Never painted (or made for another photo): a fresh mask, keeping what fits.
        design::PhotoMask fresh(photoPx);
        if (!mask.size().empty()) {
            const core::SizePx old = mask.size();
            for (int y = 0; y < std::min(old.height, photoPx.height); ++y)
                for (const design::PixelRun& run : mask.row(y))
                    if (run.x0 < photoPx.width) fresh.paintRect({run.x0, y, std::min(run.x1, photoPx.width) - run.x0, 1});
        }
        mask = std::move(fresh);
    }
    return mask;
}

void paintBrush(design::PhotoMask& mask, std::span<const core::Vec2> pathMm, double diameterMm, double pxPerMm,
                bool add) {
    if (pathMm.empty() || !(diameterMm > 0.0) || !(pxPerMm > 0.0)) return;
    const std::vector<core::Vec2> path = toPx(pathMm, pxPerMm);
    const double radiusPx = 0.5 * diameterMm * pxPerMm;
    if (path.size() == 1) mask.paintDisc(path.front(), radiusPx, add);
    else mask.paintStroke(path, radiusPx, add);
}

void paintZonePolygon(design::PhotoMask& mask, std::span<const core::Vec2> cornersMm, double pxPerMm, bool add) {
    if (cornersMm.size() < 3 || !(pxPerMm > 0.0)) return;
    const std::vector<core::Vec2> corners = toPx(cornersMm, pxPerMm);
    mask.paintPolygon(corners, add);
}

double steppedBrush(double diameterMm, bool larger) {
    const double next = larger ? diameterMm * 1.25 : diameterMm / 1.25;
    return std::clamp(next, kMinBrushMm, kMaxBrushMm);
}

}  // namespace smp::ui
