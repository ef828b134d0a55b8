#pragma once
// File > Export (Ctrl+E): the consultation's outputs from the window, the same as the command
// line's `export` makes them. The export runs off the UI thread (ui/ExportJob.h) with a progress
// bar and a Cancel button; the window goes on meanwhile.

#include "ui/AppState.h"

#include <filesystem>
#include <string>

namespace smp::ui {

// Where an export of `kind` goes unless the artist says otherwise: beside the project file (or
// the photo), named after it, "client-before-after.png", "client-timelapse.mp4" and so on.
[[nodiscard]] std::filesystem::path defaultExportPath(const vision::ClientDocument& document, outputs::ExportKind kind);

void drawExportPanel(AppState& state);

}  // namespace smp::ui
