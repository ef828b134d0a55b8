#pragma once
// The dots as pigment in the photo's skin. Drawn when the dots change, into textures that cover
// the photo: the dots' summed absorbance, the light it lets through (transmittance), and the
// photo as the pigment darkens it (the composite). Panning and zooming only sample them, so a
// view change draws no dots; and the composite's mipmaps average photo x pigment, the light the
// eye gets from a zoomed-out patch.

#include "core/Geometry.h"
#include "core/dots/Dot.h"
#include "render/DotSplat.h"
#include "render/GlObjects.h"
#include "render/PhotoTexture.h"
#include "render/ShaderProgram.h"

#include <span>
#include <vector>

namespace smp::render {

// The layer's longest side at most: a 24 MP photo keeps its resolution, larger ones get a
// scaled-down layer (at 8192 x 6144 px it takes about 570 MB of GPU memory).
inline constexpr int kMaxPigmentSide = 8192;

class DotLayer {
public:
    // Needs a current OpenGL 3.3 core context.
    DotLayer();

    // Keeps a copy of the dots; they are drawn at the next prepare(). Throws std::invalid_argument
    // unless pxPerMm is positive and finite.
    void setDots(std::span<const dots::Dot> dots, double pxPerMm);
    void clear();
    void setOptics(const PigmentOptics& optics);
    [[nodiscard]] const PigmentOptics& optics() const { return optics_; }
    // The photo was replaced: the composite is redone, the dots only if its size changed.
    void photoChanged() { compositeDirty_ = true; }

    // Brings the textures up to date for this photo. Leaves the default framebuffer bound and
    // blending off.
    void prepare(const PhotoTexture& photo);

    [[nodiscard]] bool shown() const { return drawn_; }
    // The photo with the pigment, sRGB with mipmaps (alpha: the photo's).
    [[nodiscard]] GLuint composite() const { return composite_.get(); }
    // The light the pigment lets through, sRGB without mipmaps, for close-ups that filter it
    // more smoothly than bilinear filtering of the composite would.
    [[nodiscard]] GLuint transmittance() const { return transmittance_.get(); }
    // The size of both textures; empty while no dots are shown.
    [[nodiscard]] core::SizePx textureSize() const { return drawn_ ? textureSize_ : core::SizePx{}; }
    // How many times the dots were drawn: a view change must not add to it.
    [[nodiscard]] int draws() const { return draws_; }

private:
    void allocate(core::SizePx texels);
    void drawAbsorbance(const PigmentGrid& grid);
    void drawComposite(const PhotoTexture& photo);

    ShaderProgram splatProgram_;
    ShaderProgram compositeProgram_;
    VertexArrayHandle splatVertexArray_;
    BufferHandle splatBuffer_;
    VertexArrayHandle emptyVertexArray_;
    TextureHandle absorbance_;  // R16F: the sum of every dot's absorbance
    FramebufferHandle absorbanceFramebuffer_;
    TextureHandle composite_;  // SRGB8_ALPHA8 with mipmaps
    TextureHandle transmittance_;  // SRGB8_ALPHA8, drawn with the composite
    FramebufferHandle compositeFramebuffer_;
    core::SizePx textureSize_;

    std::vector<dots::Dot> dots_;
    std::vector<DotSplat> splats_;  // scratch, kept to reuse its memory
    double pxPerMm_ = 1.0;
    PigmentOptics optics_;
    bool dotsDirty_ = false;
    bool compositeDirty_ = false;
    bool drawn_ = false;  // the textures hold the current dots over the current photo
    core::SizePx drawnForPhoto_;
    int draws_ = 0;
};

}  // namespace smp::render
