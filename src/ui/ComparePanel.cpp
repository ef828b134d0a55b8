#include "ui/ComparePanel.h"

#include <imgui.h>

#include <array>
#include <utility>

namespace smp::ui {

void drawComparePanel(AppState& state) {
    if (!ImGui::CollapsingHeader("Compare", ImGuiTreeNodeFlags_DefaultOpen)) return;
    if (!state.document.hasPhoto()) {
        ImGui::TextDisabled("No photo yet.");
        return;
    }
    core::CompareView& compare = state.canvas.compare;
    constexpr std::array kModes{std::pair{core::CompareMode::After, "After"},
                                std::pair{core::CompareMode::Before, "Before"},
                                std::pair{core::CompareMode::Split, "Split"},
                                std::pair{core::CompareMode::SideBySide, "Side by side"}};
    for (std::size_t i = 0; i < kModes.size(); ++i) {
        if (i > 0) ImGui::SameLine();
        if (ImGui::RadioButton(kModes[i].second, compare.mode == kModes[i].first)) {
            // Each half of side by side is fitted on its own; back from it, the whole canvas.
            if ((compare.mode == core::CompareMode::SideBySide) != (kModes[i].first == core::CompareMode::SideBySide))
                state.canvas.fitRequested = true;
            compare.mode = kModes[i].first;
        }
    }
    if (compare.mode == core::CompareMode::Split) {
        float divider = static_cast<float>(compare.divider * 100.0);
        ImGui::SetNextItemWidth(-1);
        if (ImGui::SliderFloat("##divider", &divider, 0.0f, 100.0f, "divider at %.0f %%", ImGuiSliderFlags_AlwaysClamp))
            compare.divider = divider / 100.0;
        ImGui::TextDisabled("Or drag the divider on the photo. \\ switches before and after.");
    } else {
        ImGui::TextDisabled("\\ switches before and after.");
    }
}

}  // namespace smp::ui
