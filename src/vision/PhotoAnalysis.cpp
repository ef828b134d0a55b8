#include "vision/PhotoAnalysis.h"

#include "core/Errors.h"
#include "core/design/Calibration.h"
#include "vision/HeadOutline.h"

namespace smp::vision {

PhotoAnalysis analyzePhoto(const core::Image& photo, const AnalysisOptions& options) {
    PhotoAnalysis analysis;
    const FaceDetector detector;
    analysis.face = detector.find(photo);

    analysis.scale = options.knownScale;
    if (options.knownScale.source == core::ScaleSource::Ruler) {
        analysis.notes.push_back("scale from the ruler; the pupils were not used");
    } else if (analysis.face && analysis.face->bothEyes()) {
        analysis.scale = design::scaleFromPupils(*analysis.face->leftPupilPx, *analysis.face->rightPupilPx,
                                                 options.pupilDistanceMm);
    } else {
        analysis.notes.push_back(analysis.face ? "only one eye found: the scale is assumed; lay a ruler for a measured one"
                                               : "the scale is assumed; lay a ruler for a measured one");
    }

    if (analysis.face) {
        analysis.frame = faceFrameFrom(*analysis.face, analysis.scale);
    } else {
        analysis.notes.push_back("no face found: the hairline is placed in the middle of the photo; drag it into position");
        const double mmPerPx = 1.0 / analysis.scale.pxPerMm;
        analysis.frame = design::defaultFaceFrame({photo.width * mmPerPx, photo.height * mmPerPx});
    }

    try {
        analysis.skin = sampleForehead(photo, analysis.frame, analysis.scale, options.hairlineHeightMm);
    } catch (const core::UsageError& error) {
        analysis.notes.push_back(std::string("no skin tone: ") + error.what());
    }
    return analysis;
}

design::Design placeDesign(const PhotoAnalysis& analysis, const core::Image& photo, const design::StyleParams& style) {
    design::Design d;
    d.face = analysis.frame;
    d.style = style;
    d.hairline = design::makeHairline(style, d.face);
    d.zones.head = proposeHeadOutline(photo, analysis.face);
    return d;
}

PhotoAnalysis placeProjectDesign(core::Project& project, const core::Image& photo) {
    AnalysisOptions options;
    options.pupilDistanceMm = project.pupilDistanceMm;
    options.knownScale = project.scale;
    PhotoAnalysis analysis = analyzePhoto(photo, options);
    project.scale = analysis.scale;
    project.design = placeDesign(analysis, photo);
    return analysis;
}

}  // namespace smp::vision
