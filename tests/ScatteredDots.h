#pragma once
// Dots spread at random over a photo for the renderer's benchmarks: healed sizes (0.15-0.3 mm)
// and shades (0.4-1), a few elongated. A different seed gives a different layout.

#include "core/Geometry.h"
#include "core/preview/DotLook.h"

#include <random>
#include <vector>

namespace smp::test {

// `redness` for all of them: fresh work on day 0 is 1.
inline std::vector<preview::DotLook> scatterDots(core::SizePx photo, double pxPerMm, int count, unsigned seed = 3,
                                                 float redness = 0.0f) {
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<preview::DotLook> dots(static_cast<std::size_t>(count));
    for (preview::DotLook& dot : dots) {
        dot.positionMm = {unit(random) * photo.width / pxPerMm, unit(random) * photo.height / pxPerMm};
        dot.diameterMm = 0.15 + 0.15 * unit(random);
        dot.shade = float(0.4 + 0.6 * unit(random));
        dot.ellipseRatio = float(1.0 + 0.5 * unit(random));
        dot.angleRad = float(3.14 * unit(random));
        dot.redness = redness;
    }
    return dots;
}

}  // namespace smp::test
