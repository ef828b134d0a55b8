#pragma once
// Opening a photo or project off the UI thread: decoding a phone photo and placing the automatic
// design (face, eyes, head outline) takes about a second, during which the window keeps drawing
// a progress line with Cancel. The document replaces the open one only when the work is done.

#include "ui/AppState.h"

#include <filesystem>

namespace smp::ui {

// Starts opening `path` in the background (what DocumentActions' openPath does at once).
void startOpening(AppState& state, const std::filesystem::path& path);

// Each frame: takes the opened document when it is ready, and draws the progress modal.
void drawOpeningPrompt(AppState& state);

}  // namespace smp::ui
