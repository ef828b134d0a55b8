#pragma once
// "Match the sides and back": the client's own shaved hair is the reference an SMP job has to
// blend into (DOMAIN.md, what artists ask of a preview). The stubble reading from a close-up of
// the sides or back sets the full density and the final session's shade.

#include "core/design/FieldBuilder.h"
#include "core/dots/SessionPlan.h"

namespace smp::design {

// What the stubble counter measured, in core's terms (vision::StubbleReading carries more).
struct StubbleMatch {
    double dotsPerCm2 = 0.0;  // stubble dots per square centimetre of the reference
    double meanShade = 0.0;   // their darkness on that skin, 0 skin .. 1 black: a pigment shade
};

// The measured density is clamped to this range before it becomes the target. Below 20 /cm2 the
// reference is nearly bald or the count failed; above 150 /cm2 is more dots than SMP places:
// a shaved look is 50-100 /cm2, half of natural density already reads full, and too many dots
// look like a helmet (DOMAIN.md). Natural scalps carry 175-300 hairs/cm2, so a dense reference
// does reach the upper clamp.
inline constexpr double kMinReferenceDotsPerCm2 = 20.0;
inline constexpr double kMaxReferenceDotsPerCm2 = 150.0;

// Earlier sessions stay at least this strong when the spacing is kept: a session of plain water
// leaves nothing to see.
inline constexpr double kLightestMatchedShade = 0.15;

// What matchReference changed, so the window can say "measured 180/cm2, capped at 150".
struct ReferenceApplied {
    double measuredDotsPerCm2 = 0.0;
    double fullDotsPerCm2 = 0.0;   // what the target became
    bool densityClamped = false;
    bool spacingCompressed = false;  // the plan's light-to-dark steps had to shrink to fit
};

// Sets targets.fullDotsPerCm2 to the measured density (clamped, see above) and the last
// session's shade to the measured shade. Earlier sessions keep their distance below the last
// one (the plan's light-to-dark steps); when the first would fall below kLightestMatchedShade
// (or the measured shade, if that is lighter still), every step shrinks by the same factor so
// that it lands there. Other fields are left alone.
// Throws core::UsageError for a density that is not a positive number, a shade outside (0, 1]
// or an invalid plan; nothing is changed then.
ReferenceApplied matchReference(const StubbleMatch& reading, DensityTargets& targets, dots::SessionPlan& plan);

}  // namespace smp::design
