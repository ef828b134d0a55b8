#include "render/DotLayer.h"

#include "render/RenderError.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <string>

namespace smp::render {
namespace {

static_assert(sizeof(DotSplat) == 6 * sizeof(float), "splats are uploaded as they are");

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

void splatAttribute(GLuint index, GLint components, std::size_t offset) {
    glEnableVertexAttribArray(index);
    glVertexAttribPointer(index, components, GL_FLOAT, GL_FALSE, sizeof(DotSplat),
                          reinterpret_cast<const void*>(offset));  // NOLINT: GL's buffer offsets are pointers
    glVertexAttribDivisor(index, 1);
}

}  // namespace

DotLayer::DotLayer()
    : splatProgram_("dots.vert", "dots.frag"),
      compositeProgram_("fullscreen.vert", "composite.frag"),
      splatVertexArray_(VertexArrayHandle::create()),
      splatBuffer_(BufferHandle::create()),
      emptyVertexArray_(VertexArrayHandle::create()) {
    // One instance per dot; the quad's corners come from gl_VertexID.
    glBindVertexArray(splatVertexArray_.get());
    glBindBuffer(GL_ARRAY_BUFFER, splatBuffer_.get());
    splatAttribute(0, 2, offsetof(DotSplat, centreX));
    splatAttribute(1, 2, offsetof(DotSplat, sigmaLong));
    splatAttribute(2, 2, offsetof(DotSplat, angleRad));
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    throwOnGlError("setting up the dot layer");
}

void DotLayer::setDots(std::span<const dots::Dot> dots, double pxPerMm) {
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

void DotLayer::prepare(const PhotoTexture& photo) {
    const core::SizePx photoPx = photo.size();
    const bool redrawDots = dotsDirty_ || !(photoPx == drawnForPhoto_);
    if (!redrawDots && !compositeDirty_) return;
    dotsDirty_ = compositeDirty_ = false;
    drawnForPhoto_ = photoPx;
    drawn_ = false;
    if (dots_.empty() || photoPx.empty()) return;

    if (redrawDots) {
        GLint maxTexture = 0;
        glGetIntegerv(GL_MAX_TEXTURE_SIZE, &maxTexture);
        const PigmentGrid grid = pigmentGrid(photoPx, pxPerMm_, std::min(kMaxPigmentSide, int(maxTexture)));
        allocate(grid.texels);
        drawAbsorbance(grid);
        ++draws_;
    }
    drawComposite(photo);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    throwOnGlError("drawing the dot layer");
    drawn_ = true;
}

void DotLayer::allocate(core::SizePx texels) {
    if (texels == textureSize_ && absorbance_) return;
    // Half floats: absorbances stay below a few units, and 11 bits of mantissa hold a faint tail.
    TextureHandle absorbance = makeTexture(GL_R16F, texels, GL_RED, GL_FLOAT, nullptr, GL_NEAREST);
    TextureHandle composite =
        makeTexture(GL_SRGB8_ALPHA8, texels, GL_RGBA, GL_UNSIGNED_BYTE, nullptr, GL_LINEAR_MIPMAP_LINEAR);
    TextureHandle transmittance = makeTexture(GL_SRGB8_ALPHA8, texels, GL_RGBA, GL_UNSIGNED_BYTE, nullptr, GL_LINEAR);
    FramebufferHandle absorbanceFramebuffer = framebufferFor(absorbance, "the dots' absorbance");
    FramebufferHandle compositeFramebuffer = framebufferFor(composite, "the photo with dots", &transmittance);
    throwOnGlError("allocating the dot layer");

    absorbance_ = std::move(absorbance);
    composite_ = std::move(composite);
    transmittance_ = std::move(transmittance);
    absorbanceFramebuffer_ = std::move(absorbanceFramebuffer);
    compositeFramebuffer_ = std::move(compositeFramebuffer);
    textureSize_ = texels;
}

void DotLayer::drawAbsorbance(const PigmentGrid& grid) {
    splats_.clear();
    for (const dots::Dot& dot : dots_)
        if (dot.shade > 0.0f && dot.diameterMm > 0.0) splats_.push_back(splatDot(dot, grid, optics_));

    glBindFramebuffer(GL_FRAMEBUFFER, absorbanceFramebuffer_.get());
    glViewport(0, 0, textureSize_.width, textureSize_.height);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_FRAMEBUFFER_SRGB);
    glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    if (splats_.empty()) return;

    glBindBuffer(GL_ARRAY_BUFFER, splatBuffer_.get());
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(splats_.size() * sizeof(DotSplat)), splats_.data(), GL_STREAM_DRAW);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    // Overlapping pigment: optical densities add.
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFunc(GL_ONE, GL_ONE);
    splatProgram_.use();
    splatProgram_.set("uTextureSize", float(textureSize_.width), float(textureSize_.height));
    splatProgram_.set("uReachSigmas", kSplatReachSigmas);
    glBindVertexArray(splatVertexArray_.get());
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, GLsizei(splats_.size()));
    glBindVertexArray(0);
    glDisable(GL_BLEND);
}

void DotLayer::drawComposite(const PhotoTexture& photo) {
    glBindFramebuffer(GL_FRAMEBUFFER, compositeFramebuffer_.get());
    glViewport(0, 0, textureSize_.width, textureSize_.height);
    compositeProgram_.use();
    compositeProgram_.set("uPhoto", 0);
    compositeProgram_.set("uAbsorbance", 1);
    compositeProgram_.set("uSizeTexels", float(textureSize_.width), float(textureSize_.height));
    compositeProgram_.set("uAbsorptionRgb", optics_.absorptionRed, optics_.absorptionGreen, optics_.absorptionBlue);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, absorbance_.get());
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, photo.name());
    glBindVertexArray(emptyVertexArray_.get());
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    glBindVertexArray(0);
    glUseProgram(0);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, 0);
    glActiveTexture(GL_TEXTURE0);
    // Zoomed out, a screen pixel shows the average light of many texels: the mipmaps average
    // photo x pigment in linear light (as sRGB mipmaps do), not the two apart.
    glBindTexture(GL_TEXTURE_2D, composite_.get());
    glGenerateMipmap(GL_TEXTURE_2D);
    glBindTexture(GL_TEXTURE_2D, 0);
}

}  // namespace smp::render
