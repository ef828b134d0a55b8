#pragma once
// The client's photo on the GPU, as an sRGB texture with mipmaps (so zooming out stays smooth).

#include "core/Geometry.h"
#include "core/Image.h"
#include "render/GlObjects.h"

namespace smp::render {

class PhotoTexture {
public:
    // Throws RenderError when the photo exceeds GL_MAX_TEXTURE_SIZE.
    explicit PhotoTexture(const core::Image& photo);

    [[nodiscard]] core::SizePx size() const { return size_; }
    [[nodiscard]] GLuint name() const { return texture_.get(); }

private:
    TextureHandle texture_;
    core::SizePx size_;
};

}  // namespace smp::render
