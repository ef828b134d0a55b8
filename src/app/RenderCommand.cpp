#include "app/RenderCommand.h"

#include "core/Errors.h"
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

}  // namespace

void runRenderCommand(const RenderRequest& request) {
    vision::checkImageOutputPath(request.output);  // before the slow work, so a typo fails at once
    const vision::ClientDocument document = vision::openClientDocument(request.input);
    const core::SizePx photoSize{document.photo.width, document.photo.height};
    const core::ExportFrame frame = core::wholePhotoAtWidth(photoSize, request.widthPx.value_or(photoSize.width));
    checkExportSize(frame, request.output);

    render::HeadlessGl gl;
    render::SceneRenderer renderer;
    renderer.setPhoto(document.photo);
    const core::Image image = renderer.renderToImage(frame.size, frame.view);
    vision::writeImage(image, request.output);
}

}  // namespace smp::app
