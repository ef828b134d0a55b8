// Hairline edits on the document through the undo stack, without a window: one drag is one step,
// a refused edit changes nothing, and the unsaved marker follows undo back to the saved state.
#include "ui/DocumentEdits.h"
#include "core/Project.h"
#include "ui/DocumentActions.h"
#include "ui/HairlineEdits.h"
#include "vision/ImageWriter.h"

#include "PaintedPhotos.h"
#include "TestFolder.h"

#include <catch2/catch.hpp>

using namespace smp;

namespace {

// A saved project with the automatic design (the hairline placed on the photo), reopened.
ui::AppState openSavedProject(const std::string& name) {
    const auto folder = test::freshFolder(name);
    vision::writeImage(test::paintTestPhoto(600, 500), folder / "front.png");
    ui::AppState state;
    ui::openPath(state, folder / "front.png");
    REQUIRE(state.document.client.project.design.has_value());
    ui::saveProjectAs(state, folder / "client.smp.json");
    ui::AppState reopened;
    ui::openPath(reopened, folder / "client.smp.json");
    REQUIRE_FALSE(reopened.document.unsavedChanges);
    return reopened;
}

const design::Hairline& hairline(const ui::AppState& state) {
    return state.document.client.project.design->hairline;
}

}  // namespace

TEST_CASE("a drag of a hairline point is one undo step, its mirror partner moving with it", "[ui][undo]") {
    ui::AppState state = openSavedProject("ui_edit_drag");
    const design::Hairline original = hairline(state);
    REQUIRE(original.mirrored);
    const int last = static_cast<int>(original.points.size()) - 1;
    const auto revision = state.document.designRevision;

    ui::beginDocumentEdit(state);
    for (int step = 1; step <= 10; ++step)
        REQUIRE(ui::moveHairlinePoint(state, 0, original.points[0] + core::Vec2{step * 0.5, step * 0.3}));
    ui::endDocumentEdit(state);

    REQUIRE(state.undo.undoSteps() == 1);
    REQUIRE(state.document.unsavedChanges);
    REQUIRE(state.document.title().starts_with("* "));
    REQUIRE(state.document.designRevision > revision);  // the canvas places the dots again
    REQUIRE(hairline(state).points[0].x == Approx(original.points[0].x + 5.0));
    REQUIRE(hairline(state).points[0].y == Approx(original.points[0].y + 3.0));
    REQUIRE_FALSE(hairline(state).points[std::size_t(last)] == original.points[std::size_t(last)]);  // the partner

    ui::undoDocumentEdit(state);
    REQUIRE(hairline(state) == original);
    REQUIRE_FALSE(state.document.unsavedChanges);  // back to what is on disk
    REQUIRE(state.document.title() == "client.smp.json - SMP Studio");

    ui::redoDocumentEdit(state);
    REQUIRE(hairline(state).points[0].x == Approx(original.points[0].x + 5.0));
    REQUIRE(state.document.unsavedChanges);
}

TEST_CASE("after a save, undo past it marks the document unsaved and redo back to it clean", "[ui][undo]") {
    ui::AppState state = openSavedProject("ui_edit_save");
    const design::Hairline original = hairline(state);
    REQUIRE(ui::moveHairlinePoint(state, 1, original.points[1] + core::Vec2{0.0, -4.0}));  // a step of its own
    REQUIRE(state.undo.undoSteps() == 1);
    ui::saveProject(state);
    REQUIRE_FALSE(state.document.unsavedChanges);
    REQUIRE(core::loadProject(state.document.client.projectFile).design->hairline == hairline(state));

    ui::undoDocumentEdit(state);
    REQUIRE(hairline(state) == original);
    REQUIRE(state.document.unsavedChanges);
    ui::redoDocumentEdit(state);
    REQUIRE_FALSE(state.document.unsavedChanges);
}

TEST_CASE("insert and delete are one step each, and a refused edit changes nothing and says why", "[ui][undo]") {
    ui::AppState state = openSavedProject("ui_edit_insert_delete");
    const design::Hairline original = hairline(state);
    const std::size_t count = original.points.size();

    // Between the first two points, a little off the curve: a point and its mirror partner.
    const core::Vec2 between = (original.points[0] + original.points[1]) * 0.5 + core::Vec2{0.0, 1.0};
    const int inserted = ui::insertHairlinePoint(state, between);
    REQUIRE(inserted == 1);
    REQUIRE(hairline(state).points.size() == count + 2);
    REQUIRE(hairline(state).points[1] == between);

    REQUIRE(ui::deleteHairlinePoint(state, inserted));
    REQUIRE(hairline(state) == original);
    REQUIRE(state.undo.undoSteps() == 2);

    ui::undoDocumentEdit(state);
    REQUIRE(hairline(state).points.size() == count + 2);
    ui::undoDocumentEdit(state);
    REQUIRE(hairline(state) == original);
    REQUIRE_FALSE(state.document.unsavedChanges);

    // Deleting down to the minimum is refused once too few would remain.
    while (hairline(state).points.size() > design::kMinHairlinePoints + 1)
        REQUIRE(ui::deleteHairlinePoint(state, 0));
    const auto steps = state.undo.undoSteps();
    const design::Hairline minimal = hairline(state);
    state.messages.visible.clear();
    REQUIRE_FALSE(ui::deleteHairlinePoint(state, 0));
    REQUIRE(hairline(state) == minimal);
    REQUIRE(state.undo.undoSteps() == steps);
    REQUIRE(state.messages.visible.size() == 1);

    // A move onto its neighbour would make an invalid curve: refused, the point stays.
    REQUIRE_FALSE(ui::moveHairlinePoint(state, 0, minimal.points[1]));
    REQUIRE(hairline(state) == minimal);
}

TEST_CASE("the timeline stays where the artist left it when an edit is undone", "[ui][undo]") {
    ui::AppState state = openSavedProject("ui_edit_timeline");
    const design::Hairline original = hairline(state);
    REQUIRE(ui::moveHairlinePoint(state, 0, original.points[0] + core::Vec2{2.0, 0.0}));
    state.document.client.project.timeline.sessionsShown = 1;
    state.document.client.project.timeline.day = 4;
    ui::undoDocumentEdit(state);
    REQUIRE(hairline(state) == original);
    REQUIRE(state.document.client.project.timeline.sessionsShown == 1);
    REQUIRE(state.document.client.project.timeline.day == 4);
}

TEST_CASE("opening another document forgets the undo steps of the last one", "[ui][undo]") {
    ui::AppState state = openSavedProject("ui_edit_reopen");
    REQUIRE(ui::moveHairlinePoint(state, 0, hairline(state).points[0] + core::Vec2{1.0, 1.0}));
    REQUIRE(state.undo.canUndo());
    ui::openPath(state, state.document.client.projectFile);
    REQUIRE_FALSE(state.undo.canUndo());
    REQUIRE_FALSE(state.document.unsavedChanges);
}
