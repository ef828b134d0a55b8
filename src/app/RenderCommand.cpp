#include "app/RenderCommand.h"

#include "core/Errors.h"
#include "core/ProjectDots.h"
#include "core/ViewTransform.h"
#include "render/HeadlessGl.h"
#include "render/SceneRenderer.h"
#include "vision/ClientDocument.h"
#include "vision/ImageWriter.h"

namespace smp::app {
namespace {

// Exports larger than this on either side are refused as a usage error: the GPUs we draw on
// (llvmpipe included) render at most 16384 px a side.
constexpr int kMaxExportSidePx = 16384;

void checkExportSize(const core::ExportFrame& frame, const std::filesystem::path& output) {
    if (frame.size.width > kMaxExportSidePx || frame.size.height > kMaxExportSidePx)
        throw core::UsageError(output.string() + ": " + std::to_string(frame.size.width) + "x" +
                               std::to_string(frame.size.height) + " px is larger than " +
                               std::to_string(kMaxExportSidePx) + " px on a side; give a smaller --width");
}

// --style and --transition replace the hairline with the style's own, placed in the face frame:
// a quick way to show a client the styles side by side.
void applyStyle(const RenderRequest& request, core::Project& project) {
    if (!request.style && !request.transitionMm) return;
    design::Design& d = *project.design;
    if (request.style) d.style.style = *request.style;
    if (request.transitionMm) d.style.transitionMm = *request.transitionMm;
    d.hairline = design::makeHairline(d.style, d.face);
}

// The frame of one picture: the whole image, or each half of a side-by-side (whose --width is
// the width of both halves together).
core::ExportFrame exportFrame(const RenderRequest& request, core::SizePx photo) {
    const bool halves = request.compare.mode == core::CompareMode::SideBySide;
    std::optional<int> width = request.widthPx;
    if (width && halves) {
        if (*width < 2) throw core::UsageError("--width " + std::to_string(*width) + " leaves no room for two halves");
        width = *width / 2;
    }
    if (!request.region) return core::wholePhotoAtWidth(photo, width.value_or(photo.width));
    const core::RectPx& r = *request.region;
    if (r.x + r.width > photo.width || r.y + r.height > photo.height)
        throw core::UsageError("--region " + std::to_string(r.x) + "," + std::to_string(r.y) + "," +
                               std::to_string(r.width) + "," + std::to_string(r.height) + " reaches outside the " +
                               std::to_string(photo.width) + " x " + std::to_string(photo.height) + " px photo");
    return core::photoRegionAtWidth(r, width.value_or(r.width));
}

// --session alone shows that session settled; --day alone heals the project's own session count.
preview::TimelinePoint timelineOf(const RenderRequest& request, const core::Project& project) {
    preview::TimelinePoint when = core::timelinePoint(project.timeline);
    if (request.sessions) {
        when.sessionsDone = *request.sessions;
        when.day.reset();
    }
    if (request.day) when.day = double(*request.day);
    if (request.settled) when.day.reset();
    return when;
}

}  // namespace

void runRenderCommand(const RenderRequest& request) {
    vision::checkImageOutputPath(request.output);  // before the slow work, so a typo fails at once
    vision::ClientDocument document = vision::openClientDocument(request.input);
    applyStyle(request, document.project);
    const core::SizePx photoSize{document.photo.width, document.photo.height};
    core::ExportFrame frame = exportFrame(request, photoSize);
    if (request.compare.mode == core::CompareMode::SideBySide) frame.size.width *= 2;
    checkExportSize(frame, request.output);
    const core::ProjectSkin skin =
        core::projectSkin(document.project, photoSize, timelineOf(request, document.project));

    render::HeadlessGl gl;
    render::SceneRenderer renderer;
    renderer.setPhoto(document.photo);
    renderer.setDots(skin.looks, document.project.scale.pxPerMm);
    const core::Image image = renderer.renderToImage(frame.size, frame.view, request.compare);
    vision::writeImage(image, request.output);
}

}  // namespace smp::app
