#pragma once
// Counts the stubble on a close-up of the client's shaved sides or back: the density and shade
// the new dots have to match (core/design/ReferenceMatch.h).

#include "core/Geometry.h"
#include "core/Image.h"
#include "core/PhotoScale.h"
#include "core/design/ReferenceMatch.h"

namespace smp::vision {

struct StubbleReading {
    int dots = 0;             // stubble dots whose centre lies inside the rectangle
    double areaCm2 = 0.0;     // the rectangle's area on the scalp
    double dotsPerCm2 = 0.0;
    double meanShade = 0.0;   // mean darkness of the dots' cores on that skin: 0 skin .. 1 black
    core::RectPx rectPx;

    [[nodiscard]] design::StubbleMatch match() const { return {dotsPerCm2, meanShade}; }
};

// A stubble dot (a hair cut at the skin, seen end-on or a little slanted) is 0.1-0.5 mm across;
// a dark blob wider than kStubbleMaxDotMm or longer than kStubbleMaxLengthMm is a mole, a long
// hair lying flat or the edge of something else, and is not counted.
inline constexpr double kStubbleMaxDotMm = 0.8;
inline constexpr double kStubbleMaxLengthMm = 1.5;

// The reference rectangle must be at least this wide and tall: a 5x5 mm patch at 60 dots/cm2
// holds only ~15 dots, already a +-25% count.
inline constexpr double kStubbleMinSideMm = 5.0;

// Below this a 0.2 mm stubble dot covers less than one pixel and the count is a guess: a
// close-up of the sides or back, scaled with a ruler, is needed.
inline constexpr double kStubbleMinPxPerMm = 5.0;

// Darkness is measured against the local skin (each pixel against the skin around it), so an
// uneven light or a shading gradient does not change the count. meanShade is 1 - Y_dot / Y_skin
// in linear light at each dot's core: mixing a pigment shade s of a near-black pigment
// into the skin darkens it by about s, so the reading can stand in for the pigment shade.
// Throws core::UsageError for an empty or malformed photo, a rectangle not wholly inside it or
// smaller than kStubbleMinSideMm, and a scale that is not a positive number or is too coarse.
[[nodiscard]] StubbleReading countStubble(const core::Image& photo, core::RectPx rectPx,
                                          const core::PhotoScale& scale);

}  // namespace smp::vision
