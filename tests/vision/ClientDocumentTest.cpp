// Opening a project whose photo moved or changed: a moved photo is found by its fingerprint and
// relinked with a note, a changed one is opened with a note, and a lost one gives an error that
// names the project and the photo and leaves a document the photo can be relinked to.

#include "vision/ClientDocument.h"

#include "core/Errors.h"
#include "core/PhotoFingerprint.h"
#include "core/Project.h"
#include "vision/ImageWriter.h"

#include "PaintedPhotos.h"
#include "TestFolder.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace smp;
using Catch::Matchers::Contains;

namespace {

namespace fs = std::filesystem;

// A project with a design (so that opening runs no face detection) on the photo at photoPath,
// which is painted and written there first.
fs::path saveProjectWithPhoto(const fs::path& folder, const fs::path& photoPath, int width = 64, int height = 48) {
    fs::create_directories(photoPath.parent_path());
    vision::writeImage(test::paintTestPhoto(width, height), photoPath);
    core::Project project;
    project.photoPath = photoPath;
    project.photoHash = vision::photoFileFingerprint(photoPath);
    project.scale = {4.0, core::ScaleSource::Ruler};
    design::Design d;
    d.face = design::defaultFaceFrame({width / 4.0, height / 4.0});
    d.hairline = design::makeHairline(d.style, d.face);
    d.zones.head = design::PhotoMask({width, height});
    d.zones.head.paintDisc({width / 2.0, height / 2.0}, width / 3.0);
    project.design = d;
    const fs::path file = folder / "anna.smp.json";
    core::saveProject(project, file);
    return file;
}

// Another photo, unlike the project's: a decoy the search must not take.
void writeOtherPhoto(const fs::path& path, int width = 64, int height = 48) {
    fs::create_directories(path.parent_path());
    core::Image other = test::paintTestPhoto(width, height);
    other.at(3, 3)[0] ^= 0xff;
    vision::writeImage(other, path);
}

std::string allNotes(const vision::ClientDocument& document) {
    std::string text;
    for (const std::string& note : document.notes)
        text += note + "\n";
    return text;
}

}  // namespace

TEST_CASE("a project whose photo is where it was opens with no note", "[vision][document]") {
    const auto folder = test::freshFolder("document_in_place");
    const fs::path file = saveProjectWithPhoto(folder, folder / "front.png");
    const vision::ClientDocument document = vision::openClientDocument(file);
    REQUIRE(document.notes.empty());
    REQUIRE(document.photo.width == 64);
    REQUIRE(document.project == core::loadProject(file));
}

TEST_CASE("a moved photo is found by its fingerprint and relinked with a note", "[vision][document]") {
    const auto folder = test::freshFolder("document_moved_photo");
    const fs::path file = saveProjectWithPhoto(folder, folder / "front.png");
    fs::create_directories(folder / "session 1");
    fs::rename(folder / "front.png", folder / "session 1" / "renamed.png");
    writeOtherPhoto(folder / "other" / "front.png");  // same name, other content
    writeOtherPhoto(folder / "front copy.png");

    vision::ClientDocument document = vision::openClientDocument(file);
    const fs::path found = folder / "session 1" / "renamed.png";
    REQUIRE(document.project.photoPath == found);
    REQUIRE(document.photo.width == 64);
    REQUIRE(document.notes.size() == 1);
    REQUIRE(document.notes[0] == "the photo was not at " + (folder / "front.png").string() + "; found it at " +
                                     found.string() + " (the same content) and relinked the project to it");

    // Saved, the project points at the photo's new place and opens without a note.
    core::saveProject(document.project, file);
    std::ifstream in(file);
    const std::string text((std::istreambuf_iterator<char>(in)), {});
    REQUIRE_THAT(text, Contains("\"path\": \"session 1/renamed.png\""));
    REQUIRE(vision::openClientDocument(file).notes.empty());
}

TEST_CASE("a photo changed since the project was saved opens with a note", "[vision][document]") {
    const auto folder = test::freshFolder("document_changed_photo");
    const fs::path file = saveProjectWithPhoto(folder, folder / "front.png");
    const std::string savedHash = core::loadProject(file).photoHash;
    writeOtherPhoto(folder / "front.png");  // retouched in place

    const vision::ClientDocument document = vision::openClientDocument(file);
    REQUIRE(document.project.photoPath == folder / "front.png");
    REQUIRE(allNotes(document) == "the photo " + (folder / "front.png").string() +
                                      " changed since the project was saved: check that the design still fits it\n");
    // The project now holds the photo as it is: saving it accepts the change.
    REQUIRE(document.project.photoHash == vision::photoFileFingerprint(folder / "front.png"));
    REQUIRE(document.project.photoHash != savedHash);
}

TEST_CASE("a lost photo names the project and the photo, and can be relinked", "[vision][document]") {
    const auto folder = test::freshFolder("document_lost_photo");
    const fs::path file = saveProjectWithPhoto(folder, folder / "front.png");
    const core::Project saved = core::loadProject(file);
    fs::create_directories(folder / "elsewhere" / "deeper");
    fs::rename(folder / "front.png", folder / "elsewhere" / "deeper" / "front.png");  // two levels down
    writeOtherPhoto(folder / "front2.png");

    REQUIRE_THROWS_AS(vision::openClientDocument(file), core::InputError);
    try {
        vision::openClientDocument(file);
        FAIL("the project opened without its photo");
    } catch (const vision::PhotoNotFoundError& error) {
        REQUIRE(std::string(error.what()) ==
                file.string() + ": its photo " + (folder / "front.png").string() +
                    " is missing, and no photo with the same content is in " + folder.string() +
                    " or its subfolders. Put the photo back at that path, or relink the project to the photo where "
                    "it is now.");
        vision::ClientDocument document = error.documentWithoutPhoto();
        REQUIRE(document.photo.empty());
        REQUIRE(document.project == saved);
        REQUIRE(document.projectFile == file);

        const fs::path now = folder / "elsewhere" / "deeper" / "front.png";
        vision::relinkPhoto(document, now);
        REQUIRE(document.photo.width == 64);
        REQUIRE(document.project.photoPath == now);
        REQUIRE(document.project.photoHash == saved.photoHash);
        REQUIRE(document.project.design == saved.design);
        REQUIRE(document.notes.empty());
    }
}

TEST_CASE("relinking to a photo that cannot be loaded leaves the document as it was", "[vision][document]") {
    const auto folder = test::freshFolder("document_bad_relink");
    const fs::path file = saveProjectWithPhoto(folder, folder / "front.png");
    vision::ClientDocument document = vision::openClientDocument(file);
    const core::Project before = document.project;
    std::ofstream(folder / "broken.png") << "not a photo";
    REQUIRE_THROWS_AS(vision::relinkPhoto(document, folder / "broken.png"), core::InputError);
    REQUIRE_THROWS_AS(vision::relinkPhoto(document, folder / "missing.png"), core::InputError);
    REQUIRE(document.project == before);
    REQUIRE(document.photo.width == 64);
}

TEST_CASE("relinking to a photo of another size says the zones must be redrawn", "[vision][document]") {
    const auto folder = test::freshFolder("document_relink_size");
    const fs::path file = saveProjectWithPhoto(folder, folder / "front.png");
    vision::ClientDocument document = vision::openClientDocument(file);
    writeOtherPhoto(folder / "bigger.png", 80, 60);
    vision::relinkPhoto(document, folder / "bigger.png");
    REQUIRE(document.photo.width == 80);
    REQUIRE(allNotes(document) == "the photo is 80 x 60 px, but the design's head zone was drawn on a 64 x 48 px "
                                  "photo: redraw the zones on this one\n");
}

TEST_CASE("a project from before fingerprints gets one on opening", "[vision][document]") {
    const auto folder = test::freshFolder("document_old_project");
    const fs::path file = saveProjectWithPhoto(folder, folder / "front.png");
    core::Project old = core::loadProject(file);
    old.photoHash.clear();  // as a version 2 file loads
    core::saveProject(old, file);

    const vision::ClientDocument document = vision::openClientDocument(file);
    REQUIRE(document.notes.empty());
    REQUIRE(document.project.photoHash == vision::photoFileFingerprint(folder / "front.png"));

    // With no fingerprint a moved photo cannot be looked for, and the error says why.
    fs::rename(folder / "front.png", folder / "moved.png");
    REQUIRE_THROWS_WITH(vision::openClientDocument(file),
                        Contains("is missing, and the project is from before photo fingerprints, so it cannot be "
                                 "looked for. Put the photo back"));
}
