#pragma once
// The photo, as large as the window allows: zoom at the cursor, pan, fit, 100%. The scene is
// rendered by the shared SceneRenderer into an offscreen target that ImGui shows, so the canvas
// and every export draw the same pixels.

#include "core/Project.h"
#include "core/dots/MicrodotEngine.h"
#include "render/RenderTarget.h"
#include "render/SceneRenderer.h"
#include "ui/AppState.h"
#include "ui/DotsWorker.h"

#include <imgui.h>

#include <cstdint>
#include <optional>

namespace smp::ui {

// What the canvas texture currently shows; the scene is drawn again only when this changes,
// so idle frames and UI-only frames cost nothing on the canvas.
struct CanvasContent {
    std::uint64_t photoRevision = ~0ull;
    std::uint64_t skinRevision = ~0ull;
    core::ViewTransform view;
    core::SizePx sizePx;
    core::CompareView compare;

    friend bool operator==(const CanvasContent& a, const CanvasContent& b) {
        return a.photoRevision == b.photoRevision && a.skinRevision == b.skinRevision && a.view.zoom == b.view.zoom &&
               a.view.offsetPx == b.view.offsetPx && a.sizePx == b.sizePx && a.compare == b.compare;
    }
};

// The dots of the document's design, kept while only the timeline moves: scrubbing the days
// re-dresses the same dots (core/preview/Healing.h) instead of placing them again.
struct CanvasSkin {
    std::optional<dots::DensityField> field;  // none: no design, no dots
    dots::DotLayout layout;
    core::ProjectTimeline shownTimeline;
    std::uint64_t revision = 0;  // bumped whenever the dots handed to the renderer change
    std::uint64_t designRevision = 0;     // the document's design revision these dots were placed for
    std::uint64_t requestedRevision = 0;  // the newest design revision handed to the worker
};

// The GPU side of the canvas. Needs a current GL context to construct.
struct CanvasGpu {
    render::SceneRenderer renderer;
    render::RenderTarget target;
    render::RenderTarget quickTarget;  // half resolution, while zooming
    std::uint64_t uploadedPhotoRevision = 0;
    CanvasSkin skin;
    CanvasContent shown;
    DotsWorker dotsWorker;  // places the dots of an edited design off the UI thread
};

// Draws the canvas in the given rectangle (ImGui logical pixels).
void drawCanvas(AppState& state, CanvasGpu& gpu, ImVec2 topLeft, ImVec2 size);

}  // namespace smp::ui
