#include "ui/OpeningPrompt.h"

#include "ui/DocumentActions.h"

#include <imgui.h>

#include <cmath>
#include <exception>

namespace smp::ui {
namespace {

constexpr const char* kTitle = "Opening";

}  // namespace

void startOpening(AppState& state, const std::filesystem::path& path) {
    state.opening.path = path;
    state.opening.task->start("Opening " + path.filename().string(),
                             [path](std::stop_token) { return vision::openClientDocument(path); });
}

void drawOpeningPrompt(AppState& state) {
    OpeningState& opening = state.opening;
    if (auto outcome = opening.task->take()) {
        if (auto* document = std::get_if<vision::ClientDocument>(&*outcome)) {
            adoptOpenedDocument(state, std::move(*document), opening.path);
        } else {
            reportOpenFailure(state, opening.path, std::get<std::exception_ptr>(*outcome));
        }
    }
    const bool busy = opening.task->running();
    // Only a moment: no modal for the first quarter second, so a small photo just opens.
    if (busy && opening.task->secondsRunning() >= 0.25 && !ImGui::IsPopupOpen(kTitle)) ImGui::OpenPopup(kTitle);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, {0.5f, 0.5f});
    if (!ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove)) return;
    if (!busy) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    ImGui::TextUnformatted(opening.task->what().c_str());
    ImGui::TextDisabled("Reading the photo, finding the face and the head outline");
    // The analysis cannot say how far it is: a bar that sweeps while it works.
    const float sweep = static_cast<float>(std::fmod(opening.task->secondsRunning() * 0.6, 1.0));
    ImGui::ProgressBar(sweep, {ImGui::GetFontSize() * 20, 0}, "");
    if (ImGui::Button("Cancel")) {
        opening.task->cancel();
        state.messages.info("Opening cancelled: the open document stays as it was");
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace smp::ui
