// What File > Open, Save and drops do to the document, without a window: failures become
// notices and never touch the open document.
#include "core/Project.h"
#include "ui/DocumentActions.h"
#include "vision/ImageWriter.h"

#include "PaintedPhotos.h"
#include "TestFolder.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace smp;
using Catch::Matchers::Contains;

TEST_CASE("opening a photo starts an unsaved project around it, fitted on the canvas", "[ui][document]") {
    const auto folder = test::freshFolder("ui_open_photo");
    vision::writeImage(test::paintTestPhoto(500, 400), folder / "front.png");
    ui::AppState state;
    state.canvas.fitRequested = false;

    ui::openPath(state, folder / "front.png");
    REQUIRE(state.document.hasPhoto());
    REQUIRE(state.document.client.photo.width == 500);
    REQUIRE(state.document.client.projectFile.empty());
    REQUIRE(state.document.unsavedChanges);
    REQUIRE(state.document.photoRevision == 1);
    REQUIRE(state.canvas.fitRequested);
    REQUIRE(state.document.client.project.scale.source == core::ScaleSource::Assumed);
    REQUIRE(state.document.title() == "* front.png - SMP Studio");
}

TEST_CASE("a file that cannot be opened leaves the open document exactly as it was", "[ui][document]") {
    const auto folder = test::freshFolder("ui_open_failure");
    vision::writeImage(test::paintTestPhoto(64, 48), folder / "front.png");
    std::ofstream(folder / "notes.jpg") << "not a photo";
    std::ofstream(folder / "broken.smp.json") << "{ not json";
    ui::AppState state;
    ui::openPath(state, folder / "front.png");
    const core::Image before = state.document.client.photo;
    const auto revision = state.document.photoRevision;

    for (const char* name : {"notes.jpg", "broken.smp.json", "missing.png"}) {
        state.messages.visible.clear();
        ui::openPath(state, folder / name);
        REQUIRE(state.document.client.photo.pixels == before.pixels);
        REQUIRE(state.document.client.project.photoPath == folder / "front.png");
        REQUIRE(state.document.photoRevision == revision);
        REQUIRE(state.messages.visible.size() == 1);
        REQUIRE(state.messages.visible[0].isError);
        REQUIRE_THAT(state.messages.visible[0].text, Contains(name));
    }
}

TEST_CASE("save as writes a project that opens to the same document", "[ui][document]") {
    const auto folder = test::freshFolder("ui_save_as");
    vision::writeImage(test::paintTestPhoto(80, 60), folder / "front.png");
    ui::AppState state;
    ui::openPath(state, folder / "front.png");
    ui::saveProjectAs(state, folder / "client.smp.json");
    REQUIRE_FALSE(state.document.unsavedChanges);
    REQUIRE(state.document.client.projectFile == folder / "client.smp.json");
    REQUIRE(state.document.title() == "client.smp.json - SMP Studio");

    ui::AppState reopened;
    ui::openPath(reopened, folder / "client.smp.json");
    REQUIRE(reopened.document.client.project == state.document.client.project);
    REQUIRE_FALSE(reopened.document.unsavedChanges);
}

TEST_CASE("a failed save keeps the unsaved mark and says why", "[ui][document]") {
    const auto folder = test::freshFolder("ui_save_failure");
    vision::writeImage(test::paintTestPhoto(80, 60), folder / "front.png");
    ui::AppState state;
    ui::openPath(state, folder / "front.png");
    state.messages.visible.clear();
    ui::saveProjectAs(state, folder / "no-such-folder" / "client.smp.json");
    REQUIRE(state.document.unsavedChanges);
    REQUIRE(state.document.client.projectFile.empty());
    REQUIRE(state.messages.visible.size() == 1);
    REQUIRE_THAT(state.messages.visible[0].text, Contains("no-such-folder"));
}

TEST_CASE("save without a project file asks for a name, and with nothing open it refuses", "[ui][document]") {
    ui::AppState empty;
    ui::saveProjectAs(empty, "/tmp/x.smp.json");
    REQUIRE(empty.messages.visible.at(0).text == "Nothing to save: open a photo first");

    const auto folder = test::freshFolder("ui_save_asks");
    vision::writeImage(test::paintTestPhoto(80, 60), folder / "front.png");
    ui::AppState state;
    ui::openPath(state, folder / "front.png");
    ui::saveProject(state);
    REQUIRE(state.fileBrowser.purpose == ui::FileBrowser::Purpose::SaveProjectAs);
    REQUIRE(state.fileBrowser.fileName == "front.smp.json");
    REQUIRE(state.fileBrowser.folder == folder);
}

TEST_CASE("the file chooser lists folders and the files that fit its purpose", "[ui][document]") {
    using Purpose = ui::FileBrowser::Purpose;
    REQUIRE(ui::fileBrowserShows(Purpose::OpenPhoto, {"head.JPG", false}));
    REQUIRE_FALSE(ui::fileBrowserShows(Purpose::OpenPhoto, {"anna.smp.json", false}));
    REQUIRE(ui::fileBrowserShows(Purpose::OpenProject, {"anna.smp.json", false}));
    REQUIRE_FALSE(ui::fileBrowserShows(Purpose::OpenProject, {"head.jpg", false}));
    REQUIRE(ui::fileBrowserShows(Purpose::SaveProjectAs, {"clients", true}));
}

TEST_CASE("a project whose photo is gone asks for it, and relinking makes it the document", "[ui][document]") {
    const auto folder = test::freshFolder("ui_relink_photo");
    std::filesystem::create_directories(folder / "client");
    vision::writeImage(test::paintTestPhoto(300, 400), folder / "client" / "front.png");
    ui::AppState opener;
    ui::openPath(opener, folder / "client" / "front.png");
    ui::saveProjectAs(opener, folder / "client" / "anna.smp.json");
    REQUIRE_FALSE(opener.document.unsavedChanges);
    // The photo moves out of the project's reach (two folders away, under another name).
    std::filesystem::create_directories(folder / "archive" / "2026");
    std::filesystem::rename(folder / "client" / "front.png", folder / "archive" / "2026" / "anna-front.png");

    ui::AppState state;
    ui::openPath(state, folder / "client" / "anna.smp.json");
    REQUIRE_FALSE(state.document.hasPhoto());
    REQUIRE(state.awaitingPhoto.has_value());
    REQUIRE(state.fileBrowser.purpose == ui::FileBrowser::Purpose::RelinkPhoto);
    REQUIRE(state.fileBrowser.folder == folder / "client");

    ui::relinkAwaitedPhoto(state, folder / "archive" / "nothing-here.png");
    REQUIRE_FALSE(state.document.hasPhoto());
    REQUIRE(state.awaitingPhoto.has_value());  // still waiting for the right file

    ui::relinkAwaitedPhoto(state, folder / "archive" / "2026" / "anna-front.png");
    REQUIRE(state.document.hasPhoto());
    REQUIRE_FALSE(state.awaitingPhoto.has_value());
    REQUIRE(state.document.unsavedChanges);
    REQUIRE(state.document.client.projectFile == folder / "client" / "anna.smp.json");
    REQUIRE(state.document.client.project.photoPath == folder / "archive" / "2026" / "anna-front.png");
    REQUIRE(state.document.client.project.design == opener.document.client.project.design);
}
