#include "render/WindowFramebuffer.h"

#include "render/RenderError.h"

#include <epoxy/gl.h>

#include <algorithm>
#include <vector>

namespace smp::render {

// Reads the bound read framebuffer; GL's row 0 is the bottom one, ours the top one.
core::Image readBoundPixels(core::SizePx size, int channels) {
    if (channels != 3 && channels != 4) throw RenderError("read back needs 3 or 4 channels");
    core::Image image(size.width, size.height, channels);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    // Mesa can write the rows top-down itself as it packs them: on llvmpipe a 24 MP read then
    // costs one pass over the pixels instead of a read plus a flip that moves them all again.
    const bool packInvert = epoxy_has_gl_extension("GL_MESA_pack_invert");
    if (packInvert) glPixelStorei(GL_PACK_INVERT_MESA, GL_TRUE);
    glReadPixels(0, 0, size.width, size.height, channels == 4 ? GL_RGBA : GL_RGB, GL_UNSIGNED_BYTE,
                 image.pixels.data());
    // Reset before any throw: the flag is context state that every later read would inherit.
    if (packInvert) glPixelStorei(GL_PACK_INVERT_MESA, GL_FALSE);
    throwOnGlError("reading the rendered pixels back");
    if (packInvert) return image;
    std::vector<std::uint8_t> swap(image.rowBytes());
    for (int top = 0, bottom = size.height - 1; top < bottom; ++top, --bottom) {
        std::copy_n(image.row(top), image.rowBytes(), swap.data());
        std::copy_n(image.row(bottom), image.rowBytes(), image.row(top));
        std::copy_n(swap.data(), image.rowBytes(), image.row(bottom));
    }
    return image;
}

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
