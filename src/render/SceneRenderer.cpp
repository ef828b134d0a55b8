#include "render/SceneRenderer.h"

#include "render/RenderError.h"

namespace smp::render {
namespace {

// The canvas backdrop around the photo: a neutral dark grey, given in sRGB and in linear light.
constexpr float kBackdropSrgb = 0.16f;
constexpr float kBackdropLinear = 0.0222f;  // sRGB 0.16 decoded

}  // namespace

SceneRenderer::SceneRenderer()
    : photoProgram_("photo.vert", "photo.frag"), emptyVertexArray_(VertexArrayHandle::create()) {
    throwOnGlError("setting up the scene renderer");
}

void SceneRenderer::setPhoto(const core::Image& photo) { photo_ = std::make_unique<PhotoTexture>(photo); }

void SceneRenderer::render(RenderTarget& target, const core::ViewTransform& view) {
    target.bind();
    glDisable(GL_BLEND);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_FRAMEBUFFER_SRGB);
    glClearColor(kBackdropSrgb, kBackdropSrgb, kBackdropSrgb, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);

    if (photo_) {
        const core::SizePx targetSize = target.size();
        const core::SizePx photoSize = photo_->size();
        photoProgram_.use();
        photoProgram_.set("uViewSizePx", float(targetSize.width), float(targetSize.height));
        photoProgram_.set("uPhotoSizePx", float(photoSize.width), float(photoSize.height));
        photoProgram_.set("uZoom", float(view.zoom));
        photoProgram_.set("uOffsetPx", float(view.offsetPx.x), float(view.offsetPx.y));
        photoProgram_.set("uPhoto", 0);
        photoProgram_.set("uBackgroundLinear", kBackdropLinear, kBackdropLinear, kBackdropLinear);
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, photo_->name());
        glBindVertexArray(emptyVertexArray_.get());
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
        glBindVertexArray(0);
        glBindTexture(GL_TEXTURE_2D, 0);
        glUseProgram(0);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    throwOnGlError("drawing the scene");
}

core::Image SceneRenderer::renderToImage(core::SizePx size, const core::ViewTransform& view) {
    exportTarget_.resize(size);
    render(exportTarget_, view);
    return exportTarget_.read(3);
}

}  // namespace smp::render
