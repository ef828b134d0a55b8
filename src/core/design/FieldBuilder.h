#pragma once
// Turns the artist's design (hairline, zones, target density) into the density field the
// microdot engine samples. Pure geometry: no photo pixels are read, only the masks.
//
// Behind the hairline (on the crown's side) and inside the head outline the density is full,
// except:
// - the transition zone: over `transitionMm` behind the line it rises from `frontShare` of
//   full at the line to full (smoothstep), and scattered single dots reach `aheadShare` of the
//   width in front of the line at `aheadDensityShare` of full. A 0 mm zone is a sharp edge.
// - blend zones: under existing hair the density tapers from full at the zone's edge to
//   `blendShare` of full `blendTaperMm` inside it.
// - scar zones carry the scar channel (the engine lowers retention and spreads pigment there).
// - avoid zones: nothing.

#include "core/PhotoScale.h"
#include "core/design/FaceFrame.h"
#include "core/design/Hairline.h"
#include "core/design/HairlineDistance.h"
#include "core/design/Zones.h"
#include "core/dots/DensityField.h"

namespace smp::design {

struct DensityTargets {
    double fullDotsPerCm2 = 60.0;     // shaved look: about 1 mm spacing, 50-100 dots/cm2 (DOMAIN.md)
    double frontShare = 0.10;         // density at the hairline itself, share of full
    double aheadShare = 0.30;         // how far scattered dots reach ahead of the line, share of the transition width
    double aheadDensityShare = 0.05;  // their density, share of full
    double blendShare = 0.50;         // density deep in a blend zone, share of full
    double blendTaperMm = 8.0;        // distance over which a blend zone tapers to blendShare

    friend bool operator==(const DensityTargets&, const DensityTargets&) = default;
};

// Throws core::UsageError naming the value when one is out of range.
void validateTargets(const DensityTargets& targets);

struct FieldRequest {
    const Hairline& hairline;
    const FaceFrame& frame;
    const Zones& zones;
    const DensityTargets& targets;
    core::PhotoScale scale;
    core::SizePx photoSize;
    double nodeSpacingMm = 0.5;
};

// Throws core::UsageError on an invalid hairline, targets or scale.
[[nodiscard]] dots::DensityField buildDensityField(const FieldRequest& request);

}  // namespace smp::design
