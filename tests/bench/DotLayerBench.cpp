// How long the dot layer takes: drawing it when the dots change, and a canvas frame when only the
// view moves (the layer is then sampled, not drawn). Runs headless on EGL.
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

// setDots and the next render's redraw, finished on the GPU; the render target is tiny so that
// the photo pass adds next to nothing.
void redrawLayer(benchmark::State& state, core::SizePx photoSize, double pxPerMm) {
    render::SceneRenderer renderer;
    renderer.setPhoto(test::paintTestPhoto(photoSize.width, photoSize.height));
    const std::vector<dots::Dot> dots = scatterDots(photoSize, pxPerMm, int(state.range(0)));
    render::RenderTarget target;
    target.resize({16, 16});
    for (auto _ : state) {
        renderer.setDots(dots, pxPerMm);
        renderer.render(target, {});
        glFinish();
    }
    state.counters["dots"] = double(dots.size());
}

// A 1080p canvas frame after a pan, with the layer already drawn (or no dots at all).
void viewFrame1080p(benchmark::State& state, bool withDots, double zoom) {
    const core::SizePx photoSize{1000, 1300};
    render::SceneRenderer renderer;
    renderer.setPhoto(test::paintTestPhoto(photoSize.width, photoSize.height));
    if (withDots) renderer.setDots(scatterDots(photoSize, 4.0, 60000), 4.0);
    render::RenderTarget target;
    target.resize({1920, 1080});
    core::ViewTransform view = core::fitToView(photoSize, target.size());
    view = core::zoomAt(view, {960, 540}, zoom);
    renderer.render(target, view);
    glFinish();
    const int drawsBefore = renderer.dotLayerDraws();
    int step = 0;
    for (auto _ : state) {
        view = core::panBy(view, {(step++ % 2) ? 3.0 : -3.0, 1.0});
        renderer.render(target, view);
        glFinish();
    }
    if (renderer.dotLayerDraws() != drawsBefore) state.SkipWithError("a view change redrew the dot layer");
}

}  // namespace

// GL work runs on Mesa's threads, not the calling one: wall-clock time is the figure.
BENCHMARK_CAPTURE(redrawLayer, photo_1000x1300_4pxmm, core::SizePx{1000, 1300}, 4.0)
    ->Arg(60000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(redrawLayer, photo_4000x3000_12pxmm, core::SizePx{4000, 3000}, 12.0)
    ->Arg(60000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(viewFrame1080p, photo_only_fit, false, 1.0)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(viewFrame1080p, dots60k_fit, true, 1.0)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(viewFrame1080p, photo_only_zoom4, false, 4.0)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(viewFrame1080p, dots60k_zoom4, true, 4.0)->Unit(benchmark::kMillisecond)->UseRealTime();

int main(int argc, char** argv) {
    render::HeadlessGl gl;
    std::cout << "GL renderer: " << gl.rendererName() << "\n";
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
