#pragma once
// How one dot's pigment lands on the pigment texture, as pure math (no GL) so that it is tested
// without a context. Pigment is counted as absorbance (natural-log optical density): where dots
// overlap, light passes through both, so their optical densities add.

#include "core/Geometry.h"
#include "core/dots/Dot.h"

namespace smp::render {

// How carbon pigment looks under skin. Defaults an artist may tune, not constants of nature.
struct PigmentOptics {
    // Light scattering in the dermis blurs every dot by a Gaussian point-spread of this sigma.
    double scatterSigmaMm = 0.05;
    // Absorbance (red channel) of undiluted pigment, shade 1, spread evenly over the dot's area.
    double absorbanceAtFullShade = 2.5;
    // Absorbance per channel relative to that. Carbon absorbs all colours alike, but blue light is
    // scattered back by the skin above the pigment before it gets there, and red light goes deep
    // enough to be absorbed: healed dots read blue-grey.
    float absorptionRed = 1.0f;
    float absorptionGreen = 0.9f;
    float absorptionBlue = 0.78f;
};

// The pigment texture covers the whole photo at the photo's resolution, scaled down (never up)
// so that its longest side fits maxSide.
struct PigmentGrid {
    core::SizePx texels;
    core::Vec2 texelsPerMm;  // per axis: rounding the texture size may differ by a fraction of a texel
};
PigmentGrid pigmentGrid(core::SizePx photoPx, double pxPerMm, int maxSide);

// One dot on the pigment texture: an elliptical Gaussian of absorbance.
struct DotSplat {
    float centreX = 0.0f;  // texels from the photo's top-left corner, y down
    float centreY = 0.0f;
    float sigmaLong = 0.0f;  // texels, along and across the dot's long axis
    float sigmaShort = 0.0f;
    float angleRad = 0.0f;  // long axis, turning from +x towards +y
    float peakAbsorbance = 0.0f;
};

// Absorbance times area (mm2): the pigment a dot holds, the same at any resolution. An elongated
// dot keeps the round dot's area: the needle leaves as much pigment, spread differently.
double dotPigmentMm2(const dots::Dot& dot, const PigmentOptics& optics);

// The Gaussian with the second moments of the dot (a uniform ellipse), blurred by scattering and
// by one texel's footprint, and scaled to hold exactly dotPigmentMm2. The footprint term keeps a
// dot smaller than a texel at its full pigment instead of dropping it between texel centres.
DotSplat splatDot(const dots::Dot& dot, const PigmentGrid& grid, const PigmentOptics& optics);

// Sigma of a texel's footprint: from 0.5 up, a Gaussian sampled at texel centres sums to its
// integral within 3% wherever its centre falls.
inline constexpr double kTexelFootprintSigma = 0.5;

// Half the side of the quad each splat is drawn on, in sigmas: what lies outside is under 0.2%
// of the peak, too faint to show as a square edge where dots overlap.
inline constexpr float kSplatReachSigmas = 3.5f;

}  // namespace smp::render
