#pragma once
// From a density (dots per cm2) to the spacing the sampler keeps between dots (mm).
//
// A maximal random packing of discs of diameter r covers a share phi = 0.547 of the plane
// (saturated random sequential addition, Zhang & Torquato 2013). N discs per unit area then
// satisfy N * pi * r^2 / 4 = phi, so r = sqrt(kPackingConstant / N) with
// kPackingConstant = 4 phi / pi = 0.6965. Our sampler lands within 1% of it on a uniform field
// (rho 0.777-0.778 in the benchmark; tests/core/dots/LayerSamplerTest.cpp holds the dot count
// of a uniform field to +-3%, edges included).

#include <cmath>

namespace smp::dots {

inline constexpr double kPackingConstant = 0.6965;
inline constexpr double kMm2PerCm2 = 100.0;

// Below this density no dot is placed at all: the field is treated as bare skin there.
inline constexpr double kMinPlacedDensity = 2.0;  // dots per cm2
// Above it a request is refused: even a natural scalp has at most ~300 hairs per cm2.
inline constexpr double kMaxDensity = 1000.0;  // dots per cm2

[[nodiscard]] inline double spacingMm(double dotsPerCm2) {
    return std::sqrt(kPackingConstant * kMm2PerCm2 / dotsPerCm2);
}

[[nodiscard]] inline double densityForSpacing(double spacing) {
    return kPackingConstant * kMm2PerCm2 / (spacing * spacing);
}

}  // namespace smp::dots
