// Writes the valid seeds of the fuzz corpus with the real serializer, so that the fuzzer starts
// from files the app itself saves. Run it again when the project format changes:
//   build/fuzz/smp-fuzz-seeds tests/fuzz/corpus
// The invalid seeds next to them are written by hand and stay as they are.

#include "core/Project.h"
#include "core/design/FaceFrame.h"
#include "core/design/HairlineStyle.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace {

using namespace smp;

// A small mask with a painted disc: a few runs, enough to reach every check of the run reader.
design::PhotoMask discMask(core::Vec2 centrePx, double radiusPx) {
    design::PhotoMask mask({64, 48});
    mask.paintDisc(centrePx, radiusPx);
    return mask;
}

design::Design designOf(const design::StyleParams& style) {
    design::Design d;
    d.face = design::defaultFaceFrame({250, 330});
    d.style = style;
    d.hairline = design::makeHairline(style, d.face);
    d.zones.head = discMask({32, 24}, 20);
    return d;
}

void write(const std::filesystem::path& folder, const char* name, const core::Project& project) {
    std::ofstream(folder / name, std::ios::binary) << core::serializeProject(project, folder);
    std::printf("wrote %s\n", (folder / name).c_str());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: smp-fuzz-seeds CORPUS_FOLDER\n");
        return 2;
    }
    const std::filesystem::path folder = std::filesystem::absolute(argv[1]);

    core::Project bare;  // no design yet, as a project saved before the hairline was placed
    bare.photoPath = folder / "photos" / "front.jpg";
    bare.scale = {6.1, core::ScaleSource::InterpupillaryDistance};
    write(folder, "valid-no-design.smp.json", bare);

    core::Project rounded = bare;
    rounded.design = designOf(design::StyleParams{});
    rounded.design->zones.scar = discMask({20, 30}, 4);
    rounded.plan = dots::SessionPlan::standard(2);
    rounded.seed = 42;
    write(folder, "valid-rounded.smp.json", rounded);

    core::Project natural = bare;
    natural.scale = {4.0, core::ScaleSource::Ruler};
    design::StyleParams style;
    style.style = design::HairlineStyle::Natural;
    style.transitionMm = 0.0;
    natural.design = designOf(style);
    natural.design->zones.avoid = discMask({50, 10}, 3);
    natural.design->zones.blend = discMask({10, 40}, 5);
    natural.plan = dots::SessionPlan::standard(4);
    write(folder, "valid-natural.smp.json", natural);
    return 0;
}
