#pragma once
// One frame of the whole window: menu, sidebar panels, canvas, dialogs and notices.

#include "ui/AppState.h"
#include "ui/CanvasPanel.h"

#include <string>

namespace smp::ui {

void drawWorkspace(AppState& state, CanvasGpu& gpu, const std::string& glRenderer);

}  // namespace smp::ui
