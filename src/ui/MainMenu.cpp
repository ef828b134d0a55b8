#include "ui/MainMenu.h"

#include "ui/DocumentActions.h"
#include "ui/DocumentEdits.h"
#include "ui/HairlineTool.h"
#include "ui/UnsavedPrompt.h"

#include <imgui.h>

namespace smp::ui {
namespace {

void drawFileMenu(AppState& state) {
    if (!ImGui::BeginMenu("File")) return;
    if (ImGui::MenuItem("Open photo...", "Ctrl+O")) startOpen(state, FileBrowser::Purpose::OpenPhoto);
    if (ImGui::MenuItem("Open project...", "Ctrl+Shift+O")) startOpen(state, FileBrowser::Purpose::OpenProject);
    if (ImGui::BeginMenu("Open recent", !state.recentFiles.empty())) {
        std::optional<std::filesystem::path> chosen;
        for (std::size_t i = 0; i < state.recentFiles.size(); ++i) {
            const auto& file = state.recentFiles[i];
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::MenuItem(file.filename().string().c_str())) chosen = file;
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", file.string().c_str());
            ImGui::PopID();
        }
        ImGui::EndMenu();
        if (chosen) requestOpen(state, *chosen);
    }
    ImGui::Separator();
    const bool hasPhoto = state.document.hasPhoto();
    if (ImGui::MenuItem("Save", "Ctrl+S", false, hasPhoto)) saveProject(state);
    if (ImGui::MenuItem("Save as...", "Ctrl+Shift+S", false, hasPhoto)) startSaveAs(state);
    ImGui::Separator();
    // Consultation exports arrive with the export feature; until then the item stays disabled.
    if (ImGui::MenuItem("Export...", "Ctrl+E", false, hasPhoto)) state.exportPanel.open = true;
    ImGui::Separator();
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) requestQuit(state);
    ImGui::EndMenu();
}

void drawEditMenu(AppState& state) {
    if (!ImGui::BeginMenu("Edit")) return;
    if (ImGui::MenuItem("Undo", "Ctrl+Z", false, state.undo.canUndo())) undoDocumentEdit(state);
    if (ImGui::MenuItem("Redo", "Ctrl+Shift+Z", false, state.undo.canRedo())) redoDocumentEdit(state);
    ImGui::Separator();
    const bool hasDesign = state.document.client.project.design.has_value();
    if (ImGui::MenuItem("Hairline tool", "H", state.tool == CanvasTool::Hairline, hasDesign))
        state.tool = state.tool == CanvasTool::Hairline ? CanvasTool::View : CanvasTool::Hairline;
    if (ImGui::MenuItem("Zones tool", "B", state.tool == CanvasTool::Zones, hasDesign))
        state.tool = state.tool == CanvasTool::Zones ? CanvasTool::View : CanvasTool::Zones;
    if (ImGui::MenuItem("Ruler", "R", state.tool == CanvasTool::Ruler, state.document.hasPhoto()))
        state.tool = state.tool == CanvasTool::Ruler ? CanvasTool::View : CanvasTool::Ruler;
    if (ImGui::MenuItem("Delete hairline point", "Delete", false,
                        state.tool == CanvasTool::Hairline && state.hairline.selected >= 0))
        deleteSelectedHairlinePoint(state);
    ImGui::EndMenu();
}

void drawViewMenu(AppState& state) {
    if (!ImGui::BeginMenu("View")) return;
    const bool hasPhoto = state.document.hasPhoto();
    if (ImGui::MenuItem("Fit photo", "F", false, hasPhoto)) state.canvas.fitRequested = true;
    if (ImGui::MenuItem("100%", "1", false, hasPhoto)) state.canvas.actualPixelsRequested = true;
    ImGui::Separator();
    // The consultation's comparisons; \ flips between the preview and the photo as taken.
    core::CompareMode& mode = state.canvas.compare.mode;
    if (ImGui::MenuItem("After (the preview)", "\\", mode == core::CompareMode::After, hasPhoto))
        mode = core::CompareMode::After;
    if (ImGui::MenuItem("Before (the photo)", "\\", mode == core::CompareMode::Before, hasPhoto))
        mode = core::CompareMode::Before;
    if (ImGui::MenuItem("Split before | after", nullptr, mode == core::CompareMode::Split, hasPhoto))
        mode = core::CompareMode::Split;
    if (ImGui::MenuItem("Side by side", nullptr, mode == core::CompareMode::SideBySide, hasPhoto)) {
        mode = core::CompareMode::SideBySide;
        state.canvas.fitRequested = true;  // each half is half as wide
    }
    ImGui::EndMenu();
}

void drawHelpMenu(AppState& state) {
    if (!ImGui::BeginMenu("Help")) return;
    if (ImGui::MenuItem("Shortcuts")) state.showShortcuts = true;
    if (ImGui::MenuItem("About SMP Studio")) state.showAbout = true;
    ImGui::EndMenu();
}

}  // namespace

float drawMainMenu(AppState& state) {
    float height = 0.0f;
    if (ImGui::BeginMainMenuBar()) {
        drawFileMenu(state);
        drawEditMenu(state);
        drawViewMenu(state);
        drawHelpMenu(state);
        height = ImGui::GetWindowSize().y;
        ImGui::EndMainMenuBar();
    }
    return height;
}

}  // namespace smp::ui
