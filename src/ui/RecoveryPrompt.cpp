#include "ui/RecoveryPrompt.h"

#include "ui/AppState.h"
#include "ui/DocumentActions.h"
#include "ui/Keys.h"

#include <imgui.h>

#include <chrono>
#include <exception>

namespace smp::ui {
namespace {

constexpr const char* kTitle = "Recover unsaved work?";

std::string ageText(const Recovery& recovery) {
    if (!recovery.writtenAt) return {};
    using namespace std::chrono;
    const auto minutes = duration_cast<std::chrono::minutes>(file_clock::now() - *recovery.writtenAt).count();
    if (minutes < 1) return "autosaved just now";
    if (minutes < 60) return "autosaved " + std::to_string(minutes) + " min ago";
    if (minutes < 48 * 60) return "autosaved " + std::to_string(minutes / 60) + " h ago";
    return "autosaved " + std::to_string(minutes / (24 * 60)) + " days ago";
}

void closePrompt(AppState& state) {
    state.recovery.open = false;
    state.recovery.problem.clear();
}

// Sets the index of the entry whose Recover or Discard button was pressed this frame.
void drawEntries(AppState& state, std::optional<std::size_t>& recover, std::optional<std::size_t>& discard) {
    const float em = ImGui::GetFontSize();
    if (!ImGui::BeginTable("##recoveries", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) return;
    ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthFixed, em * 18);
    ImGui::TableSetupColumn("when", ImGuiTableColumnFlags_WidthFixed, em * 10);
    ImGui::TableSetupColumn("actions", ImGuiTableColumnFlags_WidthFixed, em * 10);
    const auto& entries = state.recovery.entries;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const Recovery& entry = entries[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(entry.displayName().c_str());
        if (!entry.readable()) {
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + em * 17);
            ImGui::TextColored({1.0f, 0.55f, 0.5f, 1.0f}, "Cannot be read: %s", entry.error.c_str());
            ImGui::PopTextWrapPos();
        } else if (ImGui::IsItemHovered()) {
            ImGui::SetTooltip("%s", (entry.projectFile.empty() ? entry.photoPath : entry.projectFile).string().c_str());
        }
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%s", ageText(entry).c_str());
        ImGui::TableNextColumn();
        ImGui::BeginDisabled(!entry.readable());
        if (ImGui::Button("Recover")) recover = i;
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button("Discard")) discard = i;
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace

std::size_t offerRecovery(AppState& state) {
    state.recovery.entries = state.autosave.pendingRecoveries();
    state.recovery.problem.clear();
    state.recovery.open = !state.recovery.entries.empty();
    return state.recovery.entries.size();
}

void recoverEntry(AppState& state, std::size_t index) {
    auto& entries = state.recovery.entries;
    if (index >= entries.size()) return;
    try {
        recoverDocument(state, entries[index]);
    } catch (const std::exception& error) {
        state.recovery.problem = error.what();
        state.messages.error(error.what());
        return;
    }
    entries.erase(entries.begin() + static_cast<std::ptrdiff_t>(index));
    closePrompt(state);
}

void discardEntry(AppState& state, std::size_t index) {
    auto& entries = state.recovery.entries;
    if (index >= entries.size()) return;
    try {
        state.autosave.discard(entries[index]);
    } catch (const std::exception& error) {
        state.recovery.problem = error.what();
        state.messages.error(error.what());
        return;
    }
    entries.erase(entries.begin() + static_cast<std::ptrdiff_t>(index));
    state.recovery.problem.clear();
    if (entries.empty()) closePrompt(state);
}

void discardAllEntries(AppState& state) {
    for (std::size_t i = state.recovery.entries.size(); i-- > 0;)
        discardEntry(state, i);
}

void decideLater(AppState& state) {
    closePrompt(state);
}

void drawRecoveryPrompt(AppState& state) {
    if (!state.recovery.open) return;
    if (!ImGui::IsPopupOpen(kTitle)) ImGui::OpenPopup(kTitle);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, {0.5f, 0.5f});
    if (!ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove)) return;

    const float em = ImGui::GetFontSize();
    ImGui::PushTextWrapPos(em * 38);
    ImGui::TextUnformatted("SMP Studio closed without saving the work below. Its last autosave can be opened again; "
                           "recover it, then save it to keep it.");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();

    std::optional<std::size_t> recover, discard;
    drawEntries(state, recover, discard);
    if (!state.recovery.problem.empty()) {
        ImGui::PushTextWrapPos(em * 38);
        ImGui::TextColored({1.0f, 0.55f, 0.5f, 1.0f}, "%s", state.recovery.problem.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::Spacing();
    const bool discardAll = ImGui::Button("Discard all (Del)");
    ImGui::SameLine();
    const bool later = ImGui::Button("Later (Esc)");
    ImGui::TextDisabled("Enter recovers the first one. Later keeps the files for the next start.");

    if (keyPressed(GLFW_KEY_ENTER) || keyPressed(GLFW_KEY_KP_ENTER)) {
        for (std::size_t i = 0; i < state.recovery.entries.size() && !recover; ++i)
            if (state.recovery.entries[i].readable()) recover = i;
    }
    if (recover)
        recoverEntry(state, *recover);
    else if (discard)
        discardEntry(state, *discard);
    else if (discardAll || keyPressed(GLFW_KEY_DELETE))
        discardAllEntries(state);
    else if (later || keyPressed(GLFW_KEY_ESCAPE))
        decideLater(state);

    if (!state.recovery.open) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace smp::ui
