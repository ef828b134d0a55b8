// How long the photo path takes: decoding a phone-sized JPEG, drawing a 24 MP photo into a
// 1080p canvas, and exporting it at full resolution, whole and stage by stage (render, read
// back, encode). Runs headless on EGL.
#include "core/ViewTransform.h"
#include "render/HeadlessGl.h"
#include "render/RenderTarget.h"
#include "render/SceneRenderer.h"
#include "vision/ImageWriter.h"
#include "vision/PhotoLoader.h"

#include "PaintedPhotos.h"
#include "ScatteredDots.h"

#include <benchmark/benchmark.h>
#include <epoxy/gl.h>

#include <filesystem>
#include <iostream>
#include <random>
#include <vector>

using namespace smp;

namespace {

const std::filesystem::path kScratch = std::filesystem::temp_directory_path() / "smp-photo-bench";

const core::Image& photo24Mp() {
    static const core::Image photo = test::paintTestPhoto(6000, 4000);
    return photo;
}

// The export case: a 24 MP photo at ~12 px/mm carries 100k healed dots.
constexpr double kPxPerMm = 12.0;
constexpr int kExportDots = 100000;

// What an export encodes: the 24 MP photo with its 100k dots, rendered once. The encoders see
// the dots' fine detail, which a bare gradient photo would flatter.
const core::Image& export24MpWithDots() {
    static const core::Image image = [] {
        render::SceneRenderer renderer;
        renderer.setPhoto(photo24Mp());
        const std::vector<preview::DotLook> dots = test::scatterDots(renderer.photoSize(), kPxPerMm, kExportDots);
        renderer.setDots(dots, kPxPerMm);
        const core::ExportFrame frame = core::wholePhotoAtWidth(renderer.photoSize(), 6000);
        return renderer.renderToImage(frame.size, frame.view);
    }();
    return image;
}

void loadPhoneJpeg(benchmark::State& state) {
    const auto file = kScratch / "phone-12mp.jpg";
    vision::writeImage(test::paintTestPhoto(4000, 3000), file);
    for (auto _ : state) benchmark::DoNotOptimize(vision::loadPhoto(file));
    state.counters["MP"] = 12;
}

void drawCanvas1080p(benchmark::State& state) {
    render::SceneRenderer renderer;
    renderer.setPhoto(photo24Mp());
    render::RenderTarget target;
    target.resize({1920, 1080});
    const core::ViewTransform fitted = core::fitToView(renderer.photoSize(), target.size());
    // Two views a wheel step apart, in turn: the renderer reuses a frame whose view did not
    // change, and a repeated view would time nothing.
    const core::ViewTransform views[2] = {fitted, core::zoomAt(fitted, {960, 540}, 1.02)};
    int step = 0;
    for (auto _ : state) {
        renderer.render(target, views[step++ % 2]);
        glFinish();
    }
    state.counters["fps"] = benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
}

void exportFullResolution(benchmark::State& state, const char* extension) {
    render::SceneRenderer renderer;
    renderer.setPhoto(photo24Mp());
    const core::ExportFrame frame = core::wholePhotoAtWidth(renderer.photoSize(), 6000);
    const auto file = kScratch / (std::string("export") + extension);
    for (auto _ : state) vision::writeImage(renderer.renderToImage(frame.size, frame.view), file);
}

// The export's stages one by one, on 6000x4000.

// SceneRenderer::renderToImage: drawing the photo (and the dots, redrawn when withDots) into
// the export target and reading it back. render() cannot stand in for the draw alone: it keeps
// its last frame and only copies it when the view has not moved. The draw is this minus
// exportStageReadBack.
void exportStageRenderToImage(benchmark::State& state, bool withDots) {
    render::SceneRenderer renderer;
    renderer.setPhoto(photo24Mp());
    // Two layouts taking turns, so that every export draws its dots (as exportWithDots).
    const std::vector<std::vector<preview::DotLook>> layouts{test::scatterDots(renderer.photoSize(), kPxPerMm, kExportDots, 3),
                                                      test::scatterDots(renderer.photoSize(), kPxPerMm, kExportDots, 4)};
    const core::ExportFrame frame = core::wholePhotoAtWidth(renderer.photoSize(), 6000);
    (void)renderer.renderToImage(frame.size, frame.view);  // the photo's one-off first draw, not timed
    std::size_t next = 0;
    for (auto _ : state) {
        if (withDots) renderer.setDots(layouts[next], kPxPerMm);
        benchmark::DoNotOptimize(renderer.renderToImage(frame.size, frame.view));
        next = (next + 1) % layouts.size();
    }
}

// Reading a finished render back as RGB (what exports use) or RGBA.
void exportStageReadBack(benchmark::State& state, int channels) {
    render::SceneRenderer renderer;
    renderer.setPhoto(photo24Mp());
    render::RenderTarget target;
    target.resize(renderer.photoSize());
    renderer.render(target, core::fitToView(renderer.photoSize(), target.size()));
    glFinish();
    for (auto _ : state) benchmark::DoNotOptimize(target.read(channels));
    state.counters["MB/s"] = benchmark::Counter(double(state.iterations()) * target.size().width *
                                                    target.size().height * channels / 1e6,
                                                benchmark::Counter::kIsRate);
}

// Encoding and writing (atomically, fsync included) a rendered export; reports the file size.
void exportStageEncode(benchmark::State& state, const char* extension) {
    const core::Image& image = export24MpWithDots();
    const auto file = kScratch / (std::string("encode") + extension);
    for (auto _ : state) vision::writeImage(image, file);
    state.counters["MB"] = double(std::filesystem::file_size(file)) / 1e6;
}

// The floor: render with 100k dots (drawn for this export, as the command line does),
// read back, encode and write. Floors: PNG <= 2.5 s, JPEG <= 1 s. The photo's first draw after
// its upload is a one-off, paid before the loop as the window pays it before any export. Two
// layouts take turns: setting the same dots again would redraw none of them.
void exportWithDots(benchmark::State& state, const char* extension) {
    render::SceneRenderer renderer;
    renderer.setPhoto(photo24Mp());
    const std::vector<std::vector<preview::DotLook>> layouts{test::scatterDots(renderer.photoSize(), kPxPerMm, kExportDots, 3),
                                                      test::scatterDots(renderer.photoSize(), kPxPerMm, kExportDots, 4)};
    const core::ExportFrame frame = core::wholePhotoAtWidth(renderer.photoSize(), 6000);
    const auto file = kScratch / (std::string("export-dots") + extension);
    (void)renderer.renderToImage(frame.size, frame.view);
    std::size_t next = 0;
    for (auto _ : state) {
        renderer.setDots(layouts[next], kPxPerMm);
        vision::writeImage(renderer.renderToImage(frame.size, frame.view), file);
        next = (next + 1) % layouts.size();
    }
    state.counters["MB"] = double(std::filesystem::file_size(file)) / 1e6;
}

}  // namespace

BENCHMARK(loadPhoneJpeg)->Unit(benchmark::kMillisecond);
// GL work runs on Mesa's threads, not the calling one: wall-clock time is the figure.
BENCHMARK(drawCanvas1080p)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(exportFullResolution, png_24mp, ".png")->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK_CAPTURE(exportFullResolution, jpeg_24mp, ".jpg")->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

BENCHMARK_CAPTURE(exportStageRenderToImage, photo_24mp, false)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK_CAPTURE(exportStageRenderToImage, dots_100k_24mp, true)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK_CAPTURE(exportStageReadBack, rgb_24mp, 3)->Unit(benchmark::kMillisecond)->Iterations(5)->UseRealTime();
BENCHMARK_CAPTURE(exportStageReadBack, rgba_24mp, 4)->Unit(benchmark::kMillisecond)->Iterations(5)->UseRealTime();
BENCHMARK_CAPTURE(exportStageEncode, png_24mp, ".png")->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK_CAPTURE(exportStageEncode, jpeg_24mp, ".jpg")->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK_CAPTURE(exportWithDots, png_24mp_100k, ".png")->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK_CAPTURE(exportWithDots, jpeg_24mp_100k, ".jpg")->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

int main(int argc, char** argv) {
    std::filesystem::create_directories(kScratch);
    render::HeadlessGl gl;
    std::cout << "GL renderer: " << gl.rendererName() << "\n";
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    std::filesystem::remove_all(kScratch);
    return 0;
}
