#pragma once

#include "ui/AppState.h"

namespace smp::ui {

// Sidebar section "Hairline": the style presets with a drawing of each on the client's face,
// the style's measurements in mm, sharp to faded, symmetry and the full density.
void drawHairlinePanel(AppState& state);

}  // namespace smp::ui
