#pragma once
// Sliders and buttons that edit the project, each change one undo step: a slider's whole drag
// is one step (DocumentEdits.h), a click is one step. Used by the Hairline and Sessions panels.

#include "ui/AppState.h"

#include <functional>

namespace smp::ui {

// A float slider over `value` (shown times `displayScale`, e.g. 100 for percent). While the
// artist drags it, `apply(newValue)` changes the project; the drag is one undo step. Returns
// whether the project changed this frame.
bool projectSlider(AppState& state, const char* label, double value, double min, double max, const char* format,
                   const std::function<void(double)>& apply, double displayScale = 1.0);

// An integer slider, the same way.
bool projectSliderInt(AppState& state, const char* label, int value, int min, int max, const char* format,
                      const std::function<void(int)>& apply);

// Applies a one-off change (a button, a checkbox) as one undo step.
void projectClick(AppState& state, const std::function<void()>& apply);

// Shows `text` as a tooltip when the last item is hovered.
void hoverHint(const char* text);

}  // namespace smp::ui
