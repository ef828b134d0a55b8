#pragma once

#include <stdexcept>

namespace smp::render {

// GL is missing or misbehaving (no EGL display, a shader that does not compile, a photo larger
// than the GPU's texture limit). Not the artist's fault; the message says what failed.
class RenderError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Throws RenderError naming `what` when GL has recorded an error since the last check.
void throwOnGlError(const char* what);

}  // namespace smp::render
