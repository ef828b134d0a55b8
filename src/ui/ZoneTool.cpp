#include "ui/ZoneTool.h"

#include "ui/AppState.h"
#include "ui/DocumentEdits.h"
#include "ui/Keys.h"
#include "ui/ZoneBrush.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace smp::ui {
namespace {

constexpr double kCloseCornerPx = 8.0;  // a click this near the first corner closes the polygon

core::Vec2 toVec(ImVec2 v) { return {v.x, v.y}; }
ImVec2 toIm(core::Vec2 v) { return {static_cast<float>(v.x), static_cast<float>(v.y)}; }

bool toolApplies(const AppState& state) {
    return state.tool == CanvasTool::Zones && state.document.client.project.design && state.document.hasPhoto() &&
           state.canvas.compare.mode != core::CompareMode::SideBySide;
}

core::SizePx photoSize(const AppState& state) {
    const core::Image& photo = state.document.client.photo;
    return {photo.width, photo.height};
}

ImU32 tintOf(design::ZoneKind kind, int alpha) {
    switch (kind) {
        case design::ZoneKind::Head: return IM_COL32(80, 150, 255, alpha);
        case design::ZoneKind::Avoid: return IM_COL32(255, 70, 70, alpha);
        case design::ZoneKind::Scar: return IM_COL32(190, 90, 255, alpha);
        case design::ZoneKind::Blend: return IM_COL32(70, 220, 120, alpha);
    }
    return IM_COL32(255, 255, 255, alpha);
}

// Paints the stroke's newest stretch into the zone (the whole stroke is one undo step).
void paintStrokeTail(AppState& state, std::size_t from) {
    ZoneToolState& tool = state.zoneTool;
    auto& project = state.document.client.project;
    design::PhotoMask& mask = zoneMask(project.design->zones, tool.kind, photoSize(state));
    const std::span<const core::Vec2> tail(tool.strokeMm.data() + from, tool.strokeMm.size() - from);
    paintBrush(mask, tail, tool.brushMm, project.scale.pxPerMm, !tool.erasing);
    documentChanged(state);
}

void closePolygon(AppState& state) {
    ZoneToolState& tool = state.zoneTool;
    if (tool.polygonMm.size() >= 3) {
        const core::Project before = state.document.client.project;
        auto& project = state.document.client.project;
        design::PhotoMask& mask = zoneMask(project.design->zones, tool.kind, photoSize(state));
        paintZonePolygon(mask, tool.polygonMm, project.scale.pxPerMm, !ImGui::GetIO().KeyAlt);
        documentChanged(state, before);
    }
    tool.polygonMm.clear();
}

void endStroke(AppState& state) {
    if (!state.zoneTool.stroking) return;
    state.zoneTool.stroking = false;
    state.zoneTool.strokeMm.clear();
    endDocumentEdit(state);
}

}  // namespace

bool handleZoneTool(AppState& state, const CanvasMapping& mapping, bool canvasHovered) {
    ZoneToolState& tool = state.zoneTool;
    if (!toolApplies(state)) {
        endStroke(state);
        tool.polygonMm.clear();
        return false;
    }
    const ImGuiIO& io = ImGui::GetIO();
    const core::Vec2 mouse = toVec(io.MousePos);
    const core::Vec2 mm = mapping.toMm(mouse);
    if (!io.WantTextInput) {
        if (keyPressed(GLFW_KEY_LEFT_BRACKET)) tool.brushMm = steppedBrush(tool.brushMm, false);
        if (keyPressed(GLFW_KEY_RIGHT_BRACKET)) tool.brushMm = steppedBrush(tool.brushMm, true);
    }
    if (tool.stroking) {
        const bool held = ImGui::IsMouseDown(tool.erasing && !io.KeyAlt ? ImGuiMouseButton_Right : ImGuiMouseButton_Left);
        // A new stretch once the cursor has moved a tenth of the brush: a smooth stroke without
        // repainting for every pixel.
        if (core::length(mm - tool.strokeMm.back()) >= 0.1 * tool.brushMm) {
            tool.strokeMm.push_back(mm);
            paintStrokeTail(state, tool.strokeMm.size() - 2);
        }
        if (!held) endStroke(state);
        return true;
    }
    if (!canvasHovered || keyDown(GLFW_KEY_SPACE)) return false;  // Space + drag pans

    if (tool.shape == ZoneToolState::Shape::Brush) {
        const bool paint = ImGui::IsMouseClicked(ImGuiMouseButton_Left);
        const bool erase = ImGui::IsMouseClicked(ImGuiMouseButton_Right);
        if (!paint && !erase) return true;
        tool.stroking = true;
        tool.erasing = erase || io.KeyAlt;
        tool.strokeMm = {mm};
        beginDocumentEdit(state);
        paintStrokeTail(state, 0);
        return true;
    }
    // Polygon.
    if (keyPressed(GLFW_KEY_ESCAPE)) tool.polygonMm.clear();
    if (keyPressed(GLFW_KEY_BACKSPACE) && !tool.polygonMm.empty()) tool.polygonMm.pop_back();
    if ((keyPressed(GLFW_KEY_ENTER) || keyPressed(GLFW_KEY_KP_ENTER)) || ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        closePolygon(state);
        return true;
    }
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        const bool onFirst = tool.polygonMm.size() >= 3 &&
                             core::length(mapping.toScreen(tool.polygonMm.front()) - mouse) <= kCloseCornerPx;
        if (onFirst) closePolygon(state);
        else tool.polygonMm.push_back(mm);
    }
    return true;
}

void drawZoneOverlay(const AppState& state, const CanvasMapping& mapping, core::Vec2 canvasTopLeft,
                     core::Vec2 canvasSize) {
    const auto& design = state.document.client.project.design;
    if (!design || !state.document.hasPhoto()) return;
    const ZoneToolState& tool = state.zoneTool;
    const bool toolOn = toolApplies(state);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (toolOn || tool.showZones) {
        // One band of rectangles per screen row: a zone costs its runs on the rows in sight,
        // whatever the zoom, never a texture.
        const double pxPerMm = mapping.pxPerMm;
        constexpr std::array kKinds{design::ZoneKind::Head, design::ZoneKind::Blend, design::ZoneKind::Scar,
                                    design::ZoneKind::Avoid};
        for (const design::ZoneKind kind : kKinds) {
            // The treatment area only while the tool is on: it is most of the head.
            if (kind == design::ZoneKind::Head && !toolOn) continue;
            const design::PhotoMask& mask = design->zones.mask(kind);
            if (mask.empty()) continue;
            const int alpha = toolOn && kind == tool.kind ? 90 : 55;
            const ImU32 tint = tintOf(kind, alpha);
            const double rowStep = std::max(1.0, 1.0 / (mapping.view.zoom / mapping.framebufferScale));
            for (double screenY = canvasTopLeft.y; screenY < canvasTopLeft.y + canvasSize.y;) {
                const double photoY = mapping.toMm({canvasTopLeft.x, screenY}).y * pxPerMm;
                const int y = static_cast<int>(std::floor(photoY));
                const double nextPhotoY = std::floor(photoY) + std::ceil(rowStep);
                const double nextScreenY =
                    std::max(screenY + 1.0, mapping.toScreen({0.0, nextPhotoY / pxPerMm}).y);
                if (y >= 0 && y < mask.size().height)
                    for (const design::PixelRun& run : mask.row(y)) {
                        const double x0 = mapping.toScreen({run.x0 / pxPerMm, 0.0}).x;
                        const double x1 = mapping.toScreen({run.x1 / pxPerMm, 0.0}).x;
                        draw->AddRectFilled({static_cast<float>(x0), static_cast<float>(screenY)},
                                            {static_cast<float>(x1), static_cast<float>(nextScreenY)}, tint);
                    }
                screenY = nextScreenY;
            }
        }
    }
    if (!toolOn) return;
    const core::Vec2 mouse = toVec(ImGui::GetIO().MousePos);
    if (tool.shape == ZoneToolState::Shape::Brush) {
        // The brush's size on the photo, as a ring: dark under light, to read on any skin.
        const double radius = 0.5 * tool.brushMm * mapping.pxPerMm * mapping.view.zoom / mapping.framebufferScale;
        draw->AddCircle(toIm(mouse), static_cast<float>(radius) + 1.0f, IM_COL32(0, 0, 0, 160), 48, 2.0f);
        draw->AddCircle(toIm(mouse), static_cast<float>(radius), tintOf(tool.kind, 255), 48, 1.5f);
        return;
    }
    std::vector<ImVec2> corners;
    for (const core::Vec2& p : tool.polygonMm) corners.push_back(toIm(mapping.toScreen(p)));
    if (corners.empty()) return;
    corners.push_back(toIm(mouse));
    draw->AddPolyline(corners.data(), static_cast<int>(corners.size()), IM_COL32(0, 0, 0, 150), ImDrawFlags_None, 3.0f);
    draw->AddPolyline(corners.data(), static_cast<int>(corners.size()), tintOf(tool.kind, 255), ImDrawFlags_None, 1.5f);
    for (std::size_t i = 0; i + 1 < corners.size(); ++i)
        draw->AddCircleFilled(corners[i], i == 0 ? 5.0f : 3.5f, tintOf(tool.kind, 255), 12);
}

}  // namespace smp::ui
