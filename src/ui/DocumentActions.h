#pragma once
// What the File menu, the shortcuts and file drops do to the document. A failure is reported as
// a message and leaves the open document exactly as it was.

#include "ui/AppState.h"

#include <exception>
#include <filesystem>

namespace smp::ui {

// Opens a photo (a new unsaved project around it) or a .smp.json project, by the extension.
// A project whose photo cannot be found (not even by its fingerprint) is held in
// state.awaitingPhoto and the file chooser opens to find the photo.
// With state.openInBackground the work runs off the UI thread and the document is replaced when
// it is done (ui/OpeningPrompt.h).
void openPath(AppState& state, const std::filesystem::path& path);

// The two ends of an open: the document opened from `path` becomes the current one (history
// cleared, fitted, listed as recent); or what went wrong is reported (a project whose photo is
// missing waits for the artist to point at it).
void adoptOpenedDocument(AppState& state, vision::ClientDocument opened, const std::filesystem::path& path);
void reportOpenFailure(AppState& state, const std::filesystem::path& path, std::exception_ptr failure);

// Points the project awaiting its photo at `photo` and makes it the document, unsaved. A photo
// that cannot be loaded is reported and the project keeps waiting.
void relinkAwaitedPhoto(AppState& state, const std::filesystem::path& photo);

// Opens a recovered autosave as the current document, marked unsaved, with its original project
// file (when it had one) as the save target; the autosaver adopts the recovery file, so a clean
// save removes it. Throws core::InputError naming the reason (the open document is untouched):
// unlike the other actions, its caller, the recovery prompt, shows the reason itself.
void recoverDocument(AppState& state, const Recovery& recovery);

// Saves to the project file, or asks for a name first when there is none yet. A clean save
// removes the document's autosave recovery file.
void saveProject(AppState& state);
void saveProjectAs(AppState& state, const std::filesystem::path& path);
void startSaveAs(AppState& state);

// Opens a file chooser for the purpose, starting in the current document's folder.
void startOpen(AppState& state, FileBrowser::Purpose purpose);

// Carries out a confirmed choice from the file chooser.
void applyFileChoice(AppState& state, const FileChoice& choice);

}  // namespace smp::ui
