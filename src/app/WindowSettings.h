#pragma once
// The window's size and the recent files, remembered between runs in the config folder (ImGui
// keeps the panel layout beside it in imgui.ini).

#include <filesystem>
#include <vector>

namespace smp::app {

struct WindowSettings {
    int widthPx = 1280;
    int heightPx = 800;
    std::vector<std::filesystem::path> recentFiles;  // newest first, File > Open recent
};

// Defaults when the file is missing or unreadable: a broken settings file never stops the app.
WindowSettings loadWindowSettings(const std::filesystem::path& file);
void saveWindowSettings(const WindowSettings& settings, const std::filesystem::path& file);

}  // namespace smp::app
