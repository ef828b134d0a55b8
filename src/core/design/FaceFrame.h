#pragma once
// Where the face is, in the artist's terms: the midline, the glabella (the point between the
// brows the hairline is measured from) and how wide the eyes reach. Every hairline style is
// built in this frame, so a tilted head gets a tilted hairline.
//
// Photo-plane millimetres throughout: x to the right, y down, origin at the photo's top-left
// corner (pixels divided by the photo's px/mm).

#include "core/Geometry.h"

namespace smp::design {

struct FaceFrame {
    core::Vec2 glabella{125.0, 150.0};  // mm on the photo plane
    core::Vec2 up{0.0, -1.0};           // unit vector along the midline, toward the crown
    double outerEyeMm = 45.0;           // midline to the vertical through an outer eye corner
    double eyeLineMm = 18.0;            // how far the eye line lies below the glabella (~0.28 pupil distance)
    bool detected = false;              // false: a default the artist drags into place
    // The forehead curves away from a frontal camera: a hairline 80 mm above the glabella on the
    // skin (the tape measure's figure) shows about 72 mm above it on the photo. Heights of the
    // styles are measured on the skin and projected with this radius of the forehead's curve
    // (a bald adult head's brow-to-crown arc is close to a 100 mm circle); 0 takes the photo
    // plane for the skin.
    double foreheadRadiusMm = 100.0;

    // Unit vector across the face, toward the image's right (the client's left).
    [[nodiscard]] core::Vec2 across() const { return {-up.y, up.x}; }

    // The point `acrossMm` to the right of the midline and `aboveMm` above the glabella.
    [[nodiscard]] core::Vec2 toPhoto(double acrossMm, double aboveMm) const {
        return glabella + across() * acrossMm + up * aboveMm;
    }
    [[nodiscard]] double acrossOf(core::Vec2 mm) const { return core::dot(mm - glabella, across()); }
    [[nodiscard]] double aboveOf(core::Vec2 mm) const { return core::dot(mm - glabella, up); }

    // The same point reflected about the midline.
    [[nodiscard]] core::Vec2 mirror(core::Vec2 mm) const { return toPhoto(-acrossOf(mm), aboveOf(mm)); }

    // Height above the glabella on the photo of a point `skinMm` above it on the skin.
    [[nodiscard]] double projectedAbove(double skinMm) const;

    friend bool operator==(const FaceFrame&, const FaceFrame&) = default;
};

// No face found: a frame centred on the photo, the glabella 55% of the way down, sized for a
// head that fills the frame. The artist drags the hairline from there.
FaceFrame defaultFaceFrame(core::Vec2 photoSizeMm);

}  // namespace smp::design
