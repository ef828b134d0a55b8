#include "render/HeadlessGl.h"

#include "render/RenderError.h"
#include "render/WindowFramebuffer.h"

// libepoxy's headers only: mixing them with <EGL/egl.h> or <GL/gl.h> breaks the build.
#include <epoxy/egl.h>
#include <epoxy/gl.h>

#include <cstdio>
#include <string>

namespace smp::render {
namespace {

// `code` is read before any clean-up call, which would overwrite EGL's error.
[[noreturn]] void fail(const char* step, EGLint eglError) {
    char code[16];
    std::snprintf(code, sizeof code, "0x%04X", static_cast<unsigned>(eglError));
    throw RenderError(std::string("headless OpenGL unavailable: ") + step + " failed (EGL error " + code +
                      "); install libegl-mesa0 and libgl1-mesa-dri");
}

EGLDisplay openSurfacelessDisplay() {
    // The surfaceless platform needs neither a GPU nor an X server.
    if (epoxy_has_egl_extension(EGL_NO_DISPLAY, "EGL_MESA_platform_surfaceless")) {
        EGLDisplay display = eglGetPlatformDisplayEXT(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
        if (display != EGL_NO_DISPLAY) return display;
    }
    return eglGetDisplay(EGL_DEFAULT_DISPLAY);
}

}  // namespace

HeadlessGl::HeadlessGl() {
    EGLDisplay display = openSurfacelessDisplay();
    if (display == EGL_NO_DISPLAY) fail("eglGetPlatformDisplayEXT", eglGetError());
    EGLint major = 0, minor = 0;
    if (!eglInitialize(display, &major, &minor)) fail("eglInitialize", eglGetError());
    display_ = display;
    if (!eglBindAPI(EGL_OPENGL_API)) {
        const EGLint error = eglGetError();
        eglTerminate(display);
        fail("eglBindAPI(OpenGL)", error);
    }

    const EGLint configAttributes[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
    EGLConfig config = nullptr;
    EGLint count = 0;
    const bool noConfigContext = epoxy_has_egl_extension(display, "EGL_KHR_no_config_context");
    if (!noConfigContext && (!eglChooseConfig(display, configAttributes, &config, 1, &count) || count < 1)) {
        const EGLint error = eglGetError();
        eglTerminate(display);
        fail("eglChooseConfig", error);
    }

    const EGLint contextAttributes[] = {
        EGL_CONTEXT_MAJOR_VERSION, 3,
        EGL_CONTEXT_MINOR_VERSION, 3,
        EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
        EGL_NONE,
    };
    EGLContext context =
        eglCreateContext(display, noConfigContext ? EGL_NO_CONFIG_KHR : config, EGL_NO_CONTEXT, contextAttributes);
    if (context == EGL_NO_CONTEXT) {
        const EGLint error = eglGetError();
        eglTerminate(display);
        fail("eglCreateContext(OpenGL 3.3 core)", error);
    }
    if (!eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
        const EGLint error = eglGetError();
        eglDestroyContext(display, context);
        eglTerminate(display);
        fail("eglMakeCurrent", error);
    }
    context_ = context;
}

HeadlessGl::~HeadlessGl() {
    auto display = static_cast<EGLDisplay>(display_);
    eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    eglDestroyContext(display, static_cast<EGLContext>(context_));
    eglTerminate(display);
    eglReleaseThread();
}

std::string HeadlessGl::rendererName() const { return currentRendererName(); }

}  // namespace smp::render
