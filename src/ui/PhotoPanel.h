#pragma once

#include "ui/AppState.h"

namespace smp::ui {

// Sidebar section "Client & photo": which photo, its size in pixels and millimetres, and where
// the millimetre scale comes from.
void drawPhotoPanel(const AppState& state);

}  // namespace smp::ui
