#pragma once
// The GLSL sources from shaders/, compiled into the binary at build time.

#include <span>
#include <string_view>

namespace smp::render {

struct EmbeddedShader {
    std::string_view fileName;  // as in shaders/, e.g. "photo.frag"
    std::string_view source;
};

std::span<const EmbeddedShader> embeddedShaders();

// Throws RenderError when no shader has that file name.
std::string_view shaderSource(std::string_view fileName);

}  // namespace smp::render
