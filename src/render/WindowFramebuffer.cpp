#include "render/WindowFramebuffer.h"

#include <epoxy/gl.h>

namespace smp::render {

void clearWindow(core::SizePx size) {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, size.width, size.height);
    glClearColor(0.1f, 0.1f, 0.1f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
}

core::Image readWindowPixels(core::SizePx size) {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    glReadBuffer(GL_BACK);
    return readBoundPixels(size, 3);
}

std::string currentRendererName() {
    const auto* name = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    return name ? name : "unknown";
}

}  // namespace smp::render
