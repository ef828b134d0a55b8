#include "ui/HairlineTool.h"

#include "core/design/Hairline.h"
#include "ui/DocumentEdits.h"
#include "ui/HairlineEdits.h"
#include "ui/Keys.h"

#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <vector>

namespace smp::ui {
namespace {

constexpr double kHandleHitPx = 9.0;  // a handle is grabbed within this many pixels of its centre
constexpr double kCurveHitPx = 6.0;   // a double-click this close to the curve inserts a point
constexpr float kHandleRadiusPx = 4.5f;
constexpr double kDrawStepMm = 1.0;  // the drawn curve's segments

const design::Hairline* hairlineOf(const AppState& state) {
    const auto& design = state.document.client.project.design;
    return design ? &design->hairline : nullptr;
}

// The tool works on the view that shows the whole canvas; side by side has two photos.
bool toolApplies(const AppState& state) {
    return state.tool == CanvasTool::Hairline && hairlineOf(state) &&
           state.canvas.compare.mode != core::CompareMode::SideBySide;
}

core::Vec2 toVec(ImVec2 v) {
    return {v.x, v.y};
}
ImVec2 toIm(core::Vec2 v) {
    return {static_cast<float>(v.x), static_cast<float>(v.y)};
}

int partnerOf(const design::Hairline& hairline, int index) {
    if (!hairline.mirrored || index < 0) return -1;
    return static_cast<int>(hairline.points.size()) - 1 - index;
}

void endDrag(AppState& state) {
    if (state.hairline.dragging < 0) return;
    if (state.traceCanvas) std::cerr << "smp-studio: drag ended " << state.hairline.dragging << "\n";
    state.hairline.dragging = -1;
    endDocumentEdit(state);
}

}  // namespace

bool handleHairlineTool(AppState& state, const CanvasMapping& mapping, bool canvasHovered) {
    HairlineHandles& handles = state.hairline;
    if (!toolApplies(state)) {
        endDrag(state);
        handles.hovered = -1;
        return false;
    }
    const ImGuiIO& io = ImGui::GetIO();
    const core::Vec2 mouse = toVec(io.MousePos);
    if (handles.dragging >= 0) {
        // Where the button came up counts too: a release and the last move may share a frame.
        moveHairlinePoint(state, handles.dragging, mapping.toMm(mouse + handles.grabOffsetPx));
        if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) endDrag(state);
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        return true;
    }
    const design::Hairline& hairline = *hairlineOf(state);
    handles.hovered = canvasHovered ? hitHandle(hairline.points, mapping, mouse, kHandleHitPx) : -1;
    if (keyDown(GLFW_KEY_SPACE)) return false;  // Space + drag pans, over a handle too
    if (handles.hovered >= 0) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            handles.selected = handles.dragging = handles.hovered;
            handles.grabOffsetPx = mapping.toScreen(hairline.points[std::size_t(handles.hovered)]) - mouse;
            beginDocumentEdit(state);
            if (state.traceCanvas) std::cerr << "smp-studio: drag started " << handles.dragging << "\n";
        } else if (ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {
            if (deleteHairlinePoint(state, handles.hovered)) handles.selected = handles.hovered = -1;
        }
        return true;
    }
    if (!canvasHovered) return false;
    const bool nearCurve =
        distanceToCurvePx(design::traceHairline(hairline, kDrawStepMm), mapping, mouse) <= kCurveHitPx;
    // Ctrl+click as well as a double-click: a double-click needs two frames within 0.3 s, which a
    // busy software-rendered machine may not draw.
    const bool insert = ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) ||
                        (io.KeyCtrl && ImGui::IsMouseClicked(ImGuiMouseButton_Left));
    if (nearCurve && insert) {
        const int inserted = insertHairlinePoint(state, mapping.toMm(mouse));
        if (inserted >= 0) handles.selected = inserted;
        return true;
    }
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && !nearCurve) handles.selected = -1;
    return nearCurve;
}

void drawHairlineHandles(const AppState& state, const CanvasMapping& mapping) {
    if (!toolApplies(state)) return;
    const design::Hairline& hairline = *hairlineOf(state);
    ImDrawList* draw = ImGui::GetWindowDrawList();

    std::vector<ImVec2> curve;
    for (const core::Vec2 mm : design::traceHairline(hairline, kDrawStepMm))
        curve.push_back(toIm(mapping.toScreen(mm)));
    const int count = static_cast<int>(curve.size());
    draw->AddPolyline(curve.data(), count, IM_COL32(0, 0, 0, 90), ImDrawFlags_None, 3.0f);
    draw->AddPolyline(curve.data(), count, IM_COL32(245, 245, 245, 170), ImDrawFlags_None, 1.25f);

    const HairlineHandles& handles = state.hairline;
    const int active = handles.dragging >= 0 ? handles.dragging : handles.hovered;
    const int partner = partnerOf(hairline, active >= 0 ? active : handles.selected);
    const ImU32 accent = IM_COL32(255, 166, 48, 255);
    for (int i = 0; i < static_cast<int>(hairline.points.size()); ++i) {
        const ImVec2 at = toIm(mapping.toScreen(hairline.points[std::size_t(i)]));
        const bool highlighted = i == active;
        const float radius = highlighted ? kHandleRadiusPx + 1.5f : kHandleRadiusPx;
        draw->AddCircleFilled(at, radius + 1.5f, IM_COL32(0, 0, 0, 150), 16);
        draw->AddCircleFilled(at, radius, i == handles.selected ? accent : IM_COL32(250, 250, 250, 235), 16);
        if (i == partner && partner != active) draw->AddCircle(at, radius + 3.0f, accent, 16, 1.5f);
    }
}

void traceHairlineHandles(AppState& state, const CanvasMapping& mapping) {
    if (!state.traceCanvas) return;
    const design::Hairline* hairline = hairlineOf(state);
    std::string text =
        state.tool == CanvasTool::Hairline ? "smp-studio: handles (hairline tool):" : "smp-studio: handles (view):";
    if (hairline) {
        for (std::size_t i = 0; i < hairline->points.size(); ++i) {
            const core::Vec2 at = mapping.toScreen(hairline->points[i]);
            char item[48];
            std::snprintf(item, sizeof item, " %zu:%.0f,%.0f", i, at.x, at.y);
            text += item;
        }
    }
    if (text == state.hairline.lastTrace) return;
    state.hairline.lastTrace = text;
    std::cerr << text << std::endl;
}

void deleteSelectedHairlinePoint(AppState& state) {
    if (!toolApplies(state) || state.hairline.selected < 0 || state.hairline.dragging >= 0) return;
    if (deleteHairlinePoint(state, state.hairline.selected)) state.hairline.selected = -1;
}

}  // namespace smp::ui
