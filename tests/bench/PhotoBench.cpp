// How long the photo path takes: decoding a phone-sized JPEG, drawing a 24 MP photo into a
// 1080p canvas, and exporting it at full resolution. Runs headless on EGL.
#include "core/ViewTransform.h"
#include "render/HeadlessGl.h"
#include "render/RenderTarget.h"
#include "render/SceneRenderer.h"
#include "vision/ImageWriter.h"
#include "vision/PhotoLoader.h"

#include "PaintedPhotos.h"

#include <benchmark/benchmark.h>
#include <epoxy/gl.h>

#include <filesystem>
#include <iostream>

using namespace smp;

namespace {

const std::filesystem::path kScratch = std::filesystem::temp_directory_path() / "smp-photo-bench";

const core::Image& photo24Mp() {
    static const core::Image photo = test::paintTestPhoto(6000, 4000);
    return photo;
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
    const core::ViewTransform view = core::fitToView(renderer.photoSize(), target.size());
    for (auto _ : state) {
        renderer.render(target, view);
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

}  // namespace

BENCHMARK(loadPhoneJpeg)->Unit(benchmark::kMillisecond);
// GL work runs on Mesa's threads, not the calling one: wall-clock time is the figure.
BENCHMARK(drawCanvas1080p)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(exportFullResolution, png_24mp, ".png")->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK_CAPTURE(exportFullResolution, jpeg_24mp, ".jpg")->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

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
