#pragma once
// The render API the window and the command line share: give it the photo and the dots once,
// then ask for views of them in a render target. All GL calls of the scene live behind this class.

#include "core/Geometry.h"
#include "core/Image.h"
#include "core/CompareView.h"
#include "core/ViewTransform.h"
#include "core/dots/Dot.h"
#include "core/preview/DotLook.h"
#include "render/DotLayer.h"
#include "render/GlObjects.h"
#include "render/KeptFrame.h"
#include "render/PhotoTexture.h"
#include "render/RenderTarget.h"
#include "render/ShaderProgram.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace smp::render {

class SceneRenderer {
public:
    // Needs a current OpenGL 3.3 core context (a GLFW window's or HeadlessGl's).
    SceneRenderer();

    // Uploads the photo; the previous one is released. Throws RenderError if the GPU refuses it.
    void setPhoto(const core::Image& photo);
    void clearPhoto() {
        photo_.reset();
        photoPixels_ = {};
        ++photoRevision_;
    }
    [[nodiscard]] bool hasPhoto() const { return photo_ != nullptr; }
    [[nodiscard]] core::SizePx photoSize() const { return photo_ ? photo_->size() : core::SizePx{}; }

    // The dots to show, exactly these (the caller picks sessions), placed in mm on the photo
    // (photo px = mm * pxPerMm). They are drawn once into a pigment layer at the next render;
    // later renders that only change the view reuse it. Throws std::invalid_argument unless
    // pxPerMm is positive.
    void setDots(std::span<const dots::Dot> dots, double pxPerMm) { dotLayer_.setDots(dots, pxPerMm); }
    // The same with each dot as it looks on a day of healing (core/preview/Healing.h).
    void setDots(std::span<const preview::DotLook> dots, double pxPerMm) { dotLayer_.setDots(dots, pxPerMm); }
    void clearDots() { dotLayer_.clear(); }
    void setPigmentOptics(const PigmentOptics& optics) { dotLayer_.setOptics(optics); }
    // How many times the pigment layer was drawn: a pan or zoom must not add to it.
    [[nodiscard]] int dotLayerDraws() const { return dotLayer_.draws(); }

    // Draws the scene as seen through `view` into the whole target, as `compare` lays it out:
    // - After: the photo with the dots; Before: the photo alone, the very pixels of a renderer
    //   with no dots.
    // - Split: Before left of x = divider * width, After right of it, both through `view`, with
    //   a divider line (light, dark-edged) at x. A divider at 0 or 1 shows one side and no line.
    // - SideBySide: Before in the left half, After in the right half (the wider one when the
    //   width is odd). Each half is drawn through `view` as if it were the whole target, so the
    //   caller gives the view of a half, e.g. core::fitToView(photo, {width / 2, height}).
    // When the last frame drawn here differs only by a pan of whole pixels, its pixels are moved
    // and only what came into sight is drawn (KeptFrame.h); after an edit of the dots,
    // only where the edit changed the layer.
    void render(RenderTarget& target, const core::ViewTransform& view, const core::CompareView& compare = {},
                FrameQuality quality = FrameQuality::Final);

    // Renders offscreen at `size` and reads the pixels back as RGB. Always draws the whole frame.
    // An RGB photo shown 1:1, before or after (an export's usual frame), is composited on the CPU
    // instead: the same pixels (within 1), without drawing and reading back 24 MP on llvmpipe.
    core::Image renderToImage(core::SizePx size, const core::ViewTransform& view, const core::CompareView& compare = {});

private:
    // renderToImage's CPU path; empty when the frame is not the photo 1:1, before or after.
    std::optional<core::Image> renderOnCpu(core::SizePx size, const core::ViewTransform& view,
                                           const core::CompareView& compare);
    // The view pixels whose colour may depend on the layer's texels in photoRect (photo pixels).
    [[nodiscard]] core::RectPx viewRectReaching(core::RectPx photoRect, const core::ViewTransform& view,
                                                core::SizePx size) const;
    // Draws `compare`'s layout through `view` into the bound target of size `size`, only within
    // `clip` (view pixels, y down).
    void drawFrame(core::SizePx size, const core::ViewTransform& view, const core::CompareView& compare,
                   core::RectPx clip, FrameQuality quality = FrameQuality::Final);
    // One photo, before or after, in `viewport` (view pixels, y down) through `view`, within `clip`.
    void drawPhoto(core::SizePx size, const core::ViewTransform& view, bool withDots, core::RectPx viewport,
                   core::RectPx clip, FrameQuality quality);
    // The photo alone, the photo with dots, or a close-up of them; sets the close-up's uniforms.
    ShaderProgram& pickPhotoProgram(const core::ViewTransform& view, bool withDots, FrameQuality quality);
    [[nodiscard]] FrameContent contentOf(core::SizePx size, const core::ViewTransform& view,
                                         const core::CompareView& compare, FrameQuality quality) const;
    // The dot layer's last change as the frame `compare` lays out through `view` sees it.
    [[nodiscard]] DotsEdit dotsEditIn(core::SizePx size, const core::ViewTransform& view,
                                      const core::CompareView& compare) const;

    ShaderProgram photoProgram_;
    ShaderProgram photoWithDotsProgram_;
    ShaderProgram closeUpEaseProgram_;
    ShaderProgram closeUpProgram_;
    VertexArrayHandle emptyVertexArray_;  // core profile draws need one bound, even without attributes
    // Samples level 0 with bilinear filtering, for textures the view magnifies: what their own
    // trilinear filter then does, without llvmpipe working out a mipmap level for every pixel.
    SamplerHandle magnifyingSampler_;
    std::unique_ptr<PhotoTexture> photo_;
    core::Image photoPixels_;  // the photo as given, for renderOnCpu
    int photoRevision_ = 0;
    DotLayer dotLayer_;
    RenderTarget exportTarget_;
    KeptFrame keptFrame_;
};

}  // namespace smp::render
