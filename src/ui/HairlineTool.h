#pragma once
// The hairline tool (H) on the canvas: the curve and its control points drawn as handles over
// the photo; drag a handle to move the point (its mirror partner follows when symmetry is on),
// double-click (or Ctrl+click) the curve to insert a point, right-click a handle (or Delete on the selected one)
// to delete it. Each gesture is one undo step.

#include "ui/AppState.h"
#include "ui/CanvasMapping.h"

namespace smp::ui {

// Reads the mouse for this frame; call after the canvas's input item. Returns whether the tool
// has the mouse (a handle under it or being dragged), so other canvas gestures leave it alone.
bool handleHairlineTool(AppState& state, const CanvasMapping& mapping, bool canvasHovered);

// Draws the curve and the handles into the current window's draw list.
void drawHairlineHandles(const AppState& state, const CanvasMapping& mapping);

// With AppState::traceCanvas, prints the handles' window positions when they change.
void traceHairlineHandles(AppState& state, const CanvasMapping& mapping);

// Delete (or Backspace) on the selected handle.
void deleteSelectedHairlinePoint(AppState& state);

}  // namespace smp::ui
