#include "ui/Messages.h"

#include <imgui.h>

#include <algorithm>

namespace smp::ui {
namespace {

constexpr double kInfoSeconds = 4.0;
constexpr double kErrorSeconds = 10.0;

}  // namespace

void drawMessages(Messages& messages, float right, float bottom) {
    const double now = ImGui::GetTime();
    std::erase_if(messages.visible, [now](const Message& m) {
        return m.dismissed ||
               (m.shownAtSeconds >= 0.0 && now - m.shownAtSeconds > (m.isError ? kErrorSeconds : kInfoSeconds));
    });

    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    float y = bottom - spacing;
    int index = 0;
    for (auto it = messages.visible.rbegin(); it != messages.visible.rend(); ++it, ++index) {
        Message& message = *it;
        if (message.shownAtSeconds < 0.0) message.shownAtSeconds = now;
        ImGui::SetNextWindowPos({right - spacing, y}, ImGuiCond_Always, {1.0f, 1.0f});
        ImGui::SetNextWindowBgAlpha(message.isError ? 1.0f : 0.92f);
        const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                       ImGuiWindowFlags_NoNav;
        const std::string id = "##message" + std::to_string(index);
        if (message.isError) ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.45f, 0.12f, 0.12f, 1.0f));
        if (ImGui::Begin(id.c_str(), nullptr, flags)) {
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.0f);
            ImGui::TextUnformatted(message.text.c_str());
            ImGui::PopTextWrapPos();
            if (ImGui::IsWindowHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Left))
                message.dismissed = true;
            y -= ImGui::GetWindowHeight() + spacing;
        }
        ImGui::End();
        if (message.isError) ImGui::PopStyleColor();
    }
}

}  // namespace smp::ui
