#include "render/SceneRenderer.h"

#include "render/CpuComposite.h"
#include "render/RenderError.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <vector>

namespace smp::render {
namespace {

// The canvas backdrop around the photo: a neutral dark grey, given in sRGB and in linear light.
constexpr float kBackdropSrgb = 0.16f;
constexpr float kBackdropLinear = 0.0222f;  // sRGB 0.16 decoded

// The split's divider: a light line between dark edges, so that it reads on pale and dark skin
// alike. Written as sRGB values straight into the target.
constexpr int kDividerLightPx = 2;
constexpr int kDividerEdgePx = 1;
constexpr float kDividerLightSrgb = 0.93f;
constexpr float kDividerEdgeSrgb = 0.08f;

// Texture units of the photo pass.
constexpr int kPhotoUnit = 0;
constexpr int kCompositeUnit = 1;
constexpr int kTransmittanceUnit = 2;

void bindTexture(int unit, GLuint texture, GLuint sampler = 0) {
    glActiveTexture(GLenum(GL_TEXTURE0 + unit));
    glBindTexture(GL_TEXTURE_2D, texture);
    glBindSampler(GLuint(unit), sampler);
}

core::RectPx intersect(core::RectPx a, core::RectPx b) {
    const int x0 = std::max(a.x, b.x), y0 = std::max(a.y, b.y);
    const int x1 = std::min(a.x + a.width, b.x + b.width), y1 = std::min(a.y + a.height, b.y + b.height);
    return {x0, y0, std::max(0, x1 - x0), std::max(0, y1 - y0)};
}

// GL counts rows from the bottom; views count them from the top.
void setScissor(core::SizePx target, core::RectPx rect) {
    glScissor(rect.x, target.height - rect.y - rect.height, rect.width, rect.height);
}
void setViewport(core::SizePx target, core::RectPx rect) {
    glViewport(rect.x, target.height - rect.y - rect.height, rect.width, rect.height);
}

void fill(core::SizePx target, core::RectPx rect, float srgb) {
    if (rect.empty()) return;
    setScissor(target, rect);
    glClearColor(srgb, srgb, srgb, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
}

// Where the split's divider stands in a target `width` wide; 0 or width when it shows one side.
int dividerX(const core::CompareView& compare, int width) {
    return int(std::lround(std::clamp(compare.divider, 0.0, 1.0) * width));
}

}  // namespace

SceneRenderer::SceneRenderer()
    : photoProgram_("photo.vert", "photo.frag"),
      photoWithDotsProgram_("photo.vert", "photo_dots.frag"),
      closeUpEaseProgram_("photo.vert", "photo_closeup_ease.frag"),
      closeUpProgram_("photo.vert", "photo_closeup.frag"),
      emptyVertexArray_(VertexArrayHandle::create()),
      magnifyingSampler_(SamplerHandle::create()) {
    const GLuint sampler = magnifyingSampler_.get();
    glSamplerParameteri(sampler, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glSamplerParameteri(sampler, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glSamplerParameteri(sampler, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glSamplerParameteri(sampler, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    throwOnGlError("setting up the scene renderer");
}

void SceneRenderer::setPhoto(const core::Image& photo) {
    photo_ = std::make_unique<PhotoTexture>(photo);
    photoPixels_ = photo;
    ++photoRevision_;
    dotLayer_.photoChanged();
}

void SceneRenderer::render(RenderTarget& target, const core::ViewTransform& view, const core::CompareView& compare,
                           FrameQuality quality) {
    if (photo_) dotLayer_.prepare(*photo_, &photoPixels_);
    FrameContent wanted = contentOf(target.size(), view, compare, quality);
    const core::SizePx size = target.size();
    std::optional<FrameBorder> border;
    if (compare.mode == core::CompareMode::Split && wanted.dividerX > 0 && wanted.dividerX < size.width)
        border = FrameBorder{wanted.dividerX, kDividerLightPx / 2 + kDividerEdgePx};
    if (compare.mode == core::CompareMode::SideBySide) border = FrameBorder{size.width / 2, 0};
    const std::optional<KeptFrame::Reused> reused =
        keptFrame_.reuse(target, wanted, border, dotsEditIn(size, view, compare));
    if (reused) {
        for (const core::RectPx& rect : reused->toDraw) drawFrame(size, view, compare, rect, quality);
    } else {
        target.bind();
        drawFrame(size, view, compare, {0, 0, size.width, size.height}, quality);
    }
    keptFrame_.keep(target, wanted, reused && reused->inPlace ? &reused->toDraw : nullptr);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    throwOnGlError("drawing the scene");
}

core::Image SceneRenderer::renderToImage(core::SizePx size, const core::ViewTransform& view,
                                         const core::CompareView& compare) {
    if (std::optional<core::Image> image = renderOnCpu(size, view, compare)) return std::move(*image);
    exportTarget_.resize(size);
    if (photo_) dotLayer_.prepare(*photo_, &photoPixels_);
    exportTarget_.bind();
    drawFrame(size, view, compare, {0, 0, size.width, size.height});
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    throwOnGlError("drawing the scene");
    return exportTarget_.read(3);
}

std::optional<core::Image> SceneRenderer::renderOnCpu(core::SizePx size, const core::ViewTransform& view,
                                                      const core::CompareView& compare) {
    // 1:1 the GL path samples every texel at its centre and encodes back exactly what it decoded,
    // so its pixels are the photo's, or the composite's. Transparency and a photo past the GPU's
    // or the layer's limits (resampled there) are left to it.
    if (!photo_ || photoPixels_.channels != 3 || photo_->shrinkFactor() != 1) return std::nullopt;
    if (compare.mode != core::CompareMode::After && compare.mode != core::CompareMode::Before) return std::nullopt;
    if (!(size == photo_->size()) || view.zoom != 1.0 || view.offsetPx.x != 0.0 || view.offsetPx.y != 0.0)
        return std::nullopt;
    if (compare.mode == core::CompareMode::Before || !dotLayer_.updateCanvas(size)) return photoPixels_;
    if (!(dotLayer_.grid().texels == size)) return std::nullopt;
    return compositeImage(photoPixels_, dotLayer_.canvas().pigment(), dotLayer_.optics());
}

core::RectPx SceneRenderer::viewRectReaching(core::RectPx photoRect, const core::ViewTransform& view,
                                             core::SizePx size) const {
    if (photoRect.empty()) return {};
    // How far from a changed texel a view pixel may still read it, in layer texels: the close-up's
    // B-spline reads two texels to each side; zoomed out, trilinear filtering reads a 2x2 of the
    // coarser mipmap level (texels up to twice the view pixel's footprint), and the edit's
    // mipmap texels reach a coarse texel past the rectangle. Generous: a wider band costs little.
    const double texelPx = double(photo_->size().width) / dotLayer_.textureSize().width;  // photo px
    const double texelsPerViewPx = 1.0 / (view.zoom * texelPx);
    const double marginPhotoPx = (3.0 + 8.0 * std::max(1.0, texelsPerViewPx)) * texelPx;
    const double x0 = (photoRect.x - marginPhotoPx) * view.zoom + view.offsetPx.x;
    const double y0 = (photoRect.y - marginPhotoPx) * view.zoom + view.offsetPx.y;
    const double x1 = (photoRect.x + photoRect.width + marginPhotoPx) * view.zoom + view.offsetPx.x;
    const double y1 = (photoRect.y + photoRect.height + marginPhotoPx) * view.zoom + view.offsetPx.y;
    const auto clamped = [](double v, int hi) { return int(std::clamp(v, -1.0, double(hi) + 1.0)); };
    const int left = clamped(std::floor(x0) - 1, size.width), top = clamped(std::floor(y0) - 1, size.height);
    const int right = clamped(std::ceil(x1) + 1, size.width), bottom = clamped(std::ceil(y1) + 1, size.height);
    return intersect({left, top, right - left, bottom - top}, {0, 0, size.width, size.height});
}

FrameContent SceneRenderer::contentOf(core::SizePx size, const core::ViewTransform& view,
                                                     const core::CompareView& compare, FrameQuality quality) const {
    FrameContent content;
    content.quality = quality;
    content.size = size;
    content.photoRevision = photoRevision_;
    content.dotLayerDraws = dotLayer_.draws();
    content.dotsShown = dotLayer_.shown();
    content.compareMode = compare.mode;
    if (compare.mode == core::CompareMode::Split) content.dividerX = dividerX(compare, size.width);
    content.zoom = view.zoom;
    content.offsetPx = view.offsetPx;
    return content;
}

DotsEdit SceneRenderer::dotsEditIn(core::SizePx size, const core::ViewTransform& view,
                                   const core::CompareView& compare) const {
    const DotLayer::Change& change = dotLayer_.lastChange();
    DotsEdit edit{change.sinceDraws, {}};
    if (!photo_) return edit;
    if (compare.mode == core::CompareMode::SideBySide) {
        // The after half is drawn through the view as if it were the whole target.
        const int left = size.width / 2;
        const core::RectPx half = viewRectReaching(change.photoRect, view, {size.width - left, size.height});
        if (!half.empty()) edit.viewRect = {half.x + left, half.y, half.width, half.height};
    } else if (compare.mode != core::CompareMode::Before) {  // Before shows no dots at all
        edit.viewRect = viewRectReaching(change.photoRect, view, size);
    }
    return edit;
}

void SceneRenderer::drawFrame(core::SizePx size, const core::ViewTransform& view, const core::CompareView& compare,
                              core::RectPx clip, FrameQuality quality) {
    glDisable(GL_BLEND);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_FRAMEBUFFER_SRGB);
    glEnable(GL_SCISSOR_TEST);
    const core::RectPx whole{0, 0, size.width, size.height};
    switch (compare.mode) {
        case core::CompareMode::After: drawPhoto(size, view, true, whole, clip, quality); break;
        case core::CompareMode::Before: drawPhoto(size, view, false, whole, clip, quality); break;
        case core::CompareMode::Split: {
            // One view for both sides: only the scissor tells them apart.
            const int x = dividerX(compare, size.width);
            drawPhoto(size, view, false, whole, intersect(clip, {0, 0, x, size.height}), quality);
            drawPhoto(size, view, true, whole, intersect(clip, {x, 0, size.width - x, size.height}), quality);
            if (x > 0 && x < size.width) {
                const int edge = kDividerLightPx / 2 + kDividerEdgePx;
                fill(size, intersect(clip, {x - edge, 0, 2 * edge, size.height}), kDividerEdgeSrgb);
                fill(size, intersect(clip, {x - kDividerLightPx / 2, 0, kDividerLightPx, size.height}),
                     kDividerLightSrgb);
            }
            break;
        }
        case core::CompareMode::SideBySide: {
            const int left = size.width / 2;
            drawPhoto(size, view, false, {0, 0, left, size.height}, clip, quality);
            drawPhoto(size, view, true, {left, 0, size.width - left, size.height}, clip, quality);
            break;
        }
    }
    glDisable(GL_SCISSOR_TEST);
    glViewport(0, 0, size.width, size.height);
}

void SceneRenderer::drawPhoto(core::SizePx size, const core::ViewTransform& view, bool withDots,
                              core::RectPx viewport, core::RectPx clip, FrameQuality quality) {
    const core::RectPx shown = intersect(viewport, clip);
    if (shown.empty()) return;
    fill(size, shown, kBackdropSrgb);
    if (!photo_) return;

    setViewport(size, viewport);
    ShaderProgram& program = pickPhotoProgram(view, withDots, quality);
    const core::SizePx photoSize = photo_->size();
    program.use();
    program.set("uViewSizePx", float(viewport.width), float(viewport.height));
    program.set("uPhotoSizePx", float(photoSize.width), float(photoSize.height));
    program.set("uZoom", float(view.zoom));
    program.set("uOffsetPx", float(view.offsetPx.x), float(view.offsetPx.y));
    program.set("uBackgroundLinear", kBackdropLinear, kBackdropLinear, kBackdropLinear);
    program.set("uPhoto", kPhotoUnit);
    program.set("uComposite", kCompositeUnit);
    program.set("uTransmittance", kTransmittanceUnit);
    // Magnified textures get the plain bilinear sampler: the same pixels, and a quarter less work
    // for llvmpipe than finding out per pixel that no mipmap is needed.
    const double photoMagnification = view.zoom * photo_->shrinkFactor();
    const bool dotLayerMagnified =
        dotLayer_.shown() && view.zoom * photoSize.width >= double(dotLayer_.textureSize().width);
    const GLuint magnifying = magnifyingSampler_.get();
    bindTexture(kTransmittanceUnit, dotLayer_.transmittance());
    bindTexture(kCompositeUnit, dotLayer_.composite(), dotLayerMagnified ? magnifying : 0);
    bindTexture(kPhotoUnit, photo_->name(), photoMagnification >= 1.0 ? magnifying : 0);
    setScissor(size, shown);
    glBindVertexArray(emptyVertexArray_.get());
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    glBindVertexArray(0);
    for (int unit : {kTransmittanceUnit, kCompositeUnit, kPhotoUnit}) bindTexture(unit, 0);
    glUseProgram(0);
}

ShaderProgram& SceneRenderer::pickPhotoProgram(const core::ViewTransform& view, bool withDots, FrameQuality quality) {
    if (!withDots || !dotLayer_.shown()) return photoProgram_;
    if (quality == FrameQuality::Moving) return photoWithDotsProgram_;
    // View pixels per dot layer texel: past 1, bilinear filtering would show the texel grid in
    // the dots, and from 1 to 2 the close-up filter eases in.
    const double magnification = view.zoom * photo_->size().width / dotLayer_.textureSize().width;
    if (magnification <= 1.0) return photoWithDotsProgram_;
    if (magnification >= 2.0) return closeUpProgram_;
    closeUpEaseProgram_.use();
    closeUpEaseProgram_.set("uCloseUp", float(magnification - 1.0));
    return closeUpEaseProgram_;
}


}  // namespace smp::render
