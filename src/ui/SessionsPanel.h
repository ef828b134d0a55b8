#pragma once

#include "ui/AppState.h"

namespace smp::ui {

// Sidebar section "Sessions": how many, and per session its share of the final density, its
// pigment strength (dilution), needle and retention; the dots' imperfection; the layout's seed.
void drawSessionsPanel(AppState& state);

}  // namespace smp::ui
