#include "ui/HairlinePanel.h"

#include "core/design/HairlineStyle.h"
#include "ui/DesignEdits.h"
#include "ui/ProjectWidgets.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace smp::ui {
namespace {

constexpr std::array kStyles{design::HairlineStyle::Rounded, design::HairlineStyle::Boxed,
                             design::HairlineStyle::Peaked, design::HairlineStyle::Receded,
                             design::HairlineStyle::Natural};

// A small drawing of `style`'s line on the client's face frame, fitted into the button: what
// picking it would do, seen before it is picked.
void drawStyleThumbnail(const design::Design& design, design::HairlineStyle style, ImVec2 topLeft, ImVec2 size,
                        bool picked) {
    design::StyleParams params = design.style;
    params.style = style;
    const std::vector<core::Vec2> line = design::traceHairline(design::makeHairline(params, design.face), 2.0);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 bottomRight{topLeft.x + size.x, topLeft.y + size.y};
    draw->AddRectFilled(topLeft, bottomRight, picked ? IM_COL32(70, 110, 160, 255) : IM_COL32(45, 45, 48, 255), 4.0f);
    if (line.size() < 2) return;
    // In face coordinates (across, above the brow), so a tilted face still draws level.
    std::vector<ImVec2> points;
    double minX = 1e9, maxX = -1e9, minY = 1e9, maxY = -1e9;
    for (const core::Vec2& p : line) {
        const double x = design.face.acrossOf(p), y = core::dot(p - design.face.glabella, design.face.up);
        minX = std::min(minX, x), maxX = std::max(maxX, x), minY = std::min(minY, y), maxY = std::max(maxY, y);
        points.push_back({static_cast<float>(x), static_cast<float>(y)});
    }
    // One scale for both axes (the line's real proportions), with room above and below it.
    const float pad = 4.0f;
    const double spanY = std::max(maxY - minY, (maxX - minX) * 0.35);
    const double scale = std::min((size.x - 2 * pad) / std::max(maxX - minX, 1e-6), (size.y - 2 * pad) / spanY);
    const double midY = 0.5 * (minY + maxY);
    for (ImVec2& p : points)
        p = {topLeft.x + size.x * 0.5f + static_cast<float>((p.x - 0.5 * (minX + maxX)) * scale),
             topLeft.y + size.y * 0.5f - static_cast<float>((p.y - midY) * scale)};
    draw->AddPolyline(points.data(), static_cast<int>(points.size()), IM_COL32(235, 225, 210, 255), ImDrawFlags_None,
                      2.0f);
}

void drawStylePicker(AppState& state, design::Design& design) {
    const float em = ImGui::GetFontSize();
    const float width = (ImGui::GetContentRegionAvail().x - 4 * ImGui::GetStyle().ItemSpacing.x) / 5.0f;
    const ImVec2 size{std::max(width, 2.0f * em), 2.2f * em};
    for (std::size_t i = 0; i < kStyles.size(); ++i) {
        const design::HairlineStyle style = kStyles[i];
        if (i > 0) ImGui::SameLine();
        ImGui::PushID(static_cast<int>(i));
        const ImVec2 at = ImGui::GetCursorScreenPos();
        if (ImGui::InvisibleButton("style", size) && design.style.style != style)
            projectClick(state, [&] {
                design::StyleParams params = design.style;
                params.style = style;
                applyStyle(design, params);
            });
        const std::string name(design::styleName(style));
        hoverHint(name.c_str());
        drawStyleThumbnail(design, style, at, size, design.style.style == style);
        ImGui::PopID();
    }
    const std::string picked(design::styleName(design.style.style));
    ImGui::TextDisabled("Style: %s", picked.c_str());
    hoverHint("Picking a style redraws the line from it; Ctrl+Z brings your edits back.");
}

}  // namespace

void drawHairlinePanel(AppState& state) {
    if (!ImGui::CollapsingHeader("Hairline", ImGuiTreeNodeFlags_DefaultOpen)) return;
    auto& design = state.document.client.project.design;
    if (!state.document.hasPhoto() || !design) {
        ImGui::TextDisabled("No design yet: open a client's photo.");
        return;
    }
    drawStylePicker(state, *design);
    const design::StyleParams style = design->style;
    const auto withStyle = [&](auto change) {
        return [&state, change](double value) {
            design::Design& d = *state.document.client.project.design;
            design::StyleParams params = d.style;
            change(params, value);
            applyStyle(d, params);
        };
    };
    ImGui::TextDisabled("Height above the brow");
    projectSlider(state, "##height", style.heightMm, 50.0, 110.0, "%.0f mm",
                  withStyle([](design::StyleParams& p, double v) { p.heightMm = v; }));
    hoverHint("Mid-frontal point above the glabella, on the skin: 70 aggressive, 80 usual, 100 conservative");
    switch (style.style) {
        case design::HairlineStyle::Peaked:
            ImGui::TextDisabled("Widow's peak depth");
            projectSlider(state, "##peak", style.peakDepthMm, 0.0, 30.0, "%.0f mm",
                          withStyle([](design::StyleParams& p, double v) { p.peakDepthMm = v; }));
            break;
        case design::HairlineStyle::Receded:
            ImGui::TextDisabled("Temple recession");
            projectSlider(state, "##recession", style.recessionMm, 0.0, 40.0, "%.0f mm",
                          withStyle([](design::StyleParams& p, double v) { p.recessionMm = v; }));
            break;
        default:
            ImGui::TextDisabled("Corners above the centre");
            projectSlider(state, "##corners", style.cornerRiseMm, 0.0, 25.0, "%.0f mm",
                          withStyle([](design::StyleParams& p, double v) { p.cornerRiseMm = v; }));
            break;
    }
    if (style.style == design::HairlineStyle::Natural) {
        ImGui::TextDisabled("Irregularity");
        projectSlider(state, "##irregular", style.irregularityMm, 0.0, 6.0, "%.1f mm",
                      withStyle([](design::StyleParams& p, double v) { p.irregularityMm = v; }));
        if (ImGui::Button("Another natural line"))
            projectClick(state, [&] {
                design::StyleParams params = design->style;
                ++params.seed;
                applyStyle(*design, params);
            });
    }

    ImGui::TextDisabled("Sharp to faded");
    projectSlider(state, "##transition", design->hairline.transitionMm, 0.0, 15.0,
                  design->hairline.transitionMm < 1.0 ? "%.1f mm: sharp" : "%.1f mm: faded",
                  [&state](double v) { setTransition(*state.document.client.project.design, v); });
    hoverHint("0 mm: a defined, sharp line. 5-10 mm: a soft, scattered front that reads as natural.");

    bool symmetric = design->hairline.mirrored;
    if (ImGui::Checkbox("Symmetric (mirror edits)", &symmetric))
        projectClick(state, [&] {
            if (symmetric) design::makeSymmetric(design->hairline, design->face);
            else design->hairline.mirrored = false;
        });
    hoverHint("On: moving a point moves its mirror partner too; turning it on mirrors the left half.");

    ImGui::TextDisabled("Full density");
    projectSlider(state, "##density", design->density.fullDotsPerCm2, 30.0, 120.0, "%.0f dots/cm2",
                  [&state](double v) {
                      design::Design& d = *state.document.client.project.design;
                      design::DensityTargets targets = d.density;
                      targets.fullDotsPerCm2 = v;
                      design::validateTargets(targets);
                      d.density = targets;
                  });
    hoverHint("A shaved look is 50-100 dots/cm2 (about 1 mm apart) when all sessions are done.");
}

}  // namespace smp::ui
