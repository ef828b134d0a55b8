#pragma once
// An offscreen framebuffer with an 8-bit RGBA colour texture. The canvas shows its texture in
// ImGui; exports read its pixels back. Both therefore see the very same pixels.

#include "core/Geometry.h"
#include "core/Image.h"
#include "render/GlObjects.h"

#include <cstdint>

namespace smp::render {

class RenderTarget {
public:
    RenderTarget() = default;

    // Reallocates only when the size changes. Throws RenderError if the size is unsupported.
    void resize(core::SizePx size);
    // Binds the framebuffer and sets the viewport to cover it.
    void bind() const;

    [[nodiscard]] core::SizePx size() const { return size_; }
    [[nodiscard]] GLuint colorTexture() const { return color_.get(); }
    [[nodiscard]] GLuint framebuffer() const { return framebuffer_.get(); }

    // Reads the pixels back, row 0 at the top; channels is 3 (RGB) or 4 (RGBA).
    [[nodiscard]] core::Image read(int channels = 3) const;

    // Which frame the pixels hold, as numbered by whoever drew it (SceneRenderer numbers its
    // frames across all renderers): 0 when unknown, as after a resize. Lets a renderer that finds
    // its own last frame still here draw only what changed, without copying the rest back.
    [[nodiscard]] std::uint64_t frameShown() const { return frameShown_; }
    void setFrameShown(std::uint64_t frame) { frameShown_ = frame; }

private:
    TextureHandle color_;
    FramebufferHandle framebuffer_;
    core::SizePx size_;
    std::uint64_t frameShown_ = 0;
};

}  // namespace smp::render
