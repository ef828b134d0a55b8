#include "render/RenderError.h"

#include <epoxy/gl.h>

#include <string>

namespace smp::render {

void throwOnGlError(const char* what) {
    GLenum first = glGetError();
    if (first == GL_NO_ERROR) return;
    while (glGetError() != GL_NO_ERROR) {
    }
    char code[16];
    std::snprintf(code, sizeof code, "0x%04X", first);
    throw RenderError(std::string("OpenGL error ") + code + " in " + what);
}

}  // namespace smp::render
