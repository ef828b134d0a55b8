#include "ui/PhotoPanel.h"

#include "core/Project.h"

#include <imgui.h>

#include <string>

namespace smp::ui {
namespace {

const char* describeScaleSource(core::ScaleSource source) {
    switch (source) {
    case core::ScaleSource::Assumed: return "assumed (photo taken as 25 cm wide)";
    case core::ScaleSource::Ruler: return "measured with the ruler";
    case core::ScaleSource::InterpupillaryDistance: return "from the pupil distance";
    }
    return "";
}

void row(const char* label, const std::string& value) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", label);
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", value.c_str());
}

std::string formatMm(double mm) {
    char text[32];
    std::snprintf(text, sizeof text, "%.0f", mm);
    return text;
}

}  // namespace

void drawPhotoPanel(const AppState& state) {
    if (!ImGui::CollapsingHeader("Client & photo", ImGuiTreeNodeFlags_DefaultOpen)) return;
    const vision::ClientDocument& client = state.document.client;
    if (!state.document.hasPhoto()) {
        ImGui::TextWrapped("No photo open.");
        return;
    }
    const core::PhotoScale& scale = client.project.scale;
    if (ImGui::BeginTable("##photo", 2, ImGuiTableFlags_SizingStretchProp)) {
        row("Project", client.projectFile.empty() ? "not saved yet" : client.projectFile.filename().string());
        row("Photo", client.project.photoPath.filename().string());
        row("Pixels", std::to_string(client.photo.width) + " x " + std::to_string(client.photo.height));
        char pxPerMm[32];
        std::snprintf(pxPerMm, sizeof pxPerMm, "%.2f px/mm", scale.pxPerMm);
        row("Scale", pxPerMm);
        row("Scale from", describeScaleSource(scale.source));
        row("Covers", formatMm(client.photo.width / scale.pxPerMm) + " x " +
                          formatMm(client.photo.height / scale.pxPerMm) + " mm");
        ImGui::EndTable();
    }
}

}  // namespace smp::ui
