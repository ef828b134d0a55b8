#include "ui/ProjectWidgets.h"

#include "core/Errors.h"
#include "ui/DocumentEdits.h"

#include <imgui.h>

namespace smp::ui {
namespace {

// Begins the undo step when the widget is grabbed, applies the change, ends it when released.
template <class Apply>
bool trackWidget(AppState& state, bool changed, Apply&& apply) {
    if (ImGui::IsItemActivated()) beginDocumentEdit(state);
    bool applied = false;
    if (changed) {
        try {
            apply();
            documentChanged(state);
            applied = true;
        } catch (const core::UsageError& error) {
            state.messages.error(error.what());
        }
    }
    if (ImGui::IsItemDeactivated()) endDocumentEdit(state);
    return applied;
}

}  // namespace

bool projectSlider(AppState& state, const char* label, double value, double min, double max, const char* format,
                   const std::function<void(double)>& apply, double displayScale) {
    float shown = static_cast<float>(value * displayScale);
    ImGui::SetNextItemWidth(-1);
    const bool changed = ImGui::SliderFloat(label, &shown, static_cast<float>(min * displayScale),
                                            static_cast<float>(max * displayScale), format,
                                            ImGuiSliderFlags_AlwaysClamp);
    return trackWidget(state, changed, [&] { apply(static_cast<double>(shown) / displayScale); });
}

bool projectSliderInt(AppState& state, const char* label, int value, int min, int max, const char* format,
                      const std::function<void(int)>& apply) {
    ImGui::SetNextItemWidth(-1);
    const bool changed = ImGui::SliderInt(label, &value, min, max, format, ImGuiSliderFlags_AlwaysClamp);
    return trackWidget(state, changed, [&] { apply(value); });
}

void projectClick(AppState& state, const std::function<void()>& apply) {
    const core::Project before = state.document.client.project;
    try {
        apply();
        documentChanged(state, before);
    } catch (const core::UsageError& error) {
        state.document.client.project = before;
        state.messages.error(error.what());
    }
}

void hoverHint(const char* text) {
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
}

}  // namespace smp::ui
