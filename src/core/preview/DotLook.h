#pragma once
// What one dot looks like on a given day: the engine's dot after healing has worked on it.
// Plain data for the renderer, which knows nothing of sessions and days.

#include "core/Geometry.h"
#include "core/dots/Dot.h"

namespace smp::preview {

struct DotLook {
    core::Vec2 positionMm;
    double diameterMm = 0.0;    // pigment and scab together: fresh dots are larger than healed ones
    float shade = 0.0f;         // pigment strength: 1 undiluted and healed; fresh dots go past 1 (darker)
    float ellipseRatio = 1.0f;  // long axis / short axis, >= 1
    float angleRad = 0.0f;      // direction of the long axis
    float blurMm = 0.0f;        // spread on top of the skin's own scattering, Gaussian sigma in mm:
                                // older sessions and scar tissue look softer
    float redness = 0.0f;       // 0..1: how inflamed the skin around this fresh puncture still is

    friend bool operator==(const DotLook&, const DotLook&) = default;
};

// The dot as the engine placed it, healed, with nothing added.
[[nodiscard]] inline DotLook settledLook(const dots::Dot& dot) {
    DotLook look;
    look.positionMm = dot.positionMm;
    look.diameterMm = dot.diameterMm;
    look.shade = dot.shade;
    look.ellipseRatio = dot.ellipseRatio;
    look.angleRad = dot.angleRad;
    return look;
}

}  // namespace smp::preview
