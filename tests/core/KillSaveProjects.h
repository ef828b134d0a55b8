#pragma once
// The two projects the kill test saves in turn (tests/core/SaveLoop.cpp writes them, the test
// checks the file holds one of them whole). Sized so that a save takes a few milliseconds in a
// Debug build (~77 kB, a head zone of 1000 runs): kills 1-40 ms after the start land before
// the first save, in the middle of one (temporary file written, not yet renamed) and between
// saves. 100k runs make a 7.6 MB file that a Debug build takes ~1 s to serialise: no save would
// finish before the kill.

#include "core/Project.h"

#include <filesystem>
#include <vector>

namespace smp::test {

inline core::Project killSaveProject(int which, const std::filesystem::path& folder) {
    constexpr int kWidth = 2400;
    constexpr int rows = 20;
    constexpr int kRunsPerRow = 50;
    std::vector<std::vector<design::PixelRun>> runs(static_cast<std::size_t>(rows));
    for (int y = 0; y < rows; ++y)
        for (int k = 0; k < kRunsPerRow; ++k) {
            const int x0 = 45 * k + (y * (3 + which)) % 17;
            runs[static_cast<std::size_t>(y)].push_back({x0, x0 + 20 + (k + y + which) % 5});
        }
    core::Project project;
    project.photoPath = folder / (which == 0 ? "front.jpg" : "front-after.jpg");
    project.photoHash = which == 0 ? "00000000000000aa" : "00000000000000bb";
    project.scale = {8.0 + which, core::ScaleSource::Ruler};
    design::Design d;
    d.face = design::defaultFaceFrame({kWidth / 8.0, rows / 8.0});
    d.hairline = design::makeHairline(d.style, d.face);
    d.zones.head = design::PhotoMask::fromRows({kWidth, rows}, std::move(runs));
    project.design = d;
    project.seed = 1000 + static_cast<std::uint64_t>(which);
    project.timeline.sessionsShown = which + 1;
    return project;
}

}  // namespace smp::test
