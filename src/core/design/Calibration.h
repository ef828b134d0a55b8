#pragma once
// The photo's millimetre scale from what the artist or the analysis measured.

#include "core/Geometry.h"
#include "core/PhotoScale.h"

namespace smp::design {

// The average adult interpupillary distance (DOMAIN.md); the artist can enter the client's own.
inline constexpr double kDefaultPupilDistanceMm = 63.0;

// Throws core::UsageError when the pupils coincide or the distance is not a positive number.
core::PhotoScale scaleFromPupils(core::Vec2 leftPupilPx, core::Vec2 rightPupilPx, double pupilDistanceMm);

// A two-point ruler laid on something of known length. Throws core::UsageError on a zero-length
// ruler (points closer than one pixel) or a length that is not a positive number.
core::PhotoScale scaleFromRuler(core::Vec2 aPx, core::Vec2 bPx, double lengthMm);

}  // namespace smp::design
