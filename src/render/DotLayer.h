#pragma once
// The dots as pigment in the photo's skin. Drawn when the dots change, into textures that cover
// the photo: the dots' summed absorbance, the redness of freshly treated skin, the light both let
// through (transmittance), and the photo as they filter it (the composite). An edit redraws only
// the tiles whose dots changed (PigmentCanvas.h). Panning and zooming only sample them, so a
// view change draws no dots; and the composite's mipmaps average photo x pigment, the light the
// eye gets from a zoomed-out patch.

#include "core/Geometry.h"
#include "core/dots/Dot.h"
#include "core/preview/DotLook.h"
#include "render/DotSplat.h"
#include "render/GlObjects.h"
#include "render/PhotoTexture.h"
#include "render/PigmentCanvas.h"
#include "render/ShaderProgram.h"

#include <span>
#include <vector>

namespace smp::render {

// The layer's longest side at most: a 24 MP photo keeps its resolution, larger ones get a
// scaled-down layer (at 8192 x 6144 px it takes about 870 MB of GPU memory and 400 MB of CPU memory;
// a 24 MP photo about half that).
inline constexpr int kMaxPigmentSide = 8192;

class DotLayer {
public:
    // Needs a current OpenGL 3.3 core context.
    DotLayer();

    // Keeps a copy of the dots; they are drawn at the next prepare(). Throws std::invalid_argument
    // unless pxPerMm is positive and finite.
    void setDots(std::span<const dots::Dot> dots, double pxPerMm);
    // The same with each dot as it looks on a day of healing.
    void setDots(std::span<const preview::DotLook> dots, double pxPerMm);
    void clear();
    void setOptics(const PigmentOptics& optics);
    [[nodiscard]] const PigmentOptics& optics() const { return optics_; }
    // The photo was replaced: the composite is redone, the dots only if its size changed.
    void photoChanged() { texturesStale_ = true; }

    // Brings the textures up to date for this photo. With the photo's pixels (those the texture
    // was made from) the composite is worked out on the CPU and uploaded, else drawn by GL.
    // Leaves the default framebuffer bound and blending off.
    void prepare(const PhotoTexture& photo, const core::Image* photoPixels = nullptr);

    // Brings only the CPU's raster up to date for a photo this size, no GL: for an export that
    // composites on the CPU. The next prepare() uploads what changed meanwhile. False while
    // there are no dots to show.
    bool updateCanvas(core::SizePx photoPx);
    // The raster updateCanvas() drew, on grid().
    [[nodiscard]] const PigmentCanvas& canvas() const { return canvas_; }
    [[nodiscard]] const PigmentGrid& grid() const { return grid_; }

    // What the last prepare() that touched the textures changed: the layer as it was at
    // draws() == sinceDraws differs from now only inside photoRect (photo pixels; empty: nowhere).
    // A frame drawn from the layer at sinceDraws needs only that part redrawn.
    struct Change {
        int sinceDraws = -1;
        core::RectPx photoRect;
    };
    [[nodiscard]] const Change& lastChange() const { return lastChange_; }

    [[nodiscard]] bool shown() const { return drawn_; }
    // The photo with the pigment and the redness, sRGB with mipmaps (alpha: the photo's).
    [[nodiscard]] GLuint composite() const { return composite_.get(); }
    // The light the pigment and the redness let through, sRGB without mipmaps, for close-ups that filter it
    // more smoothly than bilinear filtering of the composite would.
    [[nodiscard]] GLuint transmittance() const { return transmittance_.get(); }
    // The size of both textures; empty while no dots are shown.
    [[nodiscard]] core::SizePx textureSize() const { return drawn_ ? textureSize_ : core::SizePx{}; }
    // How many times the dots were drawn: a view change must not add to it.
    [[nodiscard]] int draws() const { return draws_; }

private:
    // Brings the textures up to the canvas: what changed since the last upload, or all of it.
    void drawLayer(const PhotoTexture& photo, const core::Image* photoPixels);
    // The composite and the transmittance of `texels` worked out on the CPU, and uploaded.
    void uploadComposite(const core::Image& photoPixels, std::span<const core::RectPx> texels);
    // A texel rectangle in photo pixels.
    [[nodiscard]] core::RectPx onPhoto(core::RectPx texels, core::SizePx photoPx) const;
    // Makes the textures `texels` large; true when they were made anew (their contents lost).
    bool allocate(core::SizePx texels);
    void upload(std::span<const core::RectPx> texels);
    // The photo texel for texel with the layer: the photo itself, or resampled when larger
    // (again only when it changed).
    GLuint photoOnLayer(const PhotoTexture& photo, bool changed);
    void drawComposite(GLuint photoTexels, std::span<const core::RectPx> texels);
    void drawMipmaps(std::span<const core::RectPx> texels);

    ShaderProgram compositeProgram_;
    ShaderProgram mipmapProgram_;
    ShaderProgram resampleProgram_;
    VertexArrayHandle emptyVertexArray_;
    PigmentCanvas canvas_;  // the dots drawn on the CPU; the textures below hold its uploads
    TextureHandle pigment_;  // RG32F: the dots' summed absorbance and the redness (PigmentCanvas::pigment)
    TextureHandle composite_;  // SRGB8_ALPHA8 with mipmaps
    TextureHandle transmittance_;  // SRGB8_ALPHA8, drawn with the composite
    TextureHandle resampledPhoto_;  // SRGB8_ALPHA8, only for a photo larger than the layer
    FramebufferHandle compositeFramebuffer_;
    FramebufferHandle mipmapFramebuffer_;  // one mipmap level of the composite at a time
    int mipmapLevels_ = 0;  // past level 0
    core::SizePx textureSize_;

    std::vector<preview::DotLook> dots_;
    double pxPerMm_ = 1.0;
    PigmentOptics optics_;
    int maxSide_ = kMaxPigmentSide;  // and the GPU's texture limit
    bool dotsDirty_ = false;
    PigmentGrid grid_;  // the canvas's
    core::SizePx canvasForPhoto_;
    bool canvasHoldsDots_ = false;  // the canvas holds the current dots for canvasForPhoto_
    // Texels the canvas changed since the textures last took its changes in.
    std::vector<core::RectPx> pending_;
    // The textures must be redone whole: a new photo, new textures, or a failed redraw. Stays set
    // until they are: dots cleared now and set again later must not leave the old photo in the
    // parts they did not change.
    bool texturesStale_ = false;
    // The pigment texture lags the canvas: only GL's composite reads it, so the CPU's skips it.
    bool pigmentTextureStale_ = true;
    std::vector<std::uint8_t> compositeScratch_, transmittanceScratch_;
    bool drawn_ = false;  // the textures hold the current dots over the current photo
    int draws_ = 0;
    int drawsAtUpload_ = 0;  // draws_ when the textures last took the canvas's changes in
    Change lastChange_;
};

}  // namespace smp::render
