#pragma once

namespace smp::ui {

// Fonts and sizes for the window's content scale: DejaVu Sans from fonts-dejavu-core when it is
// installed, ImGui's built-in font otherwise. Call once, before the first frame.
void applyTheme(float contentScale);

}  // namespace smp::ui
