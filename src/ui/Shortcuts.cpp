#include "ui/Shortcuts.h"

#include "ui/DocumentActions.h"
#include "ui/DocumentEdits.h"
#include "ui/HairlineTool.h"
#include "ui/UnsavedPrompt.h"
#include "ui/Keys.h"

#include <imgui.h>

namespace smp::ui {
void handleShortcuts(AppState& state) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    const bool ctrl = io.KeyCtrl;
    const bool shift = io.KeyShift;

    if (ctrl && keyPressed(GLFW_KEY_O)) startOpen(state, shift ? FileBrowser::Purpose::OpenProject : FileBrowser::Purpose::OpenPhoto);
    if (ctrl && keyPressed(GLFW_KEY_S)) {
        if (shift) startSaveAs(state);
        else saveProject(state);
    }
    if (ctrl && keyPressed(GLFW_KEY_Q)) requestQuit(state);
    if (ctrl && keyPressed(GLFW_KEY_Z)) {
        if (shift) redoDocumentEdit(state);
        else undoDocumentEdit(state);
    }
    if (ctrl && keyPressed(GLFW_KEY_Y)) redoDocumentEdit(state);
    if (ctrl && keyPressed(GLFW_KEY_E) && state.document.hasPhoto()) state.exportPanel.open = true;
    if (ctrl) return;

    const auto toggleTool = [&state](CanvasTool tool) { state.tool = state.tool == tool ? CanvasTool::View : tool; };
    if (keyPressed(GLFW_KEY_H)) toggleTool(CanvasTool::Hairline);
    if (keyPressed(GLFW_KEY_B)) toggleTool(CanvasTool::Zones);
    if (keyPressed(GLFW_KEY_R)) toggleTool(CanvasTool::Ruler);
    if (keyPressed(GLFW_KEY_ESCAPE)) state.hairline.selected = -1;
    if (keyPressed(GLFW_KEY_DELETE) || keyPressed(GLFW_KEY_BACKSPACE)) deleteSelectedHairlinePoint(state);

    if (keyPressed(GLFW_KEY_F)) state.canvas.fitRequested = true;
    if (keyPressed(GLFW_KEY_1) || keyPressed(GLFW_KEY_KP_1)) state.canvas.actualPixelsRequested = true;
    if (keyPressed(GLFW_KEY_EQUAL) || keyPressed(GLFW_KEY_KP_ADD)) state.canvas.zoomSteps += 1;
    if (keyPressed(GLFW_KEY_MINUS) || keyPressed(GLFW_KEY_KP_SUBTRACT)) state.canvas.zoomSteps -= 1;
    if (keyPressed(GLFW_KEY_BACKSLASH)) {
        core::CompareMode& mode = state.canvas.compare.mode;
        mode = mode == core::CompareMode::Before ? core::CompareMode::After : core::CompareMode::Before;
    }
}

void drawShortcutsWindow(AppState& state) {
    if (!state.showShortcuts) return;
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, {0.5f, 0.5f});
    if (ImGui::Begin("Shortcuts", &state.showShortcuts,
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse)) {
        if (ImGui::BeginTable("##shortcuts", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
            for (const Shortcut& shortcut : kShortcuts) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(shortcut.action);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(shortcut.keys);
            }
            ImGui::EndTable();
        }
    }
    ImGui::End();
}

}  // namespace smp::ui
