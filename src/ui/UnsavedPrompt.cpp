#include "ui/UnsavedPrompt.h"

#include "ui/DocumentActions.h"
#include "ui/Keys.h"

#include <imgui.h>

namespace smp::ui {
namespace {

constexpr const char* kTitle = "Unsaved changes";

void carryOut(AppState& state, const UnsavedChangesPrompt& prompt) {
    if (prompt.then == UnsavedChangesPrompt::Then::Quit)
        state.quitRequested = true;
    else
        openPath(state, prompt.path);
}

std::string documentName(const AppState& state) {
    const auto& client = state.document.client;
    if (!client.projectFile.empty()) return client.projectFile.filename().string();
    if (!client.project.photoPath.empty()) return "the project for " + client.project.photoPath.filename().string();
    return "this project";
}

}  // namespace

void requestQuit(AppState& state) {
    if (!state.document.unsavedChanges || !state.document.hasPhoto()) {
        state.quitRequested = true;
        return;
    }
    state.unsavedPrompt = UnsavedChangesPrompt{UnsavedChangesPrompt::Then::Quit, {}, false};
}

void requestOpen(AppState& state, const std::filesystem::path& path) {
    if (!state.document.unsavedChanges || !state.document.hasPhoto()) {
        openPath(state, path);
        return;
    }
    state.unsavedPrompt = UnsavedChangesPrompt{UnsavedChangesPrompt::Then::Open, path, false};
}

void answerUnsavedPrompt(AppState& state, UnsavedAnswer answer) {
    if (!state.unsavedPrompt || state.unsavedPrompt->savingFirst) return;
    const UnsavedChangesPrompt prompt = *state.unsavedPrompt;
    switch (answer) {
    case UnsavedAnswer::Cancel: state.unsavedPrompt.reset(); return;
    case UnsavedAnswer::Discard:
        state.unsavedPrompt.reset();
        state.autosave.onDiscarded();  // the artist said so: nothing to offer back at the next start
        state.document.unsavedChanges = false;
        carryOut(state, prompt);
        return;
    case UnsavedAnswer::Save:
        saveProject(state);  // saves, fails with a notice, or opens Save as
        if (!state.document.unsavedChanges) {
            state.unsavedPrompt.reset();
            carryOut(state, prompt);
        } else if (state.fileBrowser.purpose == FileBrowser::Purpose::SaveProjectAs) {
            state.unsavedPrompt->savingFirst = true;
        }
        // A failed save keeps the prompt up: the notice says why, and Discard or Cancel remain.
        return;
    }
}

void continueAfterSave(AppState& state) {
    if (!state.unsavedPrompt || !state.unsavedPrompt->savingFirst) return;
    if (!state.document.unsavedChanges) {
        const UnsavedChangesPrompt prompt = *state.unsavedPrompt;
        state.unsavedPrompt.reset();
        carryOut(state, prompt);
    } else if (!state.fileBrowser.isOpen()) {
        state.unsavedPrompt.reset();  // the name was never given: stay on this document
    }
}

void drawUnsavedPrompt(AppState& state) {
    continueAfterSave(state);
    if (!state.unsavedPrompt || state.unsavedPrompt->savingFirst) return;
    if (!ImGui::IsPopupOpen(kTitle)) ImGui::OpenPopup(kTitle);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, {0.5f, 0.5f});
    if (!ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove)) return;
    const bool quitting = state.unsavedPrompt->then == UnsavedChangesPrompt::Then::Quit;
    ImGui::Text("Save the changes to %s before %s?", documentName(state).c_str(),
                quitting ? "quitting" : ("opening " + state.unsavedPrompt->path.filename().string()).c_str());
    ImGui::TextDisabled("Without saving, the changes since the last save are lost.");
    ImGui::Spacing();
    std::optional<UnsavedAnswer> answer;
    if (ImGui::Button("Save (Enter)")) answer = UnsavedAnswer::Save;
    ImGui::SameLine();
    if (ImGui::Button("Discard (D)")) answer = UnsavedAnswer::Discard;
    ImGui::SameLine();
    if (ImGui::Button("Cancel (Esc)")) answer = UnsavedAnswer::Cancel;
    if (keyPressed(GLFW_KEY_ENTER) || keyPressed(GLFW_KEY_KP_ENTER)) answer = UnsavedAnswer::Save;
    if (keyPressed(GLFW_KEY_D)) answer = UnsavedAnswer::Discard;
    if (keyPressed(GLFW_KEY_ESCAPE)) answer = UnsavedAnswer::Cancel;
    if (answer) answerUnsavedPrompt(state, *answer);
    if (!state.unsavedPrompt || state.unsavedPrompt->savingFirst) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace smp::ui
