#include "outputs/ConsultationExport.h"

#include "core/Errors.h"
#include "outputs/BeforeAfterImage.h"
#include "outputs/LabelFacts.h"
#include "outputs/OutputPath.h"
#include "outputs/PlanSheet.h"
#include "outputs/PreviewRenderer.h"
#include "outputs/SessionSheet.h"
#include "outputs/TimelapseVideo.h"
#include "render/HeadlessGl.h"
#include "vision/ImageWriter.h"

namespace smp::outputs {
namespace {

void checkPictureSize(const core::Image& image, const ExportSettings& settings) {
    if (image.width > kMaxExportSidePx || image.height > kMaxExportSidePx)
        throw core::UsageError(settings.output.string() + ": " + std::to_string(image.width) + "x" +
                               std::to_string(image.height) + " px is larger than " + std::to_string(kMaxExportSidePx) +
                               " px on a side; give a smaller --width");
}

// The stills: compose, then write atomically.
ExportResult writePicture(PreviewRenderer& renderer, const ExportSettings& settings, const LabelFacts& facts,
                          const ExportControl& control) {
    const int sessions = renderer.sessionCount();
    int total = 0;
    switch (settings.kind) {
    case ExportKind::BeforeAfter: total = kBeforeAfterSteps; break;
    case ExportKind::Split: total = kSplitSteps; break;
    case ExportKind::Sessions: total = sessionSheetSteps(sessions, settings.dayOne); break;
    case ExportKind::PlanSheet: total = kPlanSheetSteps; break;
    case ExportKind::Timelapse: break;
    }
    ExportSteps steps(control, total + 1);
    ComposedPicture picture;
    switch (settings.kind) {
    case ExportKind::BeforeAfter: picture = beforeAfterPicture(renderer, settings, facts, steps); break;
    case ExportKind::Split: picture = splitPicture(renderer, settings, facts, steps); break;
    case ExportKind::Sessions: picture = sessionSheet(renderer, settings, facts, steps); break;
    case ExportKind::PlanSheet: picture = planSheet(renderer, settings, facts, steps); break;
    case ExportKind::Timelapse: break;
    }
    checkPictureSize(picture.image, settings);
    steps.begin("Writing " + settings.output.filename().string());
    vision::writeImage(picture.image, settings.output, {settings.jpegQuality});
    steps.finish();

    ExportResult result;
    result.kind = settings.kind;
    result.written = settings.output;
    result.size = {picture.image.width, picture.image.height};
    result.labelAreas = std::move(picture.labelAreas);
    return result;
}

ExportResult writeVideo(PreviewRenderer& renderer, const ExportSettings& settings, const LabelFacts& facts,
                        const ExportControl& control) {
    const TimelapseSchedule schedule =
        timelapseSchedule(renderer.sessionCount(), settings.daysBetweenSessions, settings.framesPerSecond);
    ExportSteps steps(control, timelapseSteps(schedule));
    TimelapseOutcome outcome = writeTimelapse(renderer, settings, facts, schedule, steps);
    ExportResult result;
    result.kind = ExportKind::Timelapse;
    result.written = outcome.written;
    result.size = outcome.frameSize;
    result.frames = outcome.frames;
    result.videoCodec = outcome.codec;
    result.wroteFrameFolder = outcome.frameFolder;
    result.notes = std::move(outcome.notes);
    return result;
}

}  // namespace

void checkExportRequest(const ExportSettings& settings) {
    settings.validate();
    checkOutputFolder(settings.output);
}

ExportResult exportConsultation(const ExportSource& source, const ExportSettings& settings,
                                const ExportControl& control) {
    checkExportRequest(settings);
    if (source.photo.empty()) throw core::UsageError("export: the project has no photo loaded");
    if (control.stop.stop_requested()) throw ExportCancelled();
    PreviewRenderer renderer(source.project, source.photo, settings.region);
    const bool closeUp = settings.kind == ExportKind::Sessions || settings.kind == ExportKind::Timelapse;
    if (closeUp && !settings.region && !settings.wholePhoto)
        renderer.frameOn(treatedArea(renderer.layout(), source.project.scale.pxPerMm,
                                     {source.photo.width, source.photo.height}));
    const LabelFacts facts = labelFactsFor(settings, source.project);
    if (settings.kind == ExportKind::Timelapse) return writeVideo(renderer, settings, facts, control);
    return writePicture(renderer, settings, facts, control);
}

ExportResult exportWithOwnContext(const ExportSource& source, const ExportSettings& settings,
                                  const ExportControl& control) {
    checkExportRequest(settings);  // a bad request fails before EGL is started
    render::HeadlessGl gl;
    return exportConsultation(source, settings, control);
}

}  // namespace smp::outputs
