#include "core/design/Calibration.h"

#include "core/Errors.h"

#include <cmath>
#include <sstream>

namespace smp::design {
namespace {

// Below a pixel the two points cannot be told apart on the photo.
constexpr double kMinSpanPx = 1.0;

core::PhotoScale scaleFromSpan(core::Vec2 a, core::Vec2 b, double lengthMm, core::ScaleSource source,
                               const char* what) {
    if (!std::isfinite(lengthMm) || lengthMm <= 0.0) {
        std::ostringstream message;
        message << what << ": the length must be a positive number of mm, not " << lengthMm;
        throw core::UsageError(message.str());
    }
    const double spanPx = core::distance(a, b);
    if (!std::isfinite(spanPx) || spanPx < kMinSpanPx) {
        std::ostringstream message;
        message << what << ": the two points are " << spanPx
                << " px apart; place them at least a pixel apart, on the ends of something of known length";
        throw core::UsageError(message.str());
    }
    return {spanPx / lengthMm, source};
}

}  // namespace

core::PhotoScale scaleFromPupils(core::Vec2 leftPupilPx, core::Vec2 rightPupilPx, double pupilDistanceMm) {
    return scaleFromSpan(leftPupilPx, rightPupilPx, pupilDistanceMm, core::ScaleSource::InterpupillaryDistance,
                         "pupil distance");
}

core::PhotoScale scaleFromRuler(core::Vec2 aPx, core::Vec2 bPx, double lengthMm) {
    return scaleFromSpan(aPx, bPx, lengthMm, core::ScaleSource::Ruler, "ruler");
}

}  // namespace smp::design
