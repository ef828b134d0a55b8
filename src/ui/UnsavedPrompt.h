#pragma once
// Quitting, or opening another file, with unsaved changes asks first: Save, Discard or Cancel.
// Save with no project file yet asks for a name, and the quit or open goes on once it is saved
// (and is dropped when the artist cancels the name).

#include "ui/AppState.h"

#include <filesystem>

namespace smp::ui {

// Quits at once (AppState::quitRequested) when nothing is unsaved; asks otherwise.
void requestQuit(AppState& state);
// Opens the file at once when nothing is unsaved; asks otherwise.
void requestOpen(AppState& state, const std::filesystem::path& path);

enum class UnsavedAnswer { Save, Discard, Cancel };
// What the prompt's buttons (and keys: Enter saves, D discards, Esc cancels) do.
void answerUnsavedPrompt(AppState& state, UnsavedAnswer answer);

// Goes on with the waiting quit or open once a Save as asked for by the prompt has saved, or
// drops it when the file chooser was closed without saving. Call once a frame.
void continueAfterSave(AppState& state);

// The modal, while a quit or an open waits for the answer.
void drawUnsavedPrompt(AppState& state);

}  // namespace smp::ui
