// make_demo_projects.cpp - writes the demo's companion projects next to demo.smp.json.
//
//   cmake --build build/dev --target smp-make-demo-projects
//   build/dev/smp-make-demo-projects assets/demo
//
// demo.smp.json names only the photo: the window places the hairline on opening. Its companions
// carry that same automatic design, so that they differ from it in one thing each:
// - demo_brown.smp.json: the same head with brown skin (demo_head_brown.jpg, painted by
//   make_demo_head --brown-skin), to show how the pigment reads on darker skin;
// - demo_scar.smp.json: the head with a pale linear scar across the upper scalp
//   (demo_head_scar.jpg, make_demo_head --scar) and a scar zone over it, with a fourth session
//   as scars need.
// The README's preview gallery and the golden tests render them.

#include "core/Project.h"
#include "core/dots/SessionPlan.h"
#include "vision/ClientDocument.h"

#include <cstdio>
#include <exception>
#include <stdexcept>
#include <filesystem>
#include <vector>

using namespace smp;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s assets/demo\n", argv[0]);
        return 2;
    }
    try {
        const std::filesystem::path folder = argv[1];
        const vision::ClientDocument demo = vision::openClientDocument(folder / "demo.smp.json");
        const double pxPerMm = demo.project.scale.pxPerMm;

        core::Project brown = demo.project;
        brown.photoPath = std::filesystem::absolute(folder / "demo_head_brown.jpg");
        brown.photoHash = vision::photoFileFingerprint(brown.photoPath);
        core::saveProject(brown, folder / "demo_brown.smp.json");

        core::Project scar = demo.project;
        scar.photoPath = std::filesystem::absolute(folder / "demo_head_scar.jpg");
        scar.photoHash = vision::photoFileFingerprint(scar.photoPath);
        const design::FaceFrame& face = scar.design->face;
        // From 25 mm left of the midline, 80 mm above the glabella (just behind the hairline),
        // rising to 30 mm right at 92 mm: about 6 mm wide.
        std::vector<core::Vec2> pathPx;
        for (int i = 0; i <= 20; ++i) {
            const double t = i / 20.0;
            const core::Vec2 mm = face.toPhoto(-25.0 + 55.0 * t, 80.0 + 12.0 * t);
            pathPx.push_back(mm * pxPerMm);
        }
        design::PhotoMask& zone = scar.design->zones.scar;
        zone = design::PhotoMask({demo.photo.width, demo.photo.height});  // a default mask has no pixels to paint
        zone.paintStroke(pathPx, 3.0 * pxPerMm);
        if (zone.empty()) throw std::runtime_error("the scar stroke missed the photo");
        scar.plan = dots::SessionPlan::standard(4);
        core::saveProject(scar, folder / "demo_scar.smp.json");
        std::printf("wrote demo_brown.smp.json and demo_scar.smp.json in %s\n", folder.c_str());
        return 0;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "%s\n", error.what());
        return 1;
    }
}
