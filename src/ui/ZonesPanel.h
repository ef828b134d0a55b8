#pragma once

#include "ui/AppState.h"

namespace smp::ui {

// Sidebar section "Zones": which zone the zones tool paints (treatment area, avoid, scar,
// blend), brush or polygon, the brush size in mm, the zones' areas, and clearing one.
void drawZonesPanel(AppState& state);

}  // namespace smp::ui
