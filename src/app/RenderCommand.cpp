#include "app/RenderCommand.h"

#include "core/Errors.h"
#include "core/ViewTransform.h"
#include "render/HeadlessGl.h"
#include "render/SceneRenderer.h"
#include "vision/ClientDocument.h"
#include "vision/ImageWriter.h"

namespace smp::app {

void runRenderCommand(const RenderRequest& request) {
    const vision::ClientDocument document = vision::openClientDocument(request.input);
    const core::SizePx photoSize{document.photo.width, document.photo.height};
    const core::ExportFrame frame = core::wholePhotoAtWidth(photoSize, request.widthPx.value_or(photoSize.width));

    render::HeadlessGl gl;
    render::SceneRenderer renderer;
    renderer.setPhoto(document.photo);
    const core::Image image = renderer.renderToImage(frame.size, frame.view);
    vision::writeImage(image, request.output);
}

}  // namespace smp::app
