#pragma once
// The GL calls the window's frame needs around ImGui's drawing: clearing the window, reading it
// back for a screenshot, and naming the renderer for Help > About.

#include "core/Geometry.h"
#include "core/Image.h"

#include <string>

namespace smp::render {

// Binds the window's own framebuffer, sets the viewport to cover it and clears it.
void clearWindow(core::SizePx size);

// Reads the window's back buffer, row 0 at the top.
core::Image readWindowPixels(core::SizePx size);

// GL_RENDERER of the current context, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)".
std::string currentRendererName();

// Reads the bound read framebuffer (shared with RenderTarget::read).
core::Image readBoundPixels(core::SizePx size, int channels);

}  // namespace smp::render
