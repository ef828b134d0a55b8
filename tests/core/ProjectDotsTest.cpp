#include "core/Errors.h"
#include "core/ProjectDots.h"

#include "DesignedProject.h"

#include <catch2/catch.hpp>

using namespace smp;
using Catch::Matchers::Contains;

namespace {

using test::designedProject;
const core::SizePx kPhoto = test::kDesignedPhoto;

}  // namespace

TEST_CASE("a project's dots come from its design, the same on every call", "[core][projectdots]") {
    const core::Project project = designedProject();
    const dots::DotLayout a = core::projectDots(project, kPhoto);
    REQUIRE(a.sessionCount() == 3);
    REQUIRE(a.dots.size() > 1000);
    const dots::DensityField field = core::projectField(project, kPhoto);
    for (const dots::Dot& d : a.dots) REQUIRE(field.inside(d.positionMm));
    const dots::DotLayout b = core::projectDots(project, kPhoto);
    REQUIRE(b.dots.size() == a.dots.size());
    REQUIRE(b.dots.front().positionMm == a.dots.front().positionMm);
    REQUIRE(b.dots.back().positionMm == a.dots.back().positionMm);
}

TEST_CASE("the settled skin shows the sessions done, less the dots shed while healing", "[core][projectdots]") {
    const core::Project project = designedProject();
    const auto skinAfter = [&](int sessions) { return core::projectSkin(project, kPhoto, {sessions, std::nullopt}); };
    REQUIRE(skinAfter(0).looks.empty());
    for (int k = 1; k <= 3; ++k) {
        const core::ProjectSkin skin = skinAfter(k);
        std::size_t kept = 0;
        for (std::size_t i = 0; i < skin.layout.sessionStart[static_cast<std::size_t>(k)]; ++i)
            kept += skin.layout.dots[i].shedBeforeNext ? 0 : 1;
        REQUIRE(skin.looks.size() == kept);
    }
    REQUIRE(skinAfter(9).looks.size() == skinAfter(3).looks.size());
    // The project's saved timeline, all sessions settled, is the same skin.
    REQUIRE(core::projectSkin(project, kPhoto, core::timelinePoint(project.timeline)).looks == skinAfter(3).looks);
}

TEST_CASE("a design that treats no skin has no dots, and no design is an error that says what to do", "[core][projectdots]") {
    core::Project project = designedProject();
    // A head outline drawn round the chin only: all of it lies in front of the hairline.
    project.design->zones.head = design::PhotoMask(kPhoto);
    project.design->zones.head.paintDisc({500.0, 1000.0}, 80.0);
    const dots::DotLayout none = core::projectDots(project, kPhoto);
    REQUIRE(none.dots.empty());
    REQUIRE(none.sessionCount() == 3);
    REQUIRE(core::projectSkin(project, kPhoto, {3, std::nullopt}).looks.empty());

    project.design.reset();
    REQUIRE_THROWS_WITH(core::projectDots(project, kPhoto), Contains("the project has no hairline yet"));
}
