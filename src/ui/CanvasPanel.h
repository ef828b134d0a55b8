#pragma once
// The photo, as large as the window allows: zoom at the cursor, pan, fit, 100%. The scene is
// rendered by the shared SceneRenderer into an offscreen target that ImGui shows, so the canvas
// and every export draw the same pixels.

#include "render/RenderTarget.h"
#include "render/SceneRenderer.h"
#include "ui/AppState.h"

#include <imgui.h>

#include <cstdint>

namespace smp::ui {

// What the canvas texture currently shows; the scene is drawn again only when this changes,
// so idle frames and UI-only frames cost nothing on the canvas.
struct CanvasContent {
    std::uint64_t photoRevision = ~0ull;
    core::ViewTransform view;
    core::SizePx sizePx;

    friend bool operator==(const CanvasContent& a, const CanvasContent& b) {
        return a.photoRevision == b.photoRevision && a.view.zoom == b.view.zoom && a.view.offsetPx == b.view.offsetPx &&
               a.sizePx == b.sizePx;
    }
};

// The GPU side of the canvas. Needs a current GL context to construct.
struct CanvasGpu {
    render::SceneRenderer renderer;
    render::RenderTarget target;
    std::uint64_t uploadedPhotoRevision = 0;
    CanvasContent shown;
};

// Draws the canvas in the given rectangle (ImGui logical pixels).
void drawCanvas(AppState& state, CanvasGpu& gpu, ImVec2 topLeft, ImVec2 size);

}  // namespace smp::ui
