#pragma once
// How one dot's pigment lands on the pigment texture, as pure math (no GL) so that it is tested
// without a context. Pigment is counted as absorbance (natural-log optical density): where dots
// overlap, light passes through both, so their optical densities add.

#include "core/Geometry.h"
#include "core/dots/Dot.h"
#include "core/preview/DotLook.h"

namespace smp::render {

// How carbon pigment looks under skin. Defaults an artist may tune, not constants of nature.
struct PigmentOptics {
    // Light scattering in the dermis blurs every dot by a Gaussian point-spread of this sigma.
    double scatterSigmaMm = 0.07;
    // Absorbance (red channel) of undiluted pigment, shade 1, spread evenly over the dot's area.
    // Set by eye on the demo: each healed dot's core reads near black at 100%, and three settled
    // sessions at 60 dots/cm2 darken light skin by about 6% (linear light) seen whole, the grey
    // of a shaved head's shadow. At 2.5 (and 0.05 mm scatter) that was 3%, and a fitted view of
    // the head showed no treatment at all.
    double absorbanceAtFullShade = 6.0;
    // Absorbance per channel relative to that. Carbon absorbs all colours alike, but blue light is
    // scattered back by the skin above the pigment before it gets there, and red light goes deep
    // enough to be absorbed: healed dots read blue-grey.
    float absorptionRed = 1.0f;
    float absorptionGreen = 0.9f;
    float absorptionBlue = 0.78f;

    // Erythema: for hours to about three days after a session the scalp is red over the treated
    // area. Each fresh puncture spreads inflammation as a Gaussian of this sigma, weighted by its
    // redness (0..1); the weights add up to a density of punctures per mm2.
    double rednessSigmaMm = 1.2;
    // How much of the full redness a density shows: coverage = 1 - exp(-gain * density). Full SMP
    // density (about one puncture per mm2) is evenly, fully red (97%); one session of a three-
    // session plan (a third of that) about 70% at day 0; a lone stray puncture peaks at about
    // 30%, a faint blush on the skin around it.
    double rednessGainMm2 = 3.5;
    // What fully inflamed skin lets through, per channel in linear light. Blood in the dilated
    // capillaries absorbs green and blue (haemoglobin's bands near 540-580 nm and 415 nm) and
    // hardly any red: the skin turns pinkish-red and keeps its lighting, not painted red.
    float rednessRed = 0.97f;
    float rednessGreen = 0.74f;
    float rednessBlue = 0.8f;

    friend bool operator==(const PigmentOptics&, const PigmentOptics&) = default;
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
double dotPigmentMm2(const preview::DotLook& dot, const PigmentOptics& optics);

// The Gaussian with the second moments of the dot (a uniform ellipse), blurred by scattering and
// by one texel's footprint, and scaled to hold exactly dotPigmentMm2. The footprint term keeps a
// dot smaller than a texel at its full pigment instead of dropping it between texel centres.
DotSplat splatDot(const dots::Dot& dot, const PigmentGrid& grid, const PigmentOptics& optics);
// The same for a dot on a day of healing: its own shade (past 1 while fresh) and its extra blur.
DotSplat splatDot(const preview::DotLook& dot, const PigmentGrid& grid, const PigmentOptics& optics);

// Sigma of a texel's footprint: from 0.5 up, a Gaussian sampled at texel centres sums to its
// integral within 3% wherever its centre falls.
inline constexpr double kTexelFootprintSigma = 0.5;

// How far a splat reaches, in sigmas along its own axes (Mahalanobis distance): past it lies under
// 0.2% of the peak and 0.3% of the pigment, too faint to show as an edge where dots overlap.
inline constexpr float kSplatReachSigmas = 3.5f;

// A splat ready to be drawn on the CPU: its Gaussian as absorbance = peak exp(-q/2), with
// q = a dx^2 + 2b dx dy + c dy^2 in texels from the centre, and how far it reaches along x and y.
// Worked out once per dot, however many tiles it straddles.
struct SplatShape {
    float centreX = 0.0f;
    float centreY = 0.0f;
    float peakAbsorbance = 0.0f;
    float a = 0.0f, b = 0.0f, c = 0.0f;
    float reachX = 0.0f, reachY = 0.0f;  // half the extent of kSplatReachSigmas, texels
};
SplatShape shapeOf(const DotSplat& splat);

// The texels whose centres the splat reaches; empty for a splat without pigment.
core::RectPx splatReach(const SplatShape& shape);

// Adds the splat's absorbance at the centres of the texels it reaches inside `clip`, to a raster
// of floats (row 0 the photo's top) whose rows are rowStride floats apart and texels texelStride
// floats apart; `clip` must lie inside the raster. Deterministic: the same splat and clip add
// exactly the same values, so a part of the raster redrawn alone matches the whole raster redrawn.
void addSplat(const SplatShape& shape, float* raster, int rowStride, core::RectPx clip, int texelStride = 1);

}  // namespace smp::render
