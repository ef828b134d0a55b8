#pragma once
// The render API the window and the command line share: give it the photo and the dots once,
// then ask for views of them in a render target. All GL calls of the scene live behind this class.

#include "core/Geometry.h"
#include "core/Image.h"
#include "core/ViewTransform.h"
#include "core/dots/Dot.h"
#include "render/DotLayer.h"
#include "render/PhotoTexture.h"
#include "render/RenderTarget.h"
#include "render/ShaderProgram.h"

#include <memory>
#include <span>

namespace smp::render {

class SceneRenderer {
public:
    // Needs a current OpenGL 3.3 core context (a GLFW window's or HeadlessGl's).
    SceneRenderer();

    // Uploads the photo; the previous one is released. Throws RenderError if the GPU refuses it.
    void setPhoto(const core::Image& photo);
    void clearPhoto() { photo_.reset(); }
    [[nodiscard]] bool hasPhoto() const { return photo_ != nullptr; }
    [[nodiscard]] core::SizePx photoSize() const { return photo_ ? photo_->size() : core::SizePx{}; }

    // The dots to show, exactly these (the caller picks sessions), placed in mm on the photo
    // (photo px = mm * pxPerMm). They are drawn once into a pigment layer at the next render;
    // later renders that only change the view reuse it. Throws std::invalid_argument unless
    // pxPerMm is positive.
    void setDots(std::span<const dots::Dot> dots, double pxPerMm) { dotLayer_.setDots(dots, pxPerMm); }
    void clearDots() { dotLayer_.clear(); }
    void setPigmentOptics(const PigmentOptics& optics) { dotLayer_.setOptics(optics); }
    // How many times the pigment layer was drawn: a pan or zoom must not add to it.
    [[nodiscard]] int dotLayerDraws() const { return dotLayer_.draws(); }

    // Draws the scene as seen through `view` into the whole target.
    void render(RenderTarget& target, const core::ViewTransform& view);

    // Renders offscreen at `size` and reads the pixels back as RGB.
    core::Image renderToImage(core::SizePx size, const core::ViewTransform& view);

private:
    // The photo alone, the photo with dots, or a close-up of them; sets the close-up's uniforms.
    ShaderProgram& pickPhotoProgram(const core::ViewTransform& view);

    ShaderProgram photoProgram_;
    ShaderProgram photoWithDotsProgram_;
    ShaderProgram closeUpProgram_;
    VertexArrayHandle emptyVertexArray_;  // core profile draws need one bound, even without attributes
    std::unique_ptr<PhotoTexture> photo_;
    DotLayer dotLayer_;
    RenderTarget exportTarget_;
};

}  // namespace smp::render
