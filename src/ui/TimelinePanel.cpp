#include "ui/TimelinePanel.h"

#include "core/preview/Healing.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace smp::ui {
namespace {

// Playback ends, and the day slider stops, where the healing model says the colour has settled.
int settledDay() { return static_cast<int>(std::ceil(preview::HealingModel{}.settledDay)); }

const char* dayCaption(int day) {
    if (day <= 3) return "red, scabbed, darker and larger";
    if (day <= 10) return "scabs flaking, fading";
    if (day < settledDay()) return "settling";
    return "settled";
}

}  // namespace

void advancePlayback(AppState& state, double seconds) {
    if (!state.playback.playing) return;
    core::ProjectTimeline& timeline = state.document.client.project.timeline;
    state.playback.day += seconds * kPlaybackDaysPerSecond;
    if (state.playback.day >= settledDay()) {
        state.playback.playing = false;
        timeline.day.reset();
        return;
    }
    timeline.day = static_cast<int>(state.playback.day);
}

void drawTimelinePanel(AppState& state) {
    if (!ImGui::CollapsingHeader("Timeline", ImGuiTreeNodeFlags_DefaultOpen)) return;
    if (!state.document.hasPhoto()) {
        ImGui::TextDisabled("No photo yet.");
        return;
    }
    core::Project& project = state.document.client.project;
    core::ProjectTimeline& timeline = project.timeline;
    const int planned = static_cast<int>(project.plan.sessions.size());

    int sessions = timeline.sessionsShown == core::ProjectTimeline::kAllSessions
                       ? planned
                       : std::min(timeline.sessionsShown, planned);
    ImGui::TextDisabled("After session");
    ImGui::SetNextItemWidth(-1);
    if (ImGui::SliderInt("##sessions", &sessions, 0, planned, sessions == 0 ? "none yet (the photo)" : "%d"))
        timeline.sessionsShown = sessions == planned ? core::ProjectTimeline::kAllSessions : sessions;

    bool settled = !timeline.day.has_value();
    if (ImGui::Checkbox("Settled", &settled)) {
        state.playback.playing = false;
        if (settled) timeline.day.reset();
        else timeline.day = 1;
    }
    ImGui::SameLine();
    if (ImGui::Button(state.playback.playing ? "Pause" : "Play healing")) {
        state.playback.playing = !state.playback.playing;
        if (state.playback.playing) state.playback.day = timeline.day && *timeline.day < settledDay() ? *timeline.day : 0.0;
    }
    int day = timeline.day.value_or(settledDay());
    ImGui::BeginDisabled(settled && !state.playback.playing);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::SliderInt("##day", &day, 0, settledDay(), "day %d")) {
        state.playback.playing = false;
        timeline.day = day;
    }
    ImGui::EndDisabled();
    ImGui::TextDisabled("%s", settled ? "healed and settled" : dayCaption(day));
}

}  // namespace smp::ui
