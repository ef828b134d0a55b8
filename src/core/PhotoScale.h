#pragma once
// How many photo pixels make a millimetre on the photo plane, and how we know.

#include <string_view>

namespace smp::core {

// Where the photo's millimetre scale came from, so the artist knows how far to trust it.
enum class ScaleSource {
    Assumed,                 // nothing measured: the photo is taken to be kAssumedPhotoWidthMm wide
    Ruler,                   // two points on the photo with a known distance
    InterpupillaryDistance,  // from the detected eyes and a pupil distance in mm
};

// A phone portrait framed on the head spans roughly this much at the forehead.
inline constexpr double kAssumedPhotoWidthMm = 250.0;

struct PhotoScale {
    double pxPerMm = 4.0;
    ScaleSource source = ScaleSource::Assumed;

    friend bool operator==(const PhotoScale&, const PhotoScale&) = default;
};

PhotoScale assumedScale(int photoWidthPx);
std::string_view scaleSourceName(ScaleSource source);

}  // namespace smp::core
