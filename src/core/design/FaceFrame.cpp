#include "core/design/FaceFrame.h"

#include <algorithm>
#include <cmath>

namespace smp::design {

double FaceFrame::projectedAbove(double skinMm) const {
    // Below the glabella (temples, sideburns) and without a radius, the photo is the skin.
    if (!(foreheadRadiusMm > 0.0) || skinMm <= 0.0) return skinMm;
    const double angle = std::min(skinMm / foreheadRadiusMm, M_PI / 2.0);
    return foreheadRadiusMm * std::sin(angle);
}

FaceFrame defaultFaceFrame(core::Vec2 photoSizeMm) {
    FaceFrame frame;
    frame.glabella = {photoSizeMm.x * 0.5, photoSizeMm.y * 0.55};
    frame.up = {0.0, -1.0};
    // An adult's outer eye corners span about 90 mm; a framed head is about 1.6 of that wide.
    frame.outerEyeMm = 45.0;
    frame.eyeLineMm = 18.0;
    frame.detected = false;
    return frame;
}

}  // namespace smp::design
