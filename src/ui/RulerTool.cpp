#include "ui/RulerTool.h"

#include "ui/AppState.h"
#include "ui/Keys.h"

#include <imgui.h>

#include <cmath>
#include <cstdio>

namespace smp::ui {
namespace {

core::Vec2 toVec(ImVec2 v) { return {v.x, v.y}; }
ImVec2 toIm(core::Vec2 v) { return {static_cast<float>(v.x), static_cast<float>(v.y)}; }

bool toolApplies(const AppState& state) {
    return state.tool == CanvasTool::Ruler && state.document.hasPhoto() &&
           state.canvas.compare.mode != core::CompareMode::SideBySide;
}

}  // namespace

std::string rulerText(core::Vec2 fromMm, core::Vec2 toMm) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f mm", core::distance(fromMm, toMm));
    return text;
}

bool handleRulerTool(AppState& state, const CanvasMapping& mapping, bool canvasHovered) {
    RulerState& ruler = state.ruler;
    if (!toolApplies(state)) {
        ruler.dragging = false;
        return false;
    }
    const core::Vec2 mm = mapping.toMm(toVec(ImGui::GetIO().MousePos));
    if (ruler.dragging) {
        ruler.toMm = mm;
        if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) ruler.dragging = false;
        return true;
    }
    if (!canvasHovered || keyDown(GLFW_KEY_SPACE)) return false;
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        ruler.fromMm = mm;
        ruler.toMm = mm;
        ruler.dragging = true;
    }
    return true;
}

void drawRuler(const AppState& state, const CanvasMapping& mapping) {
    const RulerState& ruler = state.ruler;
    if (!toolApplies(state) || !ruler.fromMm) return;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const core::Vec2 a = mapping.toScreen(*ruler.fromMm), b = mapping.toScreen(ruler.toMm);
    const ImU32 ink = IM_COL32(255, 214, 64, 255), shadow = IM_COL32(0, 0, 0, 170);
    draw->AddLine(toIm(a), toIm(b), shadow, 3.5f);
    draw->AddLine(toIm(a), toIm(b), ink, 1.5f);
    // End ticks across the line.
    const core::Vec2 along = b - a;
    const double length = core::length(along);
    const core::Vec2 across = length > 0.0 ? core::Vec2{-along.y / length, along.x / length} * 6.0 : core::Vec2{0.0, 6.0};
    for (const core::Vec2 end : {a, b}) {
        draw->AddLine(toIm(end - across), toIm(end + across), shadow, 3.5f);
        draw->AddLine(toIm(end - across), toIm(end + across), ink, 1.5f);
    }
    const std::string text = rulerText(*ruler.fromMm, ruler.toMm);
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const ImVec2 at{static_cast<float>((a.x + b.x) * 0.5 + 8.0), static_cast<float>((a.y + b.y) * 0.5 - size.y - 6.0)};
    draw->AddRectFilled({at.x - 4, at.y - 2}, {at.x + size.x + 4, at.y + size.y + 2}, IM_COL32(0, 0, 0, 170), 3.0f);
    draw->AddText(at, ink, text.c_str());
}

}  // namespace smp::ui
