#pragma once
// The render API the window and the command line share: give it the photo once, then ask for a
// view of it in a render target. All GL calls of the scene live behind this class.

#include "core/Geometry.h"
#include "core/Image.h"
#include "core/ViewTransform.h"
#include "render/PhotoTexture.h"
#include "render/RenderTarget.h"
#include "render/ShaderProgram.h"

#include <memory>

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

    // Draws the scene as seen through `view` into the whole target.
    void render(RenderTarget& target, const core::ViewTransform& view);

    // Renders offscreen at `size` and reads the pixels back as RGB.
    core::Image renderToImage(core::SizePx size, const core::ViewTransform& view);

private:
    ShaderProgram photoProgram_;
    VertexArrayHandle emptyVertexArray_;  // core profile draws need one bound, even without attributes
    std::unique_ptr<PhotoTexture> photo_;
    RenderTarget exportTarget_;
};

}  // namespace smp::render
