// A canvas frame when only the view moves: the dot layer is then sampled, not drawn. Runs
// headless on EGL. Pans move the last frame's pixels; wheel steps show a frame drawn whole.
#include "core/CompareView.h"
#include "core/ViewTransform.h"
#include "render/HeadlessGl.h"
#include "render/RenderTarget.h"
#include "render/SceneRenderer.h"

#include "PaintedPhotos.h"
#include "ScatteredDots.h"

#include <benchmark/benchmark.h>
#include <epoxy/gl.h>

#include <iostream>
#include <random>
#include <vector>

using namespace smp;

namespace {

// How the view moves between frames.
enum class Move {
    Pan,   // a drag by whole pixels: the renderer moves the last frame's pixels
    Zoom,  // a wheel step: every pixel is drawn anew
    // A wheel step as the canvas draws it while the zoom moves: at half resolution (a quarter of
    // the pixels), which ImGui stretches over the canvas, and as a Moving frame (a close-up
    // magnifies the composite); the full frame follows once still.
    QuickZoom,
};

core::ViewTransform halved(core::ViewTransform view) {
    view.zoom *= 0.5;
    view.offsetPx = view.offsetPx * 0.5;
    return view;
}

// A 1080p canvas frame after a pan or a zoom step, with the layer already drawn (or no dots at all).
void viewFrame1080p(benchmark::State& state, bool withDots, double zoom, Move move = Move::Pan,
                    core::CompareMode mode = core::CompareMode::After) {
    const core::SizePx photoSize{1000, 1300};
    render::SceneRenderer renderer;
    renderer.setPhoto(test::paintTestPhoto(photoSize.width, photoSize.height));
    if (withDots) renderer.setDots(test::scatterDots(photoSize, 4.0, 60000), 4.0);
    render::RenderTarget target;
    target.resize({1920, 1080});
    core::ViewTransform view = core::fitToView(photoSize, target.size());
    view = core::zoomAt(view, {960, 540}, zoom);
    const core::CompareView compare{mode, 0.5};
    const bool quick = move == Move::QuickZoom;
    if (quick) target.resize({960, 540});
    const render::FrameQuality quality = quick ? render::FrameQuality::Moving : render::FrameQuality::Final;
    renderer.render(target, quick ? halved(view) : view, compare, quality);
    glFinish();
    const int drawsBefore = renderer.dotLayerDraws();
    int step = 0;
    for (auto _ : state) {
        const bool odd = step++ % 2;
        if (move == Move::Pan) view = core::panBy(view, {odd ? 3.0 : -3.0, 1.0});
        else view = core::zoomAt(view, {960, 540}, odd ? 1.0 / 1.02 : 1.02);
        renderer.render(target, quick ? halved(view) : view, compare, quality);
        glFinish();
    }
    if (renderer.dotLayerDraws() != drawsBefore) state.SkipWithError("a view change redrew the dot layer");
}

}  // namespace

// GL work runs on Mesa's threads, not the calling one: wall-clock time is the figure.
BENCHMARK_CAPTURE(viewFrame1080p, photo_only_fit, false, 1.0)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(viewFrame1080p, dots60k_fit, true, 1.0)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(viewFrame1080p, photo_only_zoom4, false, 4.0)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(viewFrame1080p, dots60k_zoom4, true, 4.0)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(viewFrame1080p, dots60k_split_fit, true, 1.0, Move::Pan, core::CompareMode::Split)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
// Wheel steps: what a frame costs when nothing of the last one can be reused.
BENCHMARK_CAPTURE(viewFrame1080p, photo_only_fit_wheel, false, 1.0, Move::Zoom)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(viewFrame1080p, dots60k_fit_wheel, true, 1.0, Move::Zoom)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(viewFrame1080p, photo_only_zoom4_wheel, false, 4.0, Move::Zoom)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(viewFrame1080p, dots60k_zoom4_wheel, true, 4.0, Move::Zoom)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(viewFrame1080p, dots60k_split_fit_wheel, true, 1.0, Move::Zoom, core::CompareMode::Split)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(viewFrame1080p, dots60k_fit_wheel_quick, true, 1.0, Move::QuickZoom)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(viewFrame1080p, dots60k_zoom4_wheel_quick, true, 4.0, Move::QuickZoom)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

int main(int argc, char** argv) {
    render::HeadlessGl gl;
    std::cout << "GL renderer: " << gl.rendererName() << "\n";
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
