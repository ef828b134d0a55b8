#include "ui/Workspace.h"

#include "ui/AboutWindow.h"
#include "ui/ComparePanel.h"
#include "ui/ExportPanel.h"
#include "ui/HairlinePanel.h"
#include "ui/OpeningPrompt.h"
#include "ui/SessionsPanel.h"
#include "ui/ZonesPanel.h"
#include "ui/DocumentActions.h"
#include "ui/MainMenu.h"
#include "ui/PhotoPanel.h"
#include "ui/RecoveryPrompt.h"
#include "ui/Shortcuts.h"
#include "ui/TimelinePanel.h"
#include "ui/UnsavedPrompt.h"

#include <imgui.h>

#include <algorithm>

namespace smp::ui {
namespace {

// Opens what was dropped on the window. Several files: the last photo or project wins, as in
// photo editors that open one document per drop.
void openDroppedFiles(AppState& state) {
    if (state.droppedPaths.empty()) return;
    const auto last = state.droppedPaths.back();
    state.droppedPaths.clear();
    requestOpen(state, last);
}

float drawSidebar(AppState& state, ImVec2 topLeft, float height) {
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(topLeft);
    ImGui::SetNextWindowSize({state.sidebarWidth, height}, ImGuiCond_FirstUseEver);
    // Only the width can be dragged; the height follows the window.
    ImGui::SetNextWindowSizeConstraints({em * 14, height}, {em * 40, height});
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                   ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoBringToFrontOnFocus;
    if (ImGui::Begin("Sidebar", nullptr, flags)) {
        drawPhotoPanel(state);
        drawHairlinePanel(state);
        drawZonesPanel(state);
        drawSessionsPanel(state);
        drawTimelinePanel(state);
        drawComparePanel(state);
    }
    state.sidebarWidth = ImGui::GetWindowWidth();
    ImGui::End();
    return state.sidebarWidth;
}

}  // namespace

void drawWorkspace(AppState& state, CanvasGpu& gpu, const std::string& glRenderer) {
    // Nothing acts behind a prompt.
    if (!state.recovery.open && !state.unsavedPrompt) handleShortcuts(state);
    openDroppedFiles(state);
    advancePlayback(state, ImGui::GetIO().DeltaTime);

    const float menuHeight = drawMainMenu(state);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const ImVec2 top{viewport->Pos.x, viewport->Pos.y + menuHeight};
    const float height = std::max(1.0f, viewport->Size.y - menuHeight);

    const float sidebarWidth = drawSidebar(state, top, height);
    const ImVec2 canvasTopLeft{top.x + sidebarWidth, top.y};
    const ImVec2 canvasSize{std::max(1.0f, viewport->Size.x - sidebarWidth), height};
    drawCanvas(state, gpu, canvasTopLeft, canvasSize);

    if (auto choice = drawFileBrowser(state.fileBrowser)) applyFileChoice(state, *choice);
    drawAboutWindow(state, glRenderer);
    drawShortcutsWindow(state);
    drawRecoveryPrompt(state);
    drawUnsavedPrompt(state);
    drawExportPanel(state);
    drawOpeningPrompt(state);
    drawMessages(state.messages, canvasTopLeft.x + canvasSize.x, canvasTopLeft.y + canvasSize.y);
}

}  // namespace smp::ui
