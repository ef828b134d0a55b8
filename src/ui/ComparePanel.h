#pragma once

#include "ui/AppState.h"

namespace smp::ui {

// Sidebar section "Compare": the preview, the photo as taken, a split with its divider, or the
// two side by side, as the View menu and the \ key set them.
void drawComparePanel(AppState& state);

}  // namespace smp::ui
