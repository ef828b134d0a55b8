#pragma once
// Where a photo-plane millimetre lands on the screen and back, and which hairline handle (or
// which part of the curve) is under the cursor, in screen pixels so that a handle is as easy to
// grab at 25% as at 400%. Pure math: no ImGui, no GL, tested without a window.

#include "core/Geometry.h"
#include "core/ViewTransform.h"

#include <vector>

namespace smp::ui {

struct CanvasMapping {
    core::ViewTransform view;       // photo pixels to canvas framebuffer pixels
    double pxPerMm = 1.0;           // the photo's scale
    core::Vec2 topLeft;             // the canvas's corner in screen (ImGui logical) pixels
    double framebufferScale = 1.0;  // framebuffer pixels per logical pixel

    [[nodiscard]] core::Vec2 toScreen(core::Vec2 mm) const {
        return topLeft + view.toView(mm * pxPerMm) * (1.0 / framebufferScale);
    }
    [[nodiscard]] core::Vec2 toMm(core::Vec2 screen) const {
        return view.toPhoto((screen - topLeft) * framebufferScale) * (1.0 / pxPerMm);
    }
};

// The control point whose handle is nearest to `screen` within `radiusPx` (screen pixels);
// -1 when none is.
[[nodiscard]] int hitHandle(const std::vector<core::Vec2>& pointsMm, const CanvasMapping& mapping, core::Vec2 screen,
                            double radiusPx);

// Distance in screen pixels from `screen` to the polyline through `traceMm` (the traced curve);
// infinity for an empty trace.
[[nodiscard]] double distanceToCurvePx(const std::vector<core::Vec2>& traceMm, const CanvasMapping& mapping,
                                       core::Vec2 screen);

}  // namespace smp::ui
