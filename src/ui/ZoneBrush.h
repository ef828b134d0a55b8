#pragma once
// Painting zones in the artist's units: a brush `diameterMm` wide dragged along a path in mm,
// and polygons with corners in mm, turned into photo pixels on the zone's mask. Pure math over
// design::PhotoMask: no ImGui, tested without a window.

#include "core/Geometry.h"
#include "core/design/Zones.h"

#include <span>

namespace smp::ui {

inline constexpr double kMinBrushMm = 0.5;
inline constexpr double kMaxBrushMm = 80.0;

// The zone `kind` of `zones`, made over the whole photo if it has never been painted.
design::PhotoMask& zoneMask(design::Zones& zones, design::ZoneKind kind, core::SizePx photoPx);

// Paints (or with `add` false erases) a stroke through `pathMm`: every pixel whose centre lies
// within diameterMm / 2 of the path. One point paints a disc.
void paintBrush(design::PhotoMask& mask, std::span<const core::Vec2> pathMm, double diameterMm, double pxPerMm,
                bool add = true);

// Fills (or erases) the polygon through `cornersMm` (at least 3).
void paintZonePolygon(design::PhotoMask& mask, std::span<const core::Vec2> cornersMm, double pxPerMm, bool add = true);

// The next brush size for [ (smaller) and ] (larger): steps of about a fifth, within the limits.
[[nodiscard]] double steppedBrush(double diameterMm, bool larger);

}  // namespace smp::ui
