#include "render/DotLayer.h"

#include "render/CpuComposite.h"
#include "render/RenderError.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

namespace smp::render {
namespace {

TextureHandle makeTexture(GLenum internalFormat, core::SizePx size, GLenum format, GLenum type, const void* pixels,
                          GLenum minFilter) {
    TextureHandle texture = TextureHandle::create();
    glBindTexture(GL_TEXTURE_2D, texture.get());
    glTexImage2D(GL_TEXTURE_2D, 0, GLint(internalFormat), size.width, size.height, 0, format, type, pixels);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GLint(minFilter));
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glBindTexture(GL_TEXTURE_2D, 0);
    return texture;
}

// A framebuffer drawing into `texture`, and into `second` as the fragment shader's output 1.
FramebufferHandle framebufferFor(const TextureHandle& texture, const char* what, const TextureHandle* second = nullptr) {
    FramebufferHandle framebuffer = FramebufferHandle::create();
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer.get());
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture.get(), 0);
    if (second) {
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT1, GL_TEXTURE_2D, second->get(), 0);
        const GLenum both[] = {GL_COLOR_ATTACHMENT0, GL_COLOR_ATTACHMENT1};
        glDrawBuffers(2, both);
    }
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (status != GL_FRAMEBUFFER_COMPLETE) throw RenderError(std::string(what) + " framebuffer is incomplete");
    return framebuffer;
}

core::SizePx mipmapSize(core::SizePx size, int level) {
    return {std::max(1, size.width >> level), std::max(1, size.height >> level)};
}

// The texels of `level` made from the level-0 texels in `rect` (each averages a 2^level block).
core::RectPx atMipmapLevel(core::RectPx rect, int level) {
    const int x0 = rect.x >> level, y0 = rect.y >> level;
    const int x1 = (rect.x + rect.width + (1 << level) - 1) >> level;
    const int y1 = (rect.y + rect.height + (1 << level) - 1) >> level;
    return {x0, y0, x1 - x0, y1 - y0};
}

core::RectPx boundingRect(std::span<const core::RectPx> rects) {
    int x0 = rects.front().x, y0 = rects.front().y;
    int x1 = x0 + rects.front().width, y1 = y0 + rects.front().height;
    for (const core::RectPx& r : rects) {
        x0 = std::min(x0, r.x), y0 = std::min(y0, r.y);
        x1 = std::max(x1, r.x + r.width), y1 = std::max(y1, r.y + r.height);
    }
    return {x0, y0, x1 - x0, y1 - y0};
}

// Draws the bound program over `rect` of the bound framebuffer.
void drawOver(core::RectPx rect) {
    glScissor(rect.x, rect.y, rect.width, rect.height);  // texel rows are framebuffer rows
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

}  // namespace

DotLayer::DotLayer()
    : compositeProgram_("fullscreen.vert", "composite.frag"),
      mipmapProgram_("fullscreen.vert", "composite_mipmap.frag"),
      resampleProgram_("fullscreen.vert", "composite_photo.frag"),
      emptyVertexArray_(VertexArrayHandle::create()),
      mipmapFramebuffer_(FramebufferHandle::create()) {
    GLint maxTexture = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &maxTexture);
    maxSide_ = std::min(kMaxPigmentSide, int(maxTexture));
    throwOnGlError("setting up the dot layer");
}

void DotLayer::setDots(std::span<const dots::Dot> dots, double pxPerMm) {
    std::vector<preview::DotLook> looks;
    looks.reserve(dots.size());
    for (const dots::Dot& dot : dots) looks.push_back(preview::settledLook(dot));
    setDots(looks, pxPerMm);
}

void DotLayer::setDots(std::span<const preview::DotLook> dots, double pxPerMm) {
    if (!(pxPerMm > 0.0) || !std::isfinite(pxPerMm))
        throw std::invalid_argument("dots need a positive photo scale, got " + std::to_string(pxPerMm) + " px/mm");
    dots_.assign(dots.begin(), dots.end());
    pxPerMm_ = pxPerMm;
    dotsDirty_ = true;
}

void DotLayer::clear() {
    dots_.clear();
    dotsDirty_ = true;
}

void DotLayer::setOptics(const PigmentOptics& optics) {
    optics_ = optics;
    dotsDirty_ = true;
}

bool DotLayer::updateCanvas(core::SizePx photoPx) {
    if (!dotsDirty_ && photoPx == canvasForPhoto_) return canvasHoldsDots_;
    canvasForPhoto_ = photoPx;
    dotsDirty_ = false;
    canvasHoldsDots_ = false;
    if (dots_.empty() || photoPx.empty()) return false;
    const PigmentGrid grid = pigmentGrid(photoPx, pxPerMm_, maxSide_);
    try {
        const std::vector<core::RectPx> changed = canvas_.redraw(dots_, grid, optics_);
        pending_.insert(pending_.end(), changed.begin(), changed.end());
    } catch (...) {
        // The raster may hold part of an edit: the next try redraws it, and the textures, whole.
        canvas_.invalidate();
        texturesStale_ = true;
        dotsDirty_ = true;
        throw;
    }
    // Exports without a frame between them must not pile up rectangles: past a few, the one
    // around them all (as PigmentCanvas does for a scattered edit).
    if (pending_.size() > 64) pending_ = {boundingRect(pending_)};
    grid_ = grid;
    canvasHoldsDots_ = true;
    ++draws_;
    return true;
}

void DotLayer::prepare(const PhotoTexture& photo, const core::Image* photoPixels) {
    if (!updateCanvas(photo.size())) {
        drawn_ = false;
        return;
    }
    if (drawn_ && pending_.empty() && !texturesStale_) {
        // Redrawn dots that changed no texel: a frame of the layer as it was still holds.
        if (drawsAtUpload_ != draws_) lastChange_ = {std::exchange(drawsAtUpload_, draws_), {}};
        return;
    }
    drawn_ = false;
    try {
        drawLayer(photo, photoPixels);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        throwOnGlError("drawing the dot layer");
    } catch (...) {
        // The textures may hold part of an edit: the next prepare redoes them whole.
        texturesStale_ = true;
        throw;
    }
    drawn_ = true;
}

void DotLayer::drawLayer(const PhotoTexture& photo, const core::Image* photoPixels) {
    if (allocate(grid_.texels)) texturesStale_ = pigmentTextureStale_ = true;
    const core::RectPx whole{0, 0, textureSize_.width, textureSize_.height};
    const bool photoChanged = texturesStale_;
    std::vector<core::RectPx> changed = texturesStale_ ? std::vector<core::RectPx>{whole} : pending_;
    // The CPU's composite is the one a 1:1 export gets (CpuComposite.h), so the canvas and the
    // exports agree, and on llvmpipe it costs less than GL's pass (a full change of 60k dots on a
    // 1000x1300 photo: ~105 against ~130 ms). It needs the photo texel for texel.
    const bool onCpu = photoPixels && photo.shrinkFactor() == 1 && photoPixels->width == textureSize_.width &&
                       photoPixels->height == textureSize_.height;
    if (!changed.empty()) {
        glDisable(GL_BLEND);
        glDisable(GL_DEPTH_TEST);
        glDisable(GL_FRAMEBUFFER_SRGB);
        glEnable(GL_SCISSOR_TEST);
        glBindVertexArray(emptyVertexArray_.get());
        if (onCpu) {
            uploadComposite(*photoPixels, changed);
            pigmentTextureStale_ = true;
        } else {
            upload(pigmentTextureStale_ ? std::vector<core::RectPx>{whole} : changed);
            pigmentTextureStale_ = false;
            drawComposite(photoOnLayer(photo, photoChanged), changed);
        }
        drawMipmaps(changed);
        glBindVertexArray(0);
        glDisable(GL_SCISSOR_TEST);
        glUseProgram(0);
    }
    lastChange_ = {drawsAtUpload_, changed.empty() ? core::RectPx{} : onPhoto(boundingRect(changed), photo.size())};
    drawsAtUpload_ = draws_;
    pending_.clear();
    texturesStale_ = false;
}

core::RectPx DotLayer::onPhoto(core::RectPx texels, core::SizePx photoPx) const {
    if (photoPx == textureSize_) return texels;
    // Outwards to whole photo pixels: a layer texel may straddle two.
    const double sx = double(photoPx.width) / textureSize_.width, sy = double(photoPx.height) / textureSize_.height;
    const int x0 = int(std::floor(texels.x * sx)), y0 = int(std::floor(texels.y * sy));
    const int x1 = int(std::ceil((texels.x + texels.width) * sx)), y1 = int(std::ceil((texels.y + texels.height) * sy));
    return {x0, y0, x1 - x0, y1 - y0};
}

bool DotLayer::allocate(core::SizePx texels) {
    if (texels == textureSize_ && pigment_) return false;
    // Full floats: the CPU's sums go up as they are, with no conversion on the way.
    TextureHandle pigment = makeTexture(GL_RG32F, texels, GL_RG, GL_FLOAT, nullptr, GL_NEAREST);
    TextureHandle composite =
        makeTexture(GL_SRGB8_ALPHA8, texels, GL_RGBA, GL_UNSIGNED_BYTE, nullptr, GL_LINEAR_MIPMAP_LINEAR);
    // The mipmaps are drawn here, a part at a time (drawMipmaps), so every level is made now.
    int levels = 0;
    glBindTexture(GL_TEXTURE_2D, composite.get());
    while (std::max(texels.width >> (levels + 1), texels.height >> (levels + 1)) >= 1) {
        ++levels;
        const core::SizePx size = mipmapSize(texels, levels);
        glTexImage2D(GL_TEXTURE_2D, levels, GL_SRGB8_ALPHA8, size.width, size.height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                     nullptr);
    }
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, levels);
    glBindTexture(GL_TEXTURE_2D, 0);
    TextureHandle transmittance = makeTexture(GL_SRGB8_ALPHA8, texels, GL_RGBA, GL_UNSIGNED_BYTE, nullptr, GL_LINEAR);
    FramebufferHandle compositeFramebuffer = framebufferFor(composite, "the photo with dots", &transmittance);
    throwOnGlError("allocating the dot layer");

    pigment_ = std::move(pigment);
    composite_ = std::move(composite);
    transmittance_ = std::move(transmittance);
    compositeFramebuffer_ = std::move(compositeFramebuffer);
    resampledPhoto_ = {};
    mipmapLevels_ = levels;
    textureSize_ = texels;
    return true;
}

void DotLayer::upload(std::span<const core::RectPx> texels) {
    const std::span<const float> pigment = canvas_.pigment();
    glBindTexture(GL_TEXTURE_2D, pigment_.get());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, textureSize_.width);
    for (const core::RectPx& rect : texels)
        glTexSubImage2D(GL_TEXTURE_2D, 0, rect.x, rect.y, rect.width, rect.height, GL_RG, GL_FLOAT,
                        pigment.data() + 2 * (std::ptrdiff_t(rect.y) * textureSize_.width + rect.x));
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glBindTexture(GL_TEXTURE_2D, 0);
}

void DotLayer::uploadComposite(const core::Image& photoPixels, std::span<const core::RectPx> texels) {
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    for (const core::RectPx& rect : texels) {
        const std::size_t bytes = 4 * std::size_t(rect.width) * std::size_t(rect.height);
        compositeScratch_.resize(bytes);
        transmittanceScratch_.resize(bytes);
        compositeTexels(photoPixels, canvas_.pigment(), optics_, rect, compositeScratch_.data(),
                        transmittanceScratch_.data());
        glBindTexture(GL_TEXTURE_2D, composite_.get());
        glTexSubImage2D(GL_TEXTURE_2D, 0, rect.x, rect.y, rect.width, rect.height, GL_RGBA, GL_UNSIGNED_BYTE,
                        compositeScratch_.data());
        glBindTexture(GL_TEXTURE_2D, transmittance_.get());
        glTexSubImage2D(GL_TEXTURE_2D, 0, rect.x, rect.y, rect.width, rect.height, GL_RGBA, GL_UNSIGNED_BYTE,
                        transmittanceScratch_.data());
    }
    glBindTexture(GL_TEXTURE_2D, 0);
}

GLuint DotLayer::photoOnLayer(const PhotoTexture& photo, bool changed) {
    // The composite reads the photo with texelFetch: filtering it per fragment would cost
    // llvmpipe more than all the rest of the composite, and the layer has the photo's own
    // resolution up to kMaxPigmentSide. Past that, the photo is resampled once here.
    if (photo.shrinkFactor() == 1 && photo.size() == textureSize_) {
        resampledPhoto_ = {};
        return photo.name();
    }
    if (resampledPhoto_ && !changed) return resampledPhoto_.get();
    if (!resampledPhoto_)
        resampledPhoto_ = makeTexture(GL_SRGB8_ALPHA8, textureSize_, GL_RGBA, GL_UNSIGNED_BYTE, nullptr, GL_NEAREST);
    FramebufferHandle framebuffer = framebufferFor(resampledPhoto_, "the resampled photo");
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer.get());
    glViewport(0, 0, textureSize_.width, textureSize_.height);
    glScissor(0, 0, textureSize_.width, textureSize_.height);
    glEnable(GL_FRAMEBUFFER_SRGB);  // the texture holds sRGB, the shader gives linear light
    resampleProgram_.use();
    resampleProgram_.set("uPhoto", 0);
    resampleProgram_.set("uSizeTexels", float(textureSize_.width), float(textureSize_.height));
    glBindTexture(GL_TEXTURE_2D, photo.name());
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    glBindTexture(GL_TEXTURE_2D, 0);
    glDisable(GL_FRAMEBUFFER_SRGB);
    return resampledPhoto_.get();
}

void DotLayer::drawComposite(GLuint photoTexels, std::span<const core::RectPx> texels) {
    glBindFramebuffer(GL_FRAMEBUFFER, compositeFramebuffer_.get());
    glViewport(0, 0, textureSize_.width, textureSize_.height);
    compositeProgram_.use();
    compositeProgram_.set("uPhoto", 0);
    compositeProgram_.set("uPigment", 1);
    compositeProgram_.set("uAbsorptionRgb", optics_.absorptionRed, optics_.absorptionGreen, optics_.absorptionBlue);
    compositeProgram_.set("uInflamedRgb", optics_.rednessRed, optics_.rednessGreen, optics_.rednessBlue);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, pigment_.get());
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, photoTexels);
    for (const core::RectPx& rect : texels) drawOver(rect);
    for (GLenum unit : {GL_TEXTURE1, GL_TEXTURE0}) {
        glActiveTexture(unit);
        glBindTexture(GL_TEXTURE_2D, 0);
    }
}

void DotLayer::drawMipmaps(std::span<const core::RectPx> texels) {
    // Zoomed out, a screen pixel shows the average light of many texels: each level averages the
    // one above in linear light (as sRGB mipmaps do), photo x pigment, not the two apart. Drawn
    // here rather than by glGenerateMipmap, which on llvmpipe took 15-50 ms for a phone photo's
    // sRGB chain (several times this pass) and always redoes every texel, not just an edit's.
    glBindFramebuffer(GL_FRAMEBUFFER, mipmapFramebuffer_.get());
    mipmapProgram_.use();
    mipmapProgram_.set("uFiner", 0);
    glBindTexture(GL_TEXTURE_2D, composite_.get());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);  // one level: no LOD to work out
    for (int level = 1; level <= mipmapLevels_; ++level) {
        // Sampling only the level above while drawing this one: no feedback loop.
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_BASE_LEVEL, level - 1);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, level - 1);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, composite_.get(), level);
        const core::SizePx size = mipmapSize(textureSize_, level);
        glViewport(0, 0, size.width, size.height);
        for (const core::RectPx& rect : texels) drawOver(atMipmapLevel(rect, level));
    }
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, 0, 0);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_BASE_LEVEL, 0);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, mipmapLevels_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
    glBindTexture(GL_TEXTURE_2D, 0);
}

}  // namespace smp::render
