#pragma once
// The hairline: an open curve from the temporal point on the image's left to the one on its
// right, through control points the artist can move, insert and delete. Evaluated as a
// centripetal Catmull-Rom spline (Yuksel et al. 2011): it passes through every control point
// and never loops or cusps between them, however unevenly they are spaced.
//
// With `mirrored` on, point i and point n-1-i are exact reflections about the face midline
// (the middle point of an odd count lies on it), and every edit keeps them so.

#include "core/Geometry.h"
#include "core/design/FaceFrame.h"

#include <vector>

namespace smp::design {

inline constexpr int kMinHairlinePoints = 3;
inline constexpr int kMaxHairlinePoints = 64;
inline constexpr double kMaxTransitionMm = 30.0;

struct Hairline {
    std::vector<core::Vec2> points;  // photo-plane mm, image-left temple first
    bool mirrored = true;
    double transitionMm = 6.0;       // 0 sharp/defined .. 5-10 soft/faded/scattered

    friend bool operator==(const Hairline&, const Hairline&) = default;
};

// Throws core::UsageError naming the point: too few or too many points, a non-finite
// coordinate, two consecutive points closer than 0.1 mm, a transition out of [0, 30] mm.
void validateHairline(const Hairline& hairline);

// Points along the spline, no more than `maxStepMm` apart, starting at the first control point
// and ending at the last; every control point is among them.
[[nodiscard]] std::vector<core::Vec2> traceHairline(const Hairline& hairline, double maxStepMm = 0.5);

// Index of the control point within `radiusMm` of `mm`, the nearest one; -1 when none.
[[nodiscard]] int hitControlPoint(const Hairline& hairline, core::Vec2 mm, double radiusMm);

// Edits. With `mirrored` on, the partner point follows; moving the middle point of an odd count
// keeps it on the midline. Indices out of range throw core::UsageError.
void moveControlPoint(Hairline& hairline, const FaceFrame& frame, int index, core::Vec2 to);
// Inserts a point at `mm` into the span of the trace nearest to it (and its mirror image);
// returns the new point's index. Throws at kMaxHairlinePoints.
int insertControlPoint(Hairline& hairline, const FaceFrame& frame, core::Vec2 mm);
// Removes the point (and its partner). Throws when fewer than kMinHairlinePoints would remain.
void deleteControlPoint(Hairline& hairline, int index);
// Makes the right half the exact mirror image of the left half (the middle point, if any, moves
// onto the midline) and turns `mirrored` on.
void makeSymmetric(Hairline& hairline, const FaceFrame& frame);

}  // namespace smp::design
