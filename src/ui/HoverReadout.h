#pragma once
// The canvas's status line: the zoom, where the cursor is on the client's head in millimetres,
// and the density the design asks for there (dots per cm2, from the project's density field),
// so the artist can read the plan off the photo. Pure text: tested without a window.

#include "core/Geometry.h"
#include "core/dots/DensityField.h"

#include <optional>
#include <string>

namespace smp::ui {

// The target density at `mm`; none off the field or off the treated skin (mask below one half).
[[nodiscard]] std::optional<double> targetDensityAt(const dots::DensityField& field, core::Vec2 mm);

// "37%   x 98.4 mm  y 46.4 mm   target 32 dots/cm2": the cursor part only when there is a cursor
// over the canvas, the density part only when there is a field ("not treated" off the treated skin).
[[nodiscard]] std::string hoverReadout(double zoom, std::optional<core::Vec2> cursorMm,
                                       const dots::DensityField* field);

}  // namespace smp::ui
