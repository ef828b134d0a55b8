#include "render/SceneRenderer.h"

#include "render/RenderError.h"

#include <algorithm>

namespace smp::render {
namespace {

// The canvas backdrop around the photo: a neutral dark grey, given in sRGB and in linear light.
constexpr float kBackdropSrgb = 0.16f;
constexpr float kBackdropLinear = 0.0222f;  // sRGB 0.16 decoded

// Texture units of the photo pass.
constexpr int kPhotoUnit = 0;
constexpr int kCompositeUnit = 1;
constexpr int kTransmittanceUnit = 2;

void bindTexture(int unit, GLuint texture) {
    glActiveTexture(GLenum(GL_TEXTURE0 + unit));
    glBindTexture(GL_TEXTURE_2D, texture);
}

}  // namespace

SceneRenderer::SceneRenderer()
    : photoProgram_("photo.vert", "photo.frag"),
      photoWithDotsProgram_("photo.vert", "photo_dots.frag"),
      closeUpProgram_("photo.vert", "photo_closeup.frag"),
      emptyVertexArray_(VertexArrayHandle::create()) {
    throwOnGlError("setting up the scene renderer");
}

void SceneRenderer::setPhoto(const core::Image& photo) {
    photo_ = std::make_unique<PhotoTexture>(photo);
    dotLayer_.photoChanged();
}

void SceneRenderer::render(RenderTarget& target, const core::ViewTransform& view) {
    if (photo_) dotLayer_.prepare(*photo_);
    target.bind();
    glDisable(GL_BLEND);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_FRAMEBUFFER_SRGB);
    glClearColor(kBackdropSrgb, kBackdropSrgb, kBackdropSrgb, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);

    if (photo_) {
        ShaderProgram& program = pickPhotoProgram(view);
        const core::SizePx targetSize = target.size();
        const core::SizePx photoSize = photo_->size();
        program.use();
        program.set("uViewSizePx", float(targetSize.width), float(targetSize.height));
        program.set("uPhotoSizePx", float(photoSize.width), float(photoSize.height));
        program.set("uZoom", float(view.zoom));
        program.set("uOffsetPx", float(view.offsetPx.x), float(view.offsetPx.y));
        program.set("uBackgroundLinear", kBackdropLinear, kBackdropLinear, kBackdropLinear);
        program.set("uPhoto", kPhotoUnit);
        program.set("uComposite", kCompositeUnit);
        program.set("uTransmittance", kTransmittanceUnit);
        bindTexture(kTransmittanceUnit, dotLayer_.transmittance());
        bindTexture(kCompositeUnit, dotLayer_.composite());
        bindTexture(kPhotoUnit, photo_->name());
        glBindVertexArray(emptyVertexArray_.get());
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
        glBindVertexArray(0);
        for (int unit : {kTransmittanceUnit, kCompositeUnit, kPhotoUnit}) bindTexture(unit, 0);
        glUseProgram(0);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    throwOnGlError("drawing the scene");
}

ShaderProgram& SceneRenderer::pickPhotoProgram(const core::ViewTransform& view) {
    if (!dotLayer_.shown()) return photoProgram_;
    // View pixels per dot layer texel: past 1, bilinear filtering would show the texel grid in
    // the dots, and from 1 to 2 the close-up filter eases in.
    const double magnification = view.zoom * photo_->size().width / dotLayer_.textureSize().width;
    if (magnification <= 1.0) return photoWithDotsProgram_;
    closeUpProgram_.use();
    closeUpProgram_.set("uCloseUp", float(std::min(magnification - 1.0, 1.0)));
    return closeUpProgram_;
}

core::Image SceneRenderer::renderToImage(core::SizePx size, const core::ViewTransform& view) {
    exportTarget_.resize(size);
    render(exportTarget_, view);
    return exportTarget_.read(3);
}

}  // namespace smp::render
