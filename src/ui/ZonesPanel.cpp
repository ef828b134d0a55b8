#include "ui/ZonesPanel.h"

#include "ui/ProjectWidgets.h"
#include "ui/ZoneBrush.h"

#include <imgui.h>

#include <array>
#include <string>
#include <utility>

namespace smp::ui {
namespace {

constexpr std::array kZones{
    std::pair{design::ZoneKind::Head, "Treatment area"},
    std::pair{design::ZoneKind::Avoid, "Avoid (moles, ears)"},
    std::pair{design::ZoneKind::Scar, "Scar"},
    std::pair{design::ZoneKind::Blend, "Blend into hair"},
};

}  // namespace

void drawZonesPanel(AppState& state) {
    if (!ImGui::CollapsingHeader("Zones")) return;
    auto& design = state.document.client.project.design;
    if (!state.document.hasPhoto() || !design) {
        ImGui::TextDisabled("No design yet: open a client's photo.");
        return;
    }
    ZoneToolState& tool = state.zoneTool;
    bool on = state.tool == CanvasTool::Zones;
    if (ImGui::Checkbox("Paint zones (B)", &on)) state.tool = on ? CanvasTool::Zones : CanvasTool::View;
    const double pxPerMm = state.document.client.project.scale.pxPerMm;
    for (const auto& [kind, name] : kZones) {
        const design::PhotoMask& mask = design->zones.mask(kind);
        const double areaCm2 = double(mask.area()) / (pxPerMm * pxPerMm) / 100.0;
        const std::string label = std::string(name) + (mask.empty() ? "" : "  (" + std::to_string(int(areaCm2 + 0.5)) + " cm2)");
        if (ImGui::RadioButton(label.c_str(), tool.kind == kind)) {
            tool.kind = kind;
            state.tool = CanvasTool::Zones;
        }
    }
    if (ImGui::RadioButton("Brush", tool.shape == ZoneToolState::Shape::Brush)) tool.shape = ZoneToolState::Shape::Brush;
    ImGui::SameLine();
    if (ImGui::RadioButton("Polygon", tool.shape == ZoneToolState::Shape::Polygon)) {
        tool.shape = ZoneToolState::Shape::Polygon;
        tool.polygonMm.clear();
    }
    if (tool.shape == ZoneToolState::Shape::Brush) {
        float size = static_cast<float>(tool.brushMm);
        ImGui::SetNextItemWidth(-1);
        if (ImGui::SliderFloat("##brush", &size, static_cast<float>(kMinBrushMm), static_cast<float>(kMaxBrushMm),
                               "brush %.1f mm  ([ ])", ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp))
            tool.brushMm = size;
        ImGui::TextDisabled("Drag to paint; Alt or the right button erases.");
    } else {
        ImGui::TextDisabled("Click the corners; double-click, Enter or the first\ncorner closes it; Esc drops it; Alt+close erases.");
    }
    ImGui::Checkbox("Show zones on the photo", &tool.showZones);
    const design::PhotoMask& current = design->zones.mask(tool.kind);
    if (!current.empty() && ImGui::Button("Clear this zone"))
        projectClick(state, [&] { design->zones.mask(tool.kind) = design::PhotoMask{}; });
    hoverHint("Ctrl+Z brings it back. An empty treatment area means the whole photo.");
}

}  // namespace smp::ui
