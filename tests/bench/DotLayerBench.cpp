// How long the dot layer takes to redraw when the dots change. Runs headless on EGL.
#include "core/ViewTransform.h"
#include "render/HeadlessGl.h"
#include "render/PigmentCanvas.h"
#include "render/RenderTarget.h"
#include "render/SceneRenderer.h"

#include "PaintedPhotos.h"
#include "ScatteredDots.h"

#include <benchmark/benchmark.h>
#include <epoxy/gl.h>

#include <ctime>
#include <iostream>
#include <random>
#include <vector>

using namespace smp;

namespace {

// CPU time of the whole process, llvmpipe's threads included: on a machine shared with other
// work the wall-clock time swings, this much less. On an idle 2-core machine the wall-clock time
// lies between half of it and all of it.
double processCpuMs() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) * 1e-6;
}

// The same layout with the dots of its top tenth (a hairline being reshaped) moved and resized:
// about a tenth of the dots change, all in one band.
std::vector<preview::DotLook> editHairline(std::vector<preview::DotLook> dots, core::SizePx photo, double pxPerMm) {
    std::mt19937 random(17);
    std::uniform_real_distribution<double> jitter(-0.3, 0.3);
    const double bandMm = 0.1 * photo.height / pxPerMm;
    for (preview::DotLook& dot : dots)
        if (dot.positionMm.y < bandMm) {
            dot.positionMm.x += jitter(random);
            dot.diameterMm *= 1.1;
        }
    return dots;
}

// Each iteration sets the next layout (they alternate, so every one is a change) and times the
// next render's redraw, finished on the GPU. The render target is tiny so that the view pass adds
// next to nothing. Both layouts are drawn once first: llvmpipe compiles shaders on first use.
void redraw(benchmark::State& state, core::SizePx photoSize, double pxPerMm,
            const std::vector<std::vector<preview::DotLook>>& layouts) {
    render::SceneRenderer renderer;
    renderer.setPhoto(test::paintTestPhoto(photoSize.width, photoSize.height));
    render::RenderTarget target;
    target.resize({16, 16});
    for (const auto& layout : layouts) {
        renderer.setDots(layout, pxPerMm);
        renderer.render(target, {});
    }
    glFinish();
    std::size_t next = 0;
    const double cpuBefore = processCpuMs();
    for (auto _ : state) {
        renderer.setDots(layouts[next], pxPerMm);
        renderer.render(target, {});
        glFinish();
        next = (next + 1) % layouts.size();
    }
    state.counters["all_threads_cpu_ms"] = (processCpuMs() - cpuBefore) / double(state.iterations());
    state.counters["dots"] = double(layouts.front().size());
}

void fullChange(benchmark::State& state, core::SizePx photo, double pxPerMm, float redness) {
    const int count = int(state.range(0));
    redraw(state, photo, pxPerMm,
           {test::scatterDots(photo, pxPerMm, count, 3, redness), test::scatterDots(photo, pxPerMm, count, 4, redness)});
}

void hairlineEdit(benchmark::State& state, core::SizePx photo, double pxPerMm) {
    const std::vector<preview::DotLook> dots = test::scatterDots(photo, pxPerMm, int(state.range(0)), 3);
    redraw(state, photo, pxPerMm, {dots, editHairline(dots, photo, pxPerMm)});
}

// The floor: a frame of the canvas after an edit changes the dots (<= 25 ms at 1080p
// with 60k dots). Each iteration sets the next layout (a hairline drag: a tenth of the dots move,
// all in one band) and draws the 1080p frame the canvas shows, the photo fitted into it.
void editFrame1080p(benchmark::State& state, core::SizePx photo, double pxPerMm, double zoom = 1.0,
                    render::FrameQuality quality = render::FrameQuality::Final) {
    const std::vector<preview::DotLook> dots = test::scatterDots(photo, pxPerMm, int(state.range(0)), 3);
    const std::vector<std::vector<preview::DotLook>> layouts{dots, editHairline(dots, photo, pxPerMm)};
    render::SceneRenderer renderer;
    renderer.setPhoto(test::paintTestPhoto(photo.width, photo.height));
    render::RenderTarget target;
    target.resize({1920, 1080});
    // Zoomed in, about the band the edit changes.
    const core::ViewTransform fit = core::fitToView(photo, target.size());
    const core::ViewTransform view = core::zoomAt(fit, {960.0, fit.offsetPx.y + 0.05 * photo.height * fit.zoom}, zoom);
    for (const auto& layout : layouts) {
        renderer.setDots(layout, pxPerMm);
        renderer.render(target, view, {}, quality);
    }
    glFinish();
    std::size_t next = 0;
    const double cpuBefore = processCpuMs();
    for (auto _ : state) {
        renderer.setDots(layouts[next], pxPerMm);
        renderer.render(target, view, {}, quality);
        glFinish();
        next = (next + 1) % layouts.size();
    }
    state.counters["all_threads_cpu_ms"] = (processCpuMs() - cpuBefore) / double(state.iterations());
    state.counters["dots"] = double(dots.size());
}

// The CPU's part alone: working out and drawing the splats and the redness, no GL.
void canvasOnly(benchmark::State& state, core::SizePx photo, double pxPerMm, float redness) {
    const int count = int(state.range(0));
    const std::vector<std::vector<preview::DotLook>> layouts{test::scatterDots(photo, pxPerMm, count, 3, redness),
                                                             test::scatterDots(photo, pxPerMm, count, 4, redness)};
    const render::PigmentGrid grid = render::pigmentGrid(photo, pxPerMm, render::kMaxPigmentSide);
    render::PigmentCanvas canvas;
    std::size_t next = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(canvas.redraw(layouts[next], grid, {}));
        next = (next + 1) % layouts.size();
    }
}

}  // namespace

// The canvas draws on as many threads as there are cores: wall-clock time here too.
BENCHMARK_CAPTURE(canvasOnly, photo_1000x1300_4pxmm, core::SizePx{1000, 1300}, 4.0, 0.0f)
    ->Arg(60000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(canvasOnly, fresh_red_1000x1300_4pxmm, core::SizePx{1000, 1300}, 4.0, 1.0f)
    ->Arg(60000)->Unit(benchmark::kMillisecond)->UseRealTime();

// GL work runs on Mesa's threads, not the calling one: wall-clock time is the figure.
BENCHMARK_CAPTURE(fullChange, photo_1000x1300_4pxmm, core::SizePx{1000, 1300}, 4.0, 0.0f)
    ->Arg(60000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(fullChange, photo_1440x1080_4pxmm, core::SizePx{1440, 1080}, 4.0, 0.0f)
    ->Arg(60000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(fullChange, fresh_red_1000x1300_4pxmm, core::SizePx{1000, 1300}, 4.0, 1.0f)
    ->Arg(60000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(hairlineEdit, photo_1000x1300_4pxmm, core::SizePx{1000, 1300}, 4.0)
    ->Arg(60000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(editFrame1080p, photo_1000x1300_4pxmm, core::SizePx{1000, 1300}, 4.0)
    ->Arg(60000)->Unit(benchmark::kMillisecond)->UseRealTime();
// The same edit zoomed in 4x on the band, as an artist drags a hairline point: the band fills the
// view. Final frames filter the close-up; Moving ones (while the drag lasts) magnify the composite.
BENCHMARK_CAPTURE(editFrame1080p, zoom4_final, core::SizePx{1000, 1300}, 4.0, 4.0)
    ->Arg(60000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(editFrame1080p, zoom4_moving, core::SizePx{1000, 1300}, 4.0, 4.0, render::FrameQuality::Moving)
    ->Arg(60000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(fullChange, photo_4000x3000_12pxmm, core::SizePx{4000, 3000}, 12.0, 0.0f)
    ->Arg(60000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(fullChange, export_6000x4000_12pxmm, core::SizePx{6000, 4000}, 12.0, 0.0f)
    ->Arg(100000)->Unit(benchmark::kMillisecond)->UseRealTime();

int main(int argc, char** argv) {
    render::HeadlessGl gl;
    std::cout << "GL renderer: " << gl.rendererName() << "\n";
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
