#include "ui/DocumentActions.h"

#include "core/Errors.h"
#include "core/Project.h"
#include "ui/DocumentEdits.h"
#include "ui/OpeningPrompt.h"
#include "ui/RecentFiles.h"
#include "ui/UnsavedPrompt.h"

namespace smp::ui {
namespace {

std::filesystem::path documentFolder(const AppState& state) {
    const auto& client = state.document.client;
    if (!client.projectFile.empty()) return client.projectFile.parent_path();
    if (!client.project.photoPath.empty()) return client.project.photoPath.parent_path();
    return {};
}

}  // namespace

std::string Document::title() const {
    std::string name = "untitled";
    if (!client.projectFile.empty()) name = client.projectFile.filename().string();
    else if (!client.project.photoPath.empty()) name = client.project.photoPath.filename().string();
    return (unsavedChanges ? "* " : "") + name + " - SMP Studio";
}

void openPath(AppState& state, const std::filesystem::path& path) {
    if (state.openInBackground) {
        startOpening(state, path);
        return;
    }
    try {
        adoptOpenedDocument(state, vision::openClientDocument(path), path);
    } catch (...) {
        reportOpenFailure(state, path, std::current_exception());
    }
}

void adoptOpenedDocument(AppState& state, vision::ClientDocument opened, const std::filesystem::path& path) {
    state.awaitingPhoto.reset();
    const bool isPhoto = opened.projectFile.empty();
    state.document.client = std::move(opened);
    state.document.unsavedChanges = isPhoto;  // a bare photo is a new project nobody saved yet
    resetDocumentHistory(state, !isPhoto);
    ++state.document.photoRevision;
    state.canvas.fitRequested = true;
    rememberRecentFile(state.recentFiles, path);
    state.messages.info("Opened " + path.filename().string());
}

void reportOpenFailure(AppState& state, const std::filesystem::path& path, std::exception_ptr failure) {
    try {
        std::rethrow_exception(failure);
    } catch (const vision::PhotoNotFoundError& error) {
        // The project is fine, its photo is elsewhere: ask where, starting in the project's folder.
        state.awaitingPhoto = error.documentWithoutPhoto();
        state.messages.error(error.what());
        state.fileBrowser.start(FileBrowser::Purpose::RelinkPhoto, std::filesystem::absolute(path).parent_path());
    } catch (const std::exception& error) {
        state.messages.error(error.what());
    } catch (...) {
        state.messages.error("Cannot open " + path.string());
    }
}

void relinkAwaitedPhoto(AppState& state, const std::filesystem::path& photo) {
    if (!state.awaitingPhoto) return;
    try {
        vision::relinkPhoto(*state.awaitingPhoto, photo);
    } catch (const std::exception& error) {
        state.messages.error(error.what());  // still awaiting: the artist can pick another file
        return;
    }
    const std::string name = state.awaitingPhoto->projectFile.filename().string();
    state.document.client = std::move(*state.awaitingPhoto);
    state.awaitingPhoto.reset();
    state.document.unsavedChanges = true;  // the project now points at another photo: save to keep it
    resetDocumentHistory(state, false);
    ++state.document.photoRevision;
    state.canvas.fitRequested = true;
    state.messages.info("Relinked " + name + " to " + photo.filename().string() + ": save to keep it");
}

void recoverDocument(AppState& state, const Recovery& recovery) {
    const std::string name = recovery.displayName();
    if (!recovery.readable()) throw core::InputError(name + ": " + recovery.error);
    vision::ClientDocument recovered;
    recovered.project = recovery.project;
    try {
        // The same path as relinking a project to its photo: load it, fingerprint it, place a
        // design if the project has none.
        vision::relinkPhoto(recovered, recovered.project.photoPath);
    } catch (const core::InputError& error) {
        throw core::InputError("Cannot recover " + name + ": its photo cannot be opened: " + error.what());
    }
    recovered.projectFile = recovery.projectFile;

    state.document.client = std::move(recovered);
    state.document.unsavedChanges = true;
    resetDocumentHistory(state, false);
    ++state.document.photoRevision;
    state.canvas.fitRequested = true;
    state.autosave.adopt(recovery);
    state.messages.info("Recovered " + name + ": save it to keep it");
}

void saveProjectAs(AppState& state, const std::filesystem::path& path) {
    if (!state.document.hasPhoto()) {
        state.messages.error("Nothing to save: open a photo first");
        return;
    }
    try {
        const auto file = std::filesystem::absolute(path);
        core::saveProject(state.document.client.project, file);
        state.document.client.projectFile = file;
        state.document.unsavedChanges = false;
        state.undo.markClean();
        rememberRecentFile(state.recentFiles, file);
        state.autosave.onSaved();
        state.messages.info("Saved " + file.filename().string());
    } catch (const std::exception& error) {
        state.messages.error(error.what());
    }
}

void startSaveAs(AppState& state) {
    std::string suggested = "client" + std::string(core::kProjectExtension);
    const auto& client = state.document.client;
    if (!client.projectFile.empty()) suggested = client.projectFile.filename().string();
    else if (!client.project.photoPath.empty())
        suggested = client.project.photoPath.stem().string() + std::string(core::kProjectExtension);
    state.fileBrowser.start(FileBrowser::Purpose::SaveProjectAs, documentFolder(state), suggested);
}

void saveProject(AppState& state) {
    if (state.document.client.projectFile.empty()) startSaveAs(state);
    else saveProjectAs(state, state.document.client.projectFile);
}

void startOpen(AppState& state, FileBrowser::Purpose purpose) {
    state.fileBrowser.start(purpose, documentFolder(state));
}

void applyFileChoice(AppState& state, const FileChoice& choice) {
    switch (choice.purpose) {
    case FileBrowser::Purpose::OpenPhoto:
    case FileBrowser::Purpose::OpenProject: requestOpen(state, choice.path); break;
    case FileBrowser::Purpose::SaveProjectAs: saveProjectAs(state, choice.path); break;
    case FileBrowser::Purpose::RelinkPhoto: relinkAwaitedPhoto(state, choice.path); break;
    case FileBrowser::Purpose::None: break;
    }
}

}  // namespace smp::ui
