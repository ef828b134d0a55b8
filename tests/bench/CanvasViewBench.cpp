// A canvas frame when only the view moves: the dot layer is then sampled, not drawn. Runs
// headless on EGL. Pans move the last frame's pixels; wheel steps show a frame drawn whole.
#include "core/CompareView.h"
#include "core/ViewTransform.h"
#include "render/HeadlessGl.h"
#include "render/RenderTarget.h"
#include "render/SceneRenderer.h"

#include "PaintedPhotos.h"

#include <benchmark/benchmark.h>
#include <epoxy/gl.h>

#include <iostream>
#include <random>
#include <vector>

using namespace smp;

namespace {

// count dots spread over the photo, healed sizes and shades, a few of them elongated.
std::vector<dots::Dot> scatterDots(core::SizePx photo, double pxPerMm, int count) {
    std::mt19937 random(3);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<dots::Dot> dots(static_cast<std::size_t>(count));
    for (dots::Dot& dot : dots) {
        dot.positionMm = {unit(random) * photo.width / pxPerMm, unit(random) * photo.height / pxPerMm};
        dot.diameterMm = 0.15 + 0.15 * unit(random);
        dot.shade = float(0.4 + 0.6 * unit(random));
        dot.ellipseRatio = float(1.0 + 0.5 * unit(random));
        dot.angleRad = float(3.14 * unit(random));
    }
    return dots;
}

// How the view moves between frames.
enum class Move {
    Pan,   // a drag by whole pixels: the renderer moves the last frame's pixels
    Zoom,  // a wheel step: every pixel is drawn anew
};

// A 1080p canvas frame after a pan or a zoom step, with the layer already drawn (or no dots at all).
void viewFrame1080p(benchmark::State& state, bool withDots, double zoom, Move move = Move::Pan,
                    core::CompareMode mode = core::CompareMode::After) {
    const core::SizePx photoSize{1000, 1300};
    render::SceneRenderer renderer;
    renderer.setPhoto(test::paintTestPhoto(photoSize.width, photoSize.height));
    if (withDots) renderer.setDots(scatterDots(photoSize, 4.0, 60000), 4.0);
    render::RenderTarget target;
    target.resize({1920, 1080});
    core::ViewTransform view = core::fitToView(photoSize, target.size());
    view = core::zoomAt(view, {960, 540}, zoom);
    const core::CompareView compare{mode, 0.5};
    renderer.render(target, view, compare);
    glFinish();
    const int drawsBefore = renderer.dotLayerDraws();
    int step = 0;
    for (auto _ : state) {
        const bool odd = step++ % 2;
        if (move == Move::Pan) view = core::panBy(view, {odd ? 3.0 : -3.0, 1.0});
        else view = core::zoomAt(view, {960, 540}, odd ? 1.0 / 1.02 : 1.02);
        renderer.render(target, view, compare);
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

int main(int argc, char** argv) {
    render::HeadlessGl gl;
    std::cout << "GL renderer: " << gl.rendererName() << "\n";
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
