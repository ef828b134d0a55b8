#include "render/ShaderProgram.h"

#include "render/EmbeddedShaders.h"
#include "render/RenderError.h"

#include <vector>

namespace smp::render {
namespace {

std::string infoLog(GLuint object, bool isProgram) {
    GLint length = 0;
    if (isProgram) glGetProgramiv(object, GL_INFO_LOG_LENGTH, &length);
    else glGetShaderiv(object, GL_INFO_LOG_LENGTH, &length);
    std::vector<char> log(static_cast<std::size_t>(length > 0 ? length : 1), '\0');
    if (isProgram) glGetProgramInfoLog(object, length, nullptr, log.data());
    else glGetShaderInfoLog(object, length, nullptr, log.data());
    return log.data();
}

// Shader objects are only needed until the program links, so they live in this scope.
class CompiledShader {
public:
    CompiledShader(GLenum stage, std::string_view fileName) : shader_(glCreateShader(stage)) {
        std::string_view source = shaderSource(fileName);
        const char* text = source.data();
        GLint length = static_cast<GLint>(source.size());
        glShaderSource(shader_, 1, &text, &length);
        glCompileShader(shader_);
        GLint ok = GL_FALSE;
        glGetShaderiv(shader_, GL_COMPILE_STATUS, &ok);
        if (ok != GL_TRUE) {
            std::string log = infoLog(shader_, false);
            glDeleteShader(shader_);
            throw RenderError("shaders/" + std::string(fileName) + " does not compile: " + log);
        }
    }
    ~CompiledShader() { glDeleteShader(shader_); }
    CompiledShader(const CompiledShader&) = delete;
    CompiledShader& operator=(const CompiledShader&) = delete;
    GLuint get() const { return shader_; }

private:
    GLuint shader_;
};

}  // namespace

std::string_view shaderSource(std::string_view fileName) {
    for (const EmbeddedShader& shader : embeddedShaders())
        if (shader.fileName == fileName) return shader.source;
    throw RenderError("shaders/" + std::string(fileName) + " is not embedded in this build");
}

ShaderProgram::ShaderProgram(std::string_view vertexFile, std::string_view fragmentFile)
    : program_(ProgramHandle::create()),
      label_(std::string(vertexFile) + " + " + std::string(fragmentFile)) {
    CompiledShader vertex(GL_VERTEX_SHADER, vertexFile);
    CompiledShader fragment(GL_FRAGMENT_SHADER, fragmentFile);
    glAttachShader(program_.get(), vertex.get());
    glAttachShader(program_.get(), fragment.get());
    glLinkProgram(program_.get());
    GLint ok = GL_FALSE;
    glGetProgramiv(program_.get(), GL_LINK_STATUS, &ok);
    if (ok != GL_TRUE) throw RenderError("shaders " + label_ + " do not link: " + infoLog(program_.get(), true));
    glDetachShader(program_.get(), vertex.get());
    glDetachShader(program_.get(), fragment.get());
}

GLint ShaderProgram::location(const char* name) {
    auto it = locations_.find(name);
    if (it != locations_.end()) return it->second;
    GLint loc = glGetUniformLocation(program_.get(), name);
    locations_.emplace(name, loc);
    return loc;
}

void ShaderProgram::set(const char* name, float v) { glUniform1f(location(name), v); }
void ShaderProgram::set(const char* name, float x, float y) { glUniform2f(location(name), x, y); }
void ShaderProgram::set(const char* name, float x, float y, float z) { glUniform3f(location(name), x, y, z); }
void ShaderProgram::set(const char* name, int v) { glUniform1i(location(name), v); }

}  // namespace smp::render
