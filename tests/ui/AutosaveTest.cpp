// Autosave and recovery without a window: a fake clock, a recovery folder per test.
#include "ui/Autosave.h"
#include "core/Project.h"
#include "ui/AppState.h"
#include "ui/DocumentActions.h"
#include "ui/RecoveryPrompt.h"
#include "vision/ImageWriter.h"

#include "PaintedPhotos.h"
#include "TestFolder.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace smp;
using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;
using Catch::Matchers::StartsWith;

namespace {

struct Fixture {
    std::filesystem::path folder;
    std::filesystem::path recovery;
    ui::AppState state;

    explicit Fixture(const std::string& name)
        : folder(test::freshFolder(name)), recovery(folder / "state" / "smp-studio" / "recovery") {
        vision::writeImage(test::paintTestPhoto(80, 60), folder / "front.png");
        ui::openPath(state, folder / "front.png");  // a bare photo: unsaved from the start
        state.autosave = ui::Autosaver(recovery);
    }
    std::vector<std::filesystem::path> recoveryFiles() const {
        std::vector<std::filesystem::path> files;
        std::error_code ignored;
        for (const auto& entry : std::filesystem::directory_iterator(recovery, ignored))
            files.push_back(entry.path());
        return files;
    }
};

// A frame's tick, then the wait for the write it may have started on the worker.
void tickAndWait(ui::Autosaver& autosave, double nowSeconds, const ui::Document& document) {
    autosave.tick(nowSeconds, document);
    autosave.finishWriting();
}

std::string readText(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST_CASE("the autosave interval is 30 s unless SMP_AUTOSAVE_SECONDS says otherwise", "[ui][autosave]") {
    REQUIRE(ui::autosaveIntervalFrom(nullptr) == 30.0);
    REQUIRE(ui::autosaveIntervalFrom("") == 30.0);
    REQUIRE(ui::autosaveIntervalFrom("1") == 1.0);
    REQUIRE(ui::autosaveIntervalFrom("0.25") == 0.25);
    for (const char* bad : {"0", "-3", "soon", "5s", "nan", "inf"})
        REQUIRE(ui::autosaveIntervalFrom(bad) == 30.0);
}

TEST_CASE("unsaved work is written after 30 s, not before, and reads back as the same project", "[ui][autosave]") {
    Fixture f("ui_autosave_interval");
    REQUIRE(f.state.document.unsavedChanges);

    tickAndWait(f.state.autosave, 100.0, f.state.document);  // the unsaved period starts here
    tickAndWait(f.state.autosave, 129.9, f.state.document);
    REQUIRE(f.recoveryFiles().empty());

    tickAndWait(f.state.autosave, 130.0, f.state.document);
    const auto files = f.recoveryFiles();
    REQUIRE(files.size() == 1);
    REQUIRE(files[0] == f.state.autosave.documentFile());
    REQUIRE_THAT(files[0].filename().string(), StartsWith("untitled-"));
    REQUIRE(files[0].filename().string().ends_with(".smp-recovery.json"));
    REQUIRE_FALSE(f.state.autosave.takeFailure());

    // The wrapper: the original paths, and the project as the project file format has it,
    // its photo path relative to the photo's folder.
    const auto root = nlohmann::json::parse(readText(files[0]));
    REQUIRE(root["format"] == "smp-studio-recovery");
    REQUIRE(root["version"] == 1);
    REQUIRE(root["projectFile"] == "");
    REQUIRE(root["photoPath"] == (f.folder / "front.png").string());
    REQUIRE(root["project"]["photo"]["path"] == "front.png");
    REQUIRE(core::parseProject(root["project"].dump(), f.folder, "inner") == f.state.document.client.project);

    const ui::Recovery recovery = ui::readRecovery(files[0]);
    REQUIRE(recovery.readable());
    REQUIRE(recovery.project == f.state.document.client.project);
    REQUIRE(recovery.photoPath == f.folder / "front.png");
    REQUIRE(recovery.projectFile.empty());
    REQUIRE(recovery.displayName() == "front.png (never saved)");
}

TEST_CASE("autosave writes again only when the work changed, an interval after the last write", "[ui][autosave]") {
    Fixture f("ui_autosave_again");
    tickAndWait(f.state.autosave, 0.0, f.state.document);
    tickAndWait(f.state.autosave, 30.0, f.state.document);
    const auto file = f.state.autosave.documentFile();

    std::filesystem::remove(file);  // a rewrite of the same content would bring it back
    tickAndWait(f.state.autosave, 60.0, f.state.document);
    REQUIRE_FALSE(std::filesystem::exists(file));

    f.state.document.client.project.seed = 77;
    tickAndWait(f.state.autosave, 61.0, f.state.document);
    REQUIRE_FALSE(std::filesystem::exists(file));  // the interval runs from the last check
    tickAndWait(f.state.autosave, 90.0, f.state.document);
    REQUIRE(std::filesystem::exists(file));
    REQUIRE(ui::readRecovery(file).project.seed == 77);
}

TEST_CASE("a document without unsaved changes is never written", "[ui][autosave]") {
    Fixture f("ui_autosave_clean");
    f.state.document.unsavedChanges = false;
    for (double t = 0.0; t < 200.0; t += 10.0)
        tickAndWait(f.state.autosave, t, f.state.document);
    REQUIRE(f.recoveryFiles().empty());

    ui::AppState nothingOpen;
    nothingOpen.autosave = ui::Autosaver(f.recovery, 1.0);
    nothingOpen.document.unsavedChanges = true;
    for (double t = 0.0; t < 5.0; t += 1.0)
        tickAndWait(nothingOpen.autosave, t, nothingOpen.document);
    REQUIRE(f.recoveryFiles().empty());

    ui::Autosaver off;  // no folder: the app could not make a state folder
    for (double t = 0.0; t < 100.0; t += 10.0)
        tickAndWait(off, t, f.state.document);
    REQUIRE(off.pendingRecoveries().empty());
}

TEST_CASE("a clean save removes the recovery file", "[ui][autosave]") {
    Fixture f("ui_autosave_saved");
    tickAndWait(f.state.autosave, 0.0, f.state.document);
    tickAndWait(f.state.autosave, 30.0, f.state.document);
    REQUIRE(f.recoveryFiles().size() == 1);

    ui::saveProjectAs(f.state, f.folder / "client.smp.json");
    REQUIRE_FALSE(f.state.document.unsavedChanges);
    REQUIRE(f.recoveryFiles().empty());
    REQUIRE(f.state.autosave.documentFile().empty());

    // Unsaved again: the file is now named after the project file.
    f.state.document.unsavedChanges = true;
    tickAndWait(f.state.autosave, 40.0, f.state.document);
    tickAndWait(f.state.autosave, 70.0, f.state.document);
    REQUIRE(f.recoveryFiles().size() == 1);
    REQUIRE_THAT(f.recoveryFiles()[0].filename().string(), StartsWith("project-"));
    const ui::Recovery recovery = ui::readRecovery(f.recoveryFiles()[0]);
    REQUIRE(recovery.projectFile == f.folder / "client.smp.json");
    REQUIRE(recovery.displayName() == "client.smp.json");
}

TEST_CASE("a save while an autosave is being written leaves no recovery file behind", "[ui][autosave]") {
    Fixture f("ui_autosave_save_races");
    f.state.autosave.tick(0.0, f.state.document);
    f.state.autosave.tick(30.0, f.state.document);  // the write starts on the worker; the frame goes on
    ui::saveProjectAs(f.state, f.folder / "client.smp.json");
    REQUIRE(f.recoveryFiles().empty());
}

TEST_CASE("a failed save keeps the recovery file", "[ui][autosave]") {
    Fixture f("ui_autosave_failed_save");
    tickAndWait(f.state.autosave, 0.0, f.state.document);
    tickAndWait(f.state.autosave, 30.0, f.state.document);
    ui::saveProjectAs(f.state, f.folder / "no-such-folder" / "client.smp.json");
    REQUIRE(f.state.document.unsavedChanges);
    REQUIRE(f.recoveryFiles().size() == 1);
}

TEST_CASE("discarding the unsaved work removes the recovery file", "[ui][autosave]") {
    Fixture f("ui_autosave_discarded");
    tickAndWait(f.state.autosave, 0.0, f.state.document);
    tickAndWait(f.state.autosave, 30.0, f.state.document);
    REQUIRE(f.recoveryFiles().size() == 1);
    f.state.autosave.onDiscarded();
    REQUIRE(f.recoveryFiles().empty());
}

TEST_CASE("recovery files found at start are offered, recovered as unsaved work and removed by a save",
          "[ui][autosave]") {
    Fixture first("ui_autosave_recover");
    // A project that was saved once, then changed and lost in a crash.
    ui::saveProjectAs(first.state, first.folder / "client.smp.json");
    first.state.document.client.project.seed = 1234;
    first.state.document.unsavedChanges = true;
    tickAndWait(first.state.autosave, 0.0, first.state.document);
    tickAndWait(first.state.autosave, 30.0, first.state.document);
    REQUIRE(first.recoveryFiles().size() == 1);

    ui::AppState next;  // the next start, on the demo or another file
    next.autosave = ui::Autosaver(first.recovery);
    REQUIRE(ui::offerRecovery(next) == 1);
    REQUIRE(next.recovery.open);
    REQUIRE(next.recovery.entries[0].readable());

    ui::recoverEntry(next, 0);
    REQUIRE_FALSE(next.recovery.open);
    REQUIRE(next.document.unsavedChanges);
    REQUIRE(next.document.client.projectFile == first.folder / "client.smp.json");  // the save target
    REQUIRE(next.document.client.project == first.state.document.client.project);
    REQUIRE(next.document.client.photo.width == 80);
    REQUIRE(next.document.title() == "* client.smp.json - SMP Studio");
    REQUIRE(next.autosave.documentFile() == first.recoveryFiles()[0]);  // adopted: still protecting it

    ui::saveProject(next);  // Ctrl+S: straight to the project file
    REQUIRE_FALSE(next.document.unsavedChanges);
    REQUIRE(first.recoveryFiles().empty());
    REQUIRE(core::loadProject(first.folder / "client.smp.json").seed == 1234);
}

TEST_CASE("a recovery whose photo is gone stays pending and says why", "[ui][autosave]") {
    Fixture f("ui_autosave_photo_gone");
    tickAndWait(f.state.autosave, 0.0, f.state.document);
    tickAndWait(f.state.autosave, 30.0, f.state.document);
    std::filesystem::remove(f.folder / "front.png");

    ui::AppState next;
    next.autosave = ui::Autosaver(f.recovery);
    REQUIRE(ui::offerRecovery(next) == 1);
    ui::recoverEntry(next, 0);
    REQUIRE(next.recovery.open);
    REQUIRE_THAT(next.recovery.problem, Contains("front.png"));
    REQUIRE_FALSE(next.document.hasPhoto());
    REQUIRE(f.recoveryFiles().size() == 1);
}

TEST_CASE("a pending recovery is not overwritten while the same photo is open again", "[ui][autosave]") {
    Fixture f("ui_autosave_pending_kept");
    f.state.document.client.project.seed = 999;  // the lost work
    tickAndWait(f.state.autosave, 0.0, f.state.document);
    tickAndWait(f.state.autosave, 30.0, f.state.document);
    const auto lost = f.state.autosave.documentFile();

    ui::AppState next;
    ui::openPath(next, f.folder / "front.png");  // the same photo, seed 1
    next.autosave = ui::Autosaver(f.recovery);
    REQUIRE(ui::offerRecovery(next) == 1);
    tickAndWait(next.autosave, 0.0, next.document);
    tickAndWait(next.autosave, 30.0, next.document);
    REQUIRE(ui::readRecovery(lost).project.seed == 999);
    REQUIRE(f.recoveryFiles().size() == 2);
    REQUIRE(next.autosave.documentFile() != lost);
}

TEST_CASE("a corrupt recovery file is reported, not a crash, and can be discarded", "[ui][autosave]") {
    const auto folder = test::freshFolder("ui_autosave_corrupt");
    std::filesystem::create_directories(folder / "recovery");
    std::ofstream(folder / "recovery" / "untitled-0000000000000000.smp-recovery.json") << "{ \"format\": \"smp-st";
    std::ofstream(folder / "recovery" / "project-0000000000000001.smp-recovery.json")
        << R"({"format": "smp-studio-recovery", "version": 1, "projectFile": "", "photoPath": "/x/front.png",
              "project": {"format": "smp-studio-project", "version": 2}})";
    std::ofstream(folder / "recovery" / "notes.txt") << "not ours";

    ui::AppState state;
    state.autosave = ui::Autosaver(folder / "recovery");
    REQUIRE(ui::offerRecovery(state) == 2);
    for (const ui::Recovery& entry : state.recovery.entries) {
        REQUIRE_FALSE(entry.readable());
        REQUIRE_THAT(entry.displayName(), EndsWith(".smp-recovery.json"));
    }
    REQUIRE_THAT(state.recovery.entries[0].error, Contains("photo") || Contains("is missing"));
    REQUIRE_THAT(state.recovery.entries[1].error, Contains("not valid JSON"));

    ui::recoverEntry(state, 0);  // refused with the reason, nothing opened
    REQUIRE(state.recovery.open);
    REQUIRE_FALSE(state.recovery.problem.empty());
    REQUIRE_FALSE(state.document.hasPhoto());

    ui::discardEntry(state, 0);
    REQUIRE(state.recovery.open);
    ui::discardEntry(state, 0);
    REQUIRE_FALSE(state.recovery.open);
    REQUIRE(std::filesystem::exists(folder / "recovery" / "notes.txt"));
    REQUIRE(std::distance(std::filesystem::directory_iterator(folder / "recovery"), {}) == 1);
    REQUIRE(ui::Autosaver(folder / "recovery").pendingRecoveries().empty());
}

TEST_CASE("a recovery folder that cannot be written is reported once per attempt", "[ui][autosave]") {
    Fixture f("ui_autosave_unwritable");
    std::filesystem::create_directories(f.recovery.parent_path());
    std::ofstream(f.recovery) << "a file where the folder should be";
    tickAndWait(f.state.autosave, 0.0, f.state.document);
    tickAndWait(f.state.autosave, 30.0, f.state.document);
    const auto failure = f.state.autosave.takeFailure();
    REQUIRE(failure);
    REQUIRE_THAT(*failure, Contains("recovery"));
    REQUIRE_FALSE(f.state.autosave.takeFailure());
    tickAndWait(f.state.autosave, 31.0, f.state.document);  // not retried every frame
    REQUIRE_FALSE(f.state.autosave.takeFailure());
}
