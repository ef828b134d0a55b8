#include "ui/ExportPanel.h"

#include "core/Errors.h"
#include "core/plan/CalendarDate.h"

#include <imgui.h>

#include <array>
#include <cstdio>
#include <cstring>

namespace smp::ui {
namespace {

constexpr std::array kKinds{outputs::ExportKind::BeforeAfter, outputs::ExportKind::Split,
                            outputs::ExportKind::Sessions, outputs::ExportKind::Timelapse,
                            outputs::ExportKind::PlanSheet};

const char* kindTitle(outputs::ExportKind kind) {
    switch (kind) {
        case outputs::ExportKind::BeforeAfter: return "Before / after, side by side";
        case outputs::ExportKind::Split: return "Before / after, split";
        case outputs::ExportKind::Sessions: return "Session sheet";
        case outputs::ExportKind::Timelapse: return "Time-lapse video";
        case outputs::ExportKind::PlanSheet: return "Treatment plan sheet";
    }
    return "";
}

// An ImGui text field over a std::string (ImGui 1.86 has no std::string overload built in).
bool inputText(const char* label, std::string& text, std::size_t capacity = 512) {
    std::string buffer = text;
    buffer.resize(capacity, '\0');
    if (!ImGui::InputText(label, buffer.data(), capacity)) return false;
    text = buffer.c_str();
    return true;
}

void startExport(AppState& state) {
    ExportPanelState& panel = state.exportPanel;
    outputs::ExportSettings settings;
    settings.kind = panel.kind;
    settings.output = panel.path;
    if (panel.widthPx > 0) settings.widthPx = panel.widthPx;
    settings.jpegQuality = panel.jpegQuality;
    settings.clientName = panel.clientName;
    settings.dayOne = panel.dayOne;
    settings.daysBetweenSessions = panel.daysBetweenSessions;
    settings.divider = state.canvas.compare.divider;
    try {
        if (!panel.startDate.empty()) settings.start = plan::CalendarDate::parse(panel.startDate);
        // The project as it is now, saved or not, and its photo: copies, so that editing goes on.
        state.exportJob->start({state.document.client.project, state.document.client.photo}, settings);
    } catch (const std::exception& error) {
        state.messages.error(error.what());
    }
}

}  // namespace

std::filesystem::path defaultExportPath(const vision::ClientDocument& document, outputs::ExportKind kind) {
    const std::filesystem::path& base =
        document.projectFile.empty() ? document.project.photoPath : document.projectFile;
    std::string stem = base.filename().string();
    for (const char* extension : {".smp.json", ".json", ".jpg", ".jpeg", ".png", ".JPG", ".JPEG", ".PNG"})
        if (stem.size() > std::strlen(extension) && stem.ends_with(extension)) {
            stem.resize(stem.size() - std::strlen(extension));
            break;
        }
    if (stem.empty()) stem = "client";
    const char* extension = kind == outputs::ExportKind::Timelapse ? ".mp4" : ".png";
    return base.parent_path() / (stem + "-" + std::string(outputs::exportKindName(kind)) + extension);
}

void drawExportPanel(AppState& state) {
    ExportPanelState& panel = state.exportPanel;
    // A finished export speaks once, whether the panel is open or not.
    if (auto outcome = state.exportJob->takeOutcome()) {
        if (outcome->status == ExportOutcome::Status::Failed) state.messages.error(outcome->message);
        else state.messages.info(outcome->message);
    }
    if (!panel.open) return;
    ImGui::SetNextWindowSize({ImGui::GetFontSize() * 30, 0}, ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Export", &panel.open, ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    if (!state.document.hasPhoto()) {
        ImGui::TextDisabled("Open a client's photo first.");
        ImGui::End();
        return;
    }
    const bool busy = state.exportJob->running();
    ImGui::BeginDisabled(busy);
    for (const outputs::ExportKind kind : kKinds)
        if (ImGui::RadioButton(kindTitle(kind), panel.kind == kind)) {
            // The file follows the kind until the artist types one of their own.
            if (panel.path.empty() || panel.path == defaultExportPath(state.document.client, panel.kind).string())
                panel.path = defaultExportPath(state.document.client, kind).string();
            panel.kind = kind;
        }
    if (panel.path.empty()) panel.path = defaultExportPath(state.document.client, panel.kind).string();
    ImGui::Separator();
    ImGui::TextDisabled("File (.png or .jpg; .mp4 for the video)");
    ImGui::SetNextItemWidth(-1);
    inputText("##path", panel.path);
    ImGui::TextDisabled("Width in pixels (0: the photo's own resolution)");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputInt("##width", &panel.widthPx, 100, 1000);
    panel.widthPx = std::max(0, panel.widthPx);
    if (panel.path.ends_with(".jpg") || panel.path.ends_with(".jpeg")) {
        ImGui::SetNextItemWidth(-1);
        ImGui::SliderInt("##quality", &panel.jpegQuality, 50, 100, "JPEG quality %d");
    }
    ImGui::TextDisabled("Client's name on the pictures (optional)");
    ImGui::SetNextItemWidth(-1);
    inputText("##client", panel.clientName, 128);
    ImGui::TextDisabled("First session's date, YYYY-MM-DD (optional)");
    ImGui::SetNextItemWidth(-1);
    inputText("##start", panel.startDate, 16);
    ImGui::SetNextItemWidth(-1);
    ImGui::SliderInt("##spacing", &panel.daysBetweenSessions, 7, 42, "%d days between sessions");
    if (panel.kind == outputs::ExportKind::Sessions) ImGui::Checkbox("Day 1 beside settled, each session", &panel.dayOne);
    ImGui::EndDisabled();

    if (busy) {
        const outputs::ExportProgress progress = state.exportJob->progress();
        // Cancel beside the bar, where the Export button was: never scrolled out of sight.
        const float cancelWidth = ImGui::CalcTextSize("Cancel").x + 2 * ImGui::GetStyle().FramePadding.x;
        ImGui::ProgressBar(static_cast<float>(progress.fraction()),
                           {-(cancelWidth + ImGui::GetStyle().ItemSpacing.x), 0}, progress.doing.c_str());
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) state.exportJob->cancel();
    } else if (ImGui::Button("Export")) {
        startExport(state);
    }
    ImGui::End();
}

}  // namespace smp::ui
