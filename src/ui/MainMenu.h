#pragma once

#include "ui/AppState.h"

namespace smp::ui {

// The menu bar: File, View, Help. Returns its height in pixels.
float drawMainMenu(AppState& state);

}  // namespace smp::ui
