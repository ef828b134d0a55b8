#include "ui/Theme.h"

#include <imgui.h>

#include <filesystem>

namespace smp::ui {
namespace {

constexpr float kBaseFontPx = 15.0f;
constexpr const char* kDejaVuSans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

}  // namespace

void applyTheme(float contentScale) {
    const float scale = contentScale > 0.5f ? contentScale : 1.0f;
    ImGui::StyleColorsDark();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 4.0f;
    style.FrameRounding = 3.0f;
    style.GrabRounding = 3.0f;
    style.ScaleAllSizes(scale);

    ImGuiIO& io = ImGui::GetIO();
    std::error_code error;
    if (std::filesystem::exists(kDejaVuSans, error) && io.Fonts->AddFontFromFileTTF(kDejaVuSans, kBaseFontPx * scale))
        return;
    ImFontConfig config;
    config.SizePixels = 13.0f * scale;
    io.Fonts->AddFontDefault(&config);
}

}  // namespace smp::ui
