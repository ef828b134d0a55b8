#pragma once
// A linked vertex + fragment program built from embedded shader files, with uniform setters that
// look locations up once.

#include "render/GlObjects.h"

#include <string>
#include <string_view>
#include <unordered_map>

namespace smp::render {

class ShaderProgram {
public:
    // Throws RenderError with the compiler's log and the file name on failure.
    ShaderProgram(std::string_view vertexFile, std::string_view fragmentFile);

    void use() const { glUseProgram(program_.get()); }
    void set(const char* name, float v);
    void set(const char* name, float x, float y);
    void set(const char* name, float x, float y, float z);
    void set(const char* name, int v);

private:
    GLint location(const char* name);

    ProgramHandle program_;
    std::string label_;
    std::unordered_map<std::string, GLint> locations_;
};

}  // namespace smp::render
