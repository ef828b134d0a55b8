// Quitting or opening another file with unsaved changes asks first; the answers, without a
// window. And the recent files that File > Open recent lists.
#include "ui/UnsavedPrompt.h"
#include "core/Project.h"
#include "ui/DocumentActions.h"
#include "ui/RecentFiles.h"
#include "vision/ImageWriter.h"

#include "PaintedPhotos.h"
#include "TestFolder.h"

#include <catch2/catch.hpp>

using namespace smp;

namespace {

struct Files {
    std::filesystem::path folder, first, second;
};

Files twoPhotos(const std::string& name) {
    const auto folder = test::freshFolder(name);
    vision::writeImage(test::paintTestPhoto(120, 100), folder / "first.png");
    vision::writeImage(test::paintTestPhoto(90, 80), folder / "second.png");
    return {folder, folder / "first.png", folder / "second.png"};
}

}  // namespace

TEST_CASE("with nothing unsaved, quit and open happen at once", "[ui][document]") {
    const Files files = twoPhotos("ui_prompt_nothing_unsaved");
    ui::AppState state;
    ui::openPath(state, files.first);
    ui::saveProjectAs(state, files.folder / "first.smp.json");
    REQUIRE_FALSE(state.document.unsavedChanges);
    ui::requestOpen(state, files.second);
    REQUIRE_FALSE(state.unsavedPrompt.has_value());
    REQUIRE(state.document.client.project.photoPath == files.second);
    ui::saveProjectAs(state, files.folder / "second.smp.json");
    ui::requestQuit(state);
    REQUIRE(state.quitRequested);
}

TEST_CASE("quit with unsaved changes asks: Cancel stays, Discard quits", "[ui][document]") {
    const Files files = twoPhotos("ui_prompt_quit");
    ui::AppState state;
    ui::openPath(state, files.first);  // a bare photo: unsaved
    ui::requestQuit(state);
    REQUIRE_FALSE(state.quitRequested);
    REQUIRE(state.unsavedPrompt.has_value());

    ui::answerUnsavedPrompt(state, ui::UnsavedAnswer::Cancel);
    REQUIRE_FALSE(state.unsavedPrompt.has_value());
    REQUIRE_FALSE(state.quitRequested);
    REQUIRE(state.document.unsavedChanges);

    ui::requestQuit(state);
    ui::answerUnsavedPrompt(state, ui::UnsavedAnswer::Discard);
    REQUIRE(state.quitRequested);
    REQUIRE_FALSE(state.unsavedPrompt.has_value());
}

TEST_CASE("open with unsaved changes asks: Save saves to the project file, then opens", "[ui][document]") {
    const Files files = twoPhotos("ui_prompt_open_save");
    ui::AppState state;
    ui::openPath(state, files.first);
    ui::saveProjectAs(state, files.folder / "first.smp.json");
    state.document.client.project.seed = 77;  // an edit
    state.document.unsavedChanges = true;

    ui::requestOpen(state, files.second);
    REQUIRE(state.unsavedPrompt.has_value());
    REQUIRE(state.document.client.project.photoPath == files.first);  // not yet
    ui::answerUnsavedPrompt(state, ui::UnsavedAnswer::Save);
    REQUIRE_FALSE(state.unsavedPrompt.has_value());
    REQUIRE(core::loadProject(files.folder / "first.smp.json").seed == 77);
    REQUIRE(state.document.client.project.photoPath == files.second);
}

TEST_CASE("Save with no project file asks for a name, and the open goes on once it is saved", "[ui][document]") {
    const Files files = twoPhotos("ui_prompt_save_as");
    ui::AppState state;
    ui::openPath(state, files.first);
    ui::requestOpen(state, files.second);
    ui::answerUnsavedPrompt(state, ui::UnsavedAnswer::Save);
    REQUIRE(state.fileBrowser.purpose == ui::FileBrowser::Purpose::SaveProjectAs);
    REQUIRE(state.unsavedPrompt.has_value());
    REQUIRE(state.unsavedPrompt->savingFirst);
    ui::continueAfterSave(state);  // the chooser is still open: nothing happens
    REQUIRE(state.document.client.project.photoPath == files.first);

    ui::applyFileChoice(state, {ui::FileBrowser::Purpose::SaveProjectAs, files.folder / "named.smp.json"});
    state.fileBrowser.purpose = ui::FileBrowser::Purpose::None;  // the chooser closes on its choice
    ui::continueAfterSave(state);
    REQUIRE(std::filesystem::exists(files.folder / "named.smp.json"));
    REQUIRE(state.document.client.project.photoPath == files.second);
    REQUIRE_FALSE(state.unsavedPrompt.has_value());

    // Cancelling the name instead drops the open and keeps the document.
    ui::requestOpen(state, files.first);  // the second photo is unsaved too
    ui::answerUnsavedPrompt(state, ui::UnsavedAnswer::Save);
    REQUIRE(state.unsavedPrompt->savingFirst);
    state.fileBrowser.purpose = ui::FileBrowser::Purpose::None;
    ui::continueAfterSave(state);
    REQUIRE_FALSE(state.unsavedPrompt.has_value());
    REQUIRE(state.document.client.project.photoPath == files.second);
}

TEST_CASE("recent files: newest first, once each, at most ten, from opens and saves", "[ui][document]") {
    std::vector<std::filesystem::path> recent;
    for (int i = 0; i < 12; ++i)
        ui::rememberRecentFile(recent, "/clients/" + std::to_string(i) + ".smp.json");
    REQUIRE(recent.size() == ui::kMaxRecentFiles);
    REQUIRE(recent.front() == "/clients/11.smp.json");
    REQUIRE(recent.back() == "/clients/2.smp.json");
    ui::rememberRecentFile(recent, "/clients/./5.smp.json");
    REQUIRE(recent.front() == "/clients/5.smp.json");
    REQUIRE(recent.size() == ui::kMaxRecentFiles);
    REQUIRE(std::count(recent.begin(), recent.end(), std::filesystem::path("/clients/5.smp.json")) == 1);

    const Files files = twoPhotos("ui_recent_files");
    ui::AppState state;
    ui::openPath(state, files.first);
    ui::openPath(state, files.folder / "missing.png");  // a failed open is not remembered
    ui::saveProjectAs(state, files.folder / "anna.smp.json");
    REQUIRE(state.recentFiles == std::vector<std::filesystem::path>{files.folder / "anna.smp.json", files.first});
}
