#include "ui/AboutWindow.h"

#include "core/Version.h"

#include <imgui.h>

namespace smp::ui {

void drawAboutWindow(AppState& state, const std::string& glRenderer) {
    if (!state.showAbout) return;
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, {0.5f, 0.5f});
    if (ImGui::Begin("About SMP Studio", &state.showAbout,
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse)) {
        ImGui::Text("SMP Studio %s", core::versionString());
        ImGui::Separator();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
        ImGui::TextUnformatted(
            "Shows a client what their head will look like after each session of scalp "
            "micropigmentation, on their own photo.");
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        ImGui::Text("OpenGL: %s", glRenderer.c_str());
        ImGui::Text("Dear ImGui %s", IMGUI_VERSION);
    }
    ImGui::End();
}

}  // namespace smp::ui
