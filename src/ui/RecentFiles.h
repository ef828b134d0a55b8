#pragma once
// File > Open recent: the photos and projects last opened or saved, newest first, remembered
// with the window's settings (src/app/WindowSettings.h).

#include <cstddef>
#include <filesystem>
#include <vector>

namespace smp::ui {

inline constexpr std::size_t kMaxRecentFiles = 10;

// Puts `file` first (absolute), once; the oldest falls off past kMaxRecentFiles.
void rememberRecentFile(std::vector<std::filesystem::path>& recent, const std::filesystem::path& file);

}  // namespace smp::ui
