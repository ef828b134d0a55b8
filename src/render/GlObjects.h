#pragma once
// The GL object kinds the renderer uses, each owned by a GlHandle.

#include "render/GlHandle.h"

#include <epoxy/gl.h>

namespace smp::render {

namespace traits {
struct Texture {
    static GLuint create() { GLuint n = 0; glGenTextures(1, &n); return n; }
    static void destroy(GLuint n) { glDeleteTextures(1, &n); }
};
struct Framebuffer {
    static GLuint create() { GLuint n = 0; glGenFramebuffers(1, &n); return n; }
    static void destroy(GLuint n) { glDeleteFramebuffers(1, &n); }
};
struct VertexArray {
    static GLuint create() { GLuint n = 0; glGenVertexArrays(1, &n); return n; }
    static void destroy(GLuint n) { glDeleteVertexArrays(1, &n); }
};
struct Buffer {
    static GLuint create() { GLuint n = 0; glGenBuffers(1, &n); return n; }
    static void destroy(GLuint n) { glDeleteBuffers(1, &n); }
};
struct Sampler {
    static GLuint create() { GLuint n = 0; glGenSamplers(1, &n); return n; }
    static void destroy(GLuint n) { glDeleteSamplers(1, &n); }
};
struct Program {
    static GLuint create() { return glCreateProgram(); }
    static void destroy(GLuint n) { glDeleteProgram(n); }
};
}  // namespace traits

using TextureHandle = GlHandle<traits::Texture>;
using FramebufferHandle = GlHandle<traits::Framebuffer>;
using VertexArrayHandle = GlHandle<traits::VertexArray>;
using BufferHandle = GlHandle<traits::Buffer>;
using ProgramHandle = GlHandle<traits::Program>;
using SamplerHandle = GlHandle<traits::Sampler>;

}  // namespace smp::render
