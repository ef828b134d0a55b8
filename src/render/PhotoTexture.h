#pragma once
// The client's photo on the GPU, as an sRGB texture with mipmaps (so zooming out stays smooth).

#include "core/Geometry.h"
#include "core/Image.h"
#include "render/GlObjects.h"

namespace smp::render {

class PhotoTexture {
public:
    // A photo larger than GL_MAX_TEXTURE_SIZE on a side is shrunk by a whole factor to fit; the
    // texture still stands for the whole photo, so size() stays in the photo's own pixels.
    explicit PhotoTexture(const core::Image& photo);

    [[nodiscard]] core::SizePx size() const { return size_; }
    [[nodiscard]] int shrinkFactor() const { return shrinkFactor_; }
    [[nodiscard]] GLuint name() const { return texture_.get(); }

private:
    TextureHandle texture_;
    core::SizePx size_;
    int shrinkFactor_ = 1;
};

}  // namespace smp::render
