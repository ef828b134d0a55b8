#pragma once
// Finds the client's face and eyes on a photo (OpenCV's Haar cascades, shipped by Debian's
// opencv-data) and turns them into the face frame every hairline style is built in, and the pupil
// distance the photo's millimetre scale comes from.

#include "core/Geometry.h"
#include "core/Image.h"
#include "core/PhotoScale.h"
#include "core/design/FaceFrame.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace smp::vision {

// What the detector saw, in photo pixels. "Left" and "right" are the image's, not the client's.
struct FaceFinding {
    core::RectPx face;
    std::optional<core::RectPx> leftEye, rightEye;
    // The darkest blob in each eye box (the iris), or the box centre when there is none.
    std::optional<core::Vec2> leftPupilPx, rightPupilPx;

    [[nodiscard]] bool bothEyes() const;
};

// Where cascades are looked for, in order: $SMP_HAAR_DIR (when set and not empty), then
// /usr/share/opencv4/haarcascades and /usr/share/opencv/haarcascades.
std::vector<std::filesystem::path> cascadeFolders();

// The first folder holding `fileName`. Throws core::InputError naming the file and every folder
// searched, and what to install.
std::filesystem::path findCascade(std::string_view fileName);
std::filesystem::path findCascade(std::string_view fileName, std::span<const std::filesystem::path> folders);

class FaceDetector {
public:
    // Loads the frontal-face and eye cascades from cascadeFolders() or the given folders. Throws
    // core::InputError when one is missing or is not a cascade OpenCV can read.
    FaceDetector();
    explicit FaceDetector(std::span<const std::filesystem::path> folders);
    ~FaceDetector();
    FaceDetector(FaceDetector&&) noexcept;
    FaceDetector& operator=(FaceDetector&&) noexcept;
    FaceDetector(const FaceDetector&) = delete;
    FaceDetector& operator=(const FaceDetector&) = delete;

    // The largest frontal face, with at most one eye per side searched in its upper half;
    // nullopt when there is no face. Deterministic, and safe to call from several threads.
    // Throws core::UsageError on an empty photo or one that is not 3 or 4 channels.
    [[nodiscard]] std::optional<FaceFinding> find(const core::Image& photo) const;

private:
    struct Cascades;
    std::unique_ptr<Cascades> cascades_;
};

// The face frame in photo-plane millimetres (pixels / scale.pxPerMm). The midline runs through
// the pupils' midpoint, perpendicular to the line between them (a tilted head gives a tilted
// frame); without both eyes it is the face box's vertical centre line. The proportions used for
// the brow and the outer eye corners are documented in the .cpp. Throws core::UsageError on an
// empty face box or a scale that is not a positive number.
design::FaceFrame faceFrameFrom(const FaceFinding& face, const core::PhotoScale& scale);

}  // namespace smp::vision
