#include "render/RenderTarget.h"

#include "render/RenderError.h"
#include "render/WindowFramebuffer.h"

#include <algorithm>
#include <string>
#include <vector>

namespace smp::render {

void RenderTarget::resize(core::SizePx size) {
    if (size == size_ && framebuffer_) return;
    if (size.empty()) throw RenderError("render target size must be positive");
    GLint maxSize = 0;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &maxSize);
    if (size.width > maxSize || size.height > maxSize)
        throw RenderError("cannot render " + std::to_string(size.width) + "x" + std::to_string(size.height) +
                          " px; this GPU renders at most " + std::to_string(maxSize) + " px on a side");

    TextureHandle color = TextureHandle::create();
    glBindTexture(GL_TEXTURE_2D, color.get());
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, size.width, size.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glBindTexture(GL_TEXTURE_2D, 0);

    FramebufferHandle framebuffer = FramebufferHandle::create();
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer.get());
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, color.get(), 0);
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (status != GL_FRAMEBUFFER_COMPLETE) throw RenderError("offscreen framebuffer is incomplete");
    throwOnGlError("creating the offscreen framebuffer");

    color_ = std::move(color);
    framebuffer_ = std::move(framebuffer);
    size_ = size;
    frameShown_ = 0;
}

void RenderTarget::bind() const {
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_.get());
    glViewport(0, 0, size_.width, size_.height);
}

core::Image RenderTarget::read(int channels) const {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer_.get());
    core::Image image = readBoundPixels(size_, channels);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    return image;
}


}  // namespace smp::render
