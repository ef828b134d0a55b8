#pragma once

#include "ui/AppState.h"

#include <string>

namespace smp::ui {

// Help > About: the version, what the tool is for, and what draws it.
void drawAboutWindow(AppState& state, const std::string& glRenderer);

}  // namespace smp::ui
