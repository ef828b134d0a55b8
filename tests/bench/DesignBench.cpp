// How long it takes to turn the demo photo into a design and its dots: finding the face, the head
// outline, the forehead's skin tone, the whole automatic placement, the density field, and the
// engine on that field.
#include "core/ProjectDots.h"
#include "core/design/FieldBuilder.h"
#include "vision/ClientDocument.h"
#include "vision/FaceDetector.h"
#include "vision/HeadOutline.h"
#include "vision/PhotoAnalysis.h"
#include "vision/SkinSampler.h"

#include <benchmark/benchmark.h>

using namespace smp;

namespace {

const vision::ClientDocument& demo() {
    static const vision::ClientDocument document =
        vision::openClientDocument(SMP_SOURCE_DIR "/assets/demo/demo.smp.json");
    return document;
}

void findFace(benchmark::State& state) {
    const vision::FaceDetector detector;
    for (auto _ : state) benchmark::DoNotOptimize(detector.find(demo().photo));
}

void proposeHeadOutline(benchmark::State& state) {
    const vision::FaceDetector detector;
    const auto face = detector.find(demo().photo);
    for (auto _ : state) benchmark::DoNotOptimize(vision::proposeHeadOutline(demo().photo, face));
}

void sampleForehead(benchmark::State& state) {
    const core::Project& project = demo().project;
    for (auto _ : state)
        benchmark::DoNotOptimize(vision::sampleForehead(demo().photo, project.design->face, project.scale, 80.0));
}

// Everything opening a bare photo does after decoding it.
void placeDesign(benchmark::State& state) {
    for (auto _ : state) {
        core::Project project = demo().project;
        project.design.reset();
        benchmark::DoNotOptimize(vision::placeProjectDesign(project, demo().photo));
    }
}

void buildDensityField(benchmark::State& state) {
    const core::Project& project = demo().project;
    const core::SizePx size{demo().photo.width, demo().photo.height};
    for (auto _ : state) benchmark::DoNotOptimize(core::projectField(project, size));
}

void demoDots(benchmark::State& state) {
    const core::Project& project = demo().project;
    const core::SizePx size{demo().photo.width, demo().photo.height};
    std::size_t dots = 0;
    for (auto _ : state) dots = core::projectDots(project, size).dots.size();
    state.counters["dots"] = static_cast<double>(dots);
}

}  // namespace

BENCHMARK(findFace)->Unit(benchmark::kMillisecond);
BENCHMARK(proposeHeadOutline)->Unit(benchmark::kMillisecond);
BENCHMARK(sampleForehead)->Unit(benchmark::kMillisecond);
BENCHMARK(placeDesign)->Unit(benchmark::kMillisecond);
BENCHMARK(buildDensityField)->Unit(benchmark::kMillisecond);
BENCHMARK(demoDots)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
