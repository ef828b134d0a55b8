#include "ui/SessionsPanel.h"

#include "ui/DesignEdits.h"
#include "ui/ProjectWidgets.h"

#include <imgui.h>

#include <cstdio>

namespace smp::ui {
namespace {

dots::SessionPlan& planOf(AppState& state) { return state.document.client.project.plan; }

void drawSession(AppState& state, int k) {
    const dots::Session s = planOf(state).sessions[static_cast<std::size_t>(k)];
    char title[96];
    std::snprintf(title, sizeof title, "Session %d: %.0f%% of dots, shade %.0f%%###session%d", k + 1,
                  s.densityShare * 100.0, s.shade * 100.0, k);
    if (!ImGui::TreeNode(title)) return;
    const auto session = [&state, k]() -> dots::Session& { return planOf(state).sessions[static_cast<std::size_t>(k)]; };
    ImGui::TextDisabled("Share of the final density");
    projectSlider(state, "##share", s.densityShare, kMinSessionShare, 1.0, "%.0f %%",
                  [&state, k](double v) { setSessionShare(planOf(state), k, v); }, 100.0);
    hoverHint("The other sessions' shares follow so that all add up to 100%.");
    ImGui::TextDisabled("Pigment strength (dilution)");
    projectSlider(state, "##shade", s.shade, 0.2, 1.0, "%.0f %%", [session](double v) { session().shade = v; }, 100.0);
    hoverHint("Early sessions go lighter (diluted), later ones darker.");
    ImGui::TextDisabled("Needle (healed dot)");
    projectSlider(state, "##needle", s.needleMm, 0.15, 0.40, "%.2f mm", [session](double v) { session().needleMm = v; });
    hoverHint("SMP needles are 0.18-0.30 mm; a finer one for the last, detail session.");
    ImGui::TextDisabled("Retention");
    projectSlider(state, "##retention", s.retention, 0.5, 1.0, "%.0f %% stay",
                  [session](double v) { session().retention = v; }, 100.0);
    ImGui::TextDisabled("Retention on scar tissue");
    projectSlider(state, "##scar", s.scarRetention, 0.2, 1.0, "%.0f %% stay",
                  [session](double v) { session().scarRetention = v; }, 100.0);
    ImGui::TreePop();
}

void drawImperfection(AppState& state) {
    if (!ImGui::TreeNode("Perfectly imperfect")) return;
    const dots::Imperfection i = planOf(state).imperfection;
    const auto imperfection = [&state]() -> dots::Imperfection& { return planOf(state).imperfection; };
    ImGui::TextDisabled("Dot size variation");
    projectSlider(state, "##size", i.sizeJitter, 0.0, 0.3, "%.0f %%", [imperfection](double v) { imperfection().sizeJitter = v; }, 100.0);
    ImGui::TextDisabled("Shade variation");
    projectSlider(state, "##shadej", i.shadeJitter, 0.0, 0.2, "%.0f %%", [imperfection](double v) { imperfection().shadeJitter = v; }, 100.0);
    ImGui::TextDisabled("Most elongated dot");
    projectSlider(state, "##ellipse", i.maxEllipse, 1.0, 2.0, "%.2f : 1", [imperfection](double v) { imperfection().maxEllipse = v; });
    ImGui::TextDisabled("Follicular groups");
    projectSlider(state, "##units", i.follicularChance, 0.0, 0.3, "%.0f %% of dots",
                  [imperfection](double v) { imperfection().follicularChance = v; }, 100.0);
    hoverHint("Dots that start a group of 2-3 closer together, as hair grows in follicular units.");
    ImGui::TextDisabled("Scatter at a faded front");
    projectSlider(state, "##scatter", i.transitionScatter, 0.0, 0.5, "%.0f %% of spacing",
                  [imperfection](double v) { imperfection().transitionScatter = v; }, 100.0);
    ImGui::TextDisabled("Spread on scar tissue");
    projectSlider(state, "##spread", i.scarSpread, 0.0, 1.0, "%.0f %% of needle",
                  [imperfection](double v) { imperfection().scarSpread = v; }, 100.0);
    ImGui::TreePop();
}

}  // namespace

void drawSessionsPanel(AppState& state) {
    if (!ImGui::CollapsingHeader("Sessions", ImGuiTreeNodeFlags_DefaultOpen)) return;
    if (!state.document.hasPhoto()) {
        ImGui::TextDisabled("No photo yet.");
        return;
    }
    const int count = static_cast<int>(planOf(state).sessions.size());
    ImGui::TextDisabled("Number of sessions");
    projectSliderInt(state, "##count", count, 1, dots::kMaxSessions, "%d",
                     [&state](int n) { setSessionCount(planOf(state), n); });
    hoverHint("Usually 2-4 sessions, 10-14 days apart; more for scars and lighter skin.");
    for (int k = 0; k < count && k < static_cast<int>(planOf(state).sessions.size()); ++k) {
        ImGui::PushID(k);
        drawSession(state, k);
        ImGui::PopID();
    }
    drawImperfection(state);
    const auto seed = state.document.client.project.seed;
    ImGui::TextDisabled("Layout %llu", static_cast<unsigned long long>(seed));
    ImGui::SameLine();
    if (ImGui::SmallButton("Another layout"))
        projectClick(state, [&state] { ++state.document.client.project.seed; });
    hoverHint("The same design with other dot positions; the same layout number always gives the same dots.");
}

}  // namespace smp::ui
