// The face frame from what the detector found, by facial proportions.
#include "vision/FaceDetector.h"

#include "core/Errors.h"

#include <cmath>
#include <string>

namespace smp::vision {
namespace {

// Facial proportions for the face frame, as shares of the interpupillary distance (IPD; adult mean
// ~63 mm: Dodgson, "Variation and extrema of human interpupillary distance", SPIE 2004) so that
// they hold whatever the photo's scale.
// - Glabella above the pupil line, two ways:
//   brow: the first row of brow hairs lies ~19.5 mm above the inferior corneal limbus ("Measurement
//   of eyebrow position from inferior corneal limbus to brow", 213 adults: 19.4 mm men, 19.7 mm
//   women), the limbus ~6 mm below the pupil centre: the brow's lower edge is ~14 mm above the
//   pupils, its middle ~18 mm, and the soft-tissue glabella lies between the brows at that height;
//   nasion: the glabella is ~11 mm above the nasion (trichion-glabella 61.4 vs trichion-nasion
//   72.2 mm, Korean adult norms, J Korean Assoc Maxillofac Plast Reconstr Surg 2019), the nasion
//   ~7 mm above the pupils (level with the upper lid crease).
//   Both give ~18 mm: 0.28 IPD.
constexpr double kGlabellaAbovePupilsPerIpd = 0.28;
// Outer eye corner to the midline: biocular width (ex-ex) is 94-98 mm (the same Korean norms)
// against a 63 mm IPD, so half of it is ~0.76 IPD. Used when an eye box is missing; with both
// boxes their outer edges are used (on astronaut.png and the demo head they fall within a few
// pixels of the outer corners).
constexpr double kOuterEyePerIpd = 0.76;
// Without eyes, the frontal-face cascade's box stands in: on frontal portraits its pupils lie
// ~0.35-0.42 of the way down the box and ~0.42-0.47 of its width apart.
constexpr double kEyeLineInFaceBox = 0.38;
constexpr double kIpdPerFaceWidth = 0.44;

}  // namespace

design::FaceFrame faceFrameFrom(const FaceFinding& face, const core::PhotoScale& scale) {
    if (face.face.empty())
        throw core::UsageError("face frame: the face box is empty (" + std::to_string(face.face.width) + "x" +
                               std::to_string(face.face.height) + " px)");
    if (!std::isfinite(scale.pxPerMm) || scale.pxPerMm <= 0)
        throw core::UsageError("face frame: the photo scale must be a positive number of px/mm, not " +
                               std::to_string(scale.pxPerMm));
    const core::RectPx& box = face.face;
    core::Vec2 midPx{box.x + box.width * 0.5, box.y + box.height * kEyeLineInFaceBox};
    core::Vec2 across{1.0, 0.0};
    double ipdPx = box.width * kIpdPerFaceWidth;
    if (face.bothEyes()) {
        core::Vec2 span = *face.rightPupilPx - *face.leftPupilPx;
        if (span.x < 0) span = span * -1.0;  // pupils given the other way round: `up` still points up
        if (core::length(span) >= 1.0) {
            ipdPx = core::length(span);
            across = span * (1.0 / ipdPx);
            midPx = (*face.leftPupilPx + *face.rightPupilPx) * 0.5;
        }
    } else if (const auto& onePupil = face.leftPupilPx ? face.leftPupilPx : face.rightPupilPx) {
        midPx.y = onePupil->y;  // one eye still says where the eye line is
    }
    const core::Vec2 up{across.y, -across.x};

    double outerPx = kOuterEyePerIpd * ipdPx;
    if (face.leftEye && face.rightEye) {
        const auto outerCorner = [](const core::RectPx& eye, bool leftSide) {
            return core::Vec2{eye.x + (leftSide ? 0.0 : double(eye.width)), eye.y + eye.height * 0.5};
        };
        outerPx = 0.5 * (std::abs(core::dot(outerCorner(*face.leftEye, true) - midPx, across)) +
                         std::abs(core::dot(outerCorner(*face.rightEye, false) - midPx, across)));
    }

    const double mmPerPx = 1.0 / scale.pxPerMm;
    const double glabellaAbovePx = kGlabellaAbovePupilsPerIpd * ipdPx;
    design::FaceFrame frame;
    frame.glabella = (midPx + up * glabellaAbovePx) * mmPerPx;
    frame.up = up;
    frame.outerEyeMm = outerPx * mmPerPx;
    frame.eyeLineMm = glabellaAbovePx * mmPerPx;
    frame.detected = true;
    return frame;
}

}  // namespace smp::vision
