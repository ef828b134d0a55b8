#pragma once
// Everything the photo itself tells us before the artist touches it: the face, the scale, the
// face frame the hairline is built in and the skin tone. What cannot be found is said in
// `notes` together with what was assumed instead, never silently guessed.

#include "core/Image.h"
#include "core/PhotoScale.h"
#include "core/Project.h"
#include "core/design/Design.h"
#include "vision/FaceDetector.h"
#include "vision/SkinSampler.h"

#include <optional>
#include <string>
#include <vector>

namespace smp::vision {

struct PhotoAnalysis {
    std::optional<FaceFinding> face;
    core::PhotoScale scale;
    design::FaceFrame frame;
    std::optional<SkinReading> skin;  // absent when the forehead falls outside the photo
    std::vector<std::string> notes;
};

struct AnalysisOptions {
    double pupilDistanceMm = 63.0;
    core::PhotoScale knownScale;  // a ruler's scale always wins; an assumed one only when no eyes are found
    double hairlineHeightMm = 80.0;  // where the forehead sample stops
};

// Throws core::InputError when the Haar cascades are not installed.
PhotoAnalysis analyzePhoto(const core::Image& photo, const AnalysisOptions& options);

// A first design for a photo: the standard style in the face frame and the head outline
// proposal. The artist edits it from there.
design::Design placeDesign(const PhotoAnalysis& analysis, const core::Image& photo,
                           const design::StyleParams& style = {});

// Fills in what a project without a design needs from its photo: the scale (unless a ruler
// set it) and the design. Returns the analysis it was placed from.
PhotoAnalysis placeProjectDesign(core::Project& project, const core::Image& photo);

}  // namespace smp::vision
