#pragma once
// The ruler (R) on the canvas: drag from one point to another to read the distance in mm on the
// photo plane, as a tape measure on the client's head would give it on a frontal photo. The
// measurement stays until the next drag; it is not part of the project.

#include "core/Geometry.h"
#include "ui/CanvasMapping.h"

#include <optional>
#include <string>

namespace smp::ui {

struct AppState;

struct RulerState {
    std::optional<core::Vec2> fromMm;
    core::Vec2 toMm;
    bool dragging = false;
};

// "42.3 mm"; "0.8 mm" below 10 mm one decimal either way.
[[nodiscard]] std::string rulerText(core::Vec2 fromMm, core::Vec2 toMm);

// Reads the mouse for this frame; returns whether the tool has it.
bool handleRulerTool(AppState& state, const CanvasMapping& mapping, bool canvasHovered);
void drawRuler(const AppState& state, const CanvasMapping& mapping);

}  // namespace smp::ui
