#pragma once
// The zones tool (B) on the canvas: paint the treatment area, avoid, scar and blend zones with a
// brush whose size in mm shows as a ring at the cursor ([ and ] change it; Alt or the right button
// erases), or click a polygon's corners and close it (double-click, Enter, or a click on the first
// corner; Escape drops it). Each stroke or polygon is one undo step. The zones show as tints.

#include "core/Geometry.h"
#include "core/design/Zones.h"
#include "ui/CanvasMapping.h"

#include <vector>

namespace smp::ui {

struct AppState;

struct ZoneToolState {
    enum class Shape { Brush, Polygon };
    design::ZoneKind kind = design::ZoneKind::Avoid;
    Shape shape = Shape::Brush;
    double brushMm = 6.0;            // diameter
    bool showZones = true;           // tint the zones over the photo
    bool stroking = false;           // a brush stroke is under way
    bool erasing = false;            // ... and it erases
    std::vector<core::Vec2> strokeMm;   // the stroke so far
    std::vector<core::Vec2> polygonMm;  // the polygon's corners so far
};

// Reads the mouse and keys for this frame; call after the canvas's input item. Returns whether
// the tool has the mouse, so that other canvas gestures leave it alone.
bool handleZoneTool(AppState& state, const CanvasMapping& mapping, bool canvasHovered);

// Tints the zones (with the tool on, or when asked to show them) and draws the brush ring or the
// polygon under way.
// canvasTopLeft and canvasSize in screen (ImGui logical) pixels.
void drawZoneOverlay(const AppState& state, const CanvasMapping& mapping, core::Vec2 canvasTopLeft,
                     core::Vec2 canvasSize);

}  // namespace smp::ui
