#pragma once
// An OpenGL 3.3 core context with no window and no X display: EGL on Mesa's surfaceless
// platform. The command line and the render tests draw through it into RenderTargets.

#include <string>

namespace smp::render {

class HeadlessGl {
public:
    // Creates the context and makes it current on this thread. Throws RenderError naming the
    // EGL step that failed.
    HeadlessGl();
    ~HeadlessGl();
    HeadlessGl(const HeadlessGl&) = delete;
    HeadlessGl& operator=(const HeadlessGl&) = delete;

    // GL_RENDERER, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)".
    [[nodiscard]] std::string rendererName() const;

private:
    void* display_ = nullptr;
    void* context_ = nullptr;
};

}  // namespace smp::render
