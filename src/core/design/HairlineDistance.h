#pragma once
// Which side of the hairline a point lies on, and how far from it: what the transition zone and
// the scattered dots ahead of the line are measured with.

#include "core/Geometry.h"
#include "core/design/FaceFrame.h"
#include "core/design/Hairline.h"

#include <vector>

namespace smp::design {

// Signed distance in mm from the edge of the treated scalp: positive behind the hairline (toward
// the crown), negative in front of it (toward the face). Beyond the temple points the edge runs
// straight down the frame's vertical to the sideburns' lower end, level with the eyes, then
// outward: the sides of the head above the ears count as behind, the cheeks, jaw and neck below
// them do not. The side is the even-odd inside of the polygon this edge closes off below: exact
// however wiggly the line, and the same for a point and for a raster.
class HairlineDistance {
public:
    HairlineDistance(const Hairline& hairline, const FaceFrame& frame);
    [[nodiscard]] double at(core::Vec2 mm) const;
    // at() at every node of a raster, node (column, row) at originMm + (column, row) * spacingMm,
    // row-major, in one sweep of the raster plus a strip along the line: exact within bandMm of
    // the line; farther away only the side is known, given as +-infinity.
    [[nodiscard]] std::vector<double> onRaster(core::Vec2 originMm, double spacingMm, int columns, int rows,
                                               double bandMm) const;

private:
    std::vector<core::Vec2> edge_;  // the traced hairline with the sideburns and the outward runs
    core::Vec2 down_;
};

}  // namespace smp::design
