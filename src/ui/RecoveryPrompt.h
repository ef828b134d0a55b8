#pragma once
// "Recover unsaved work?": a modal at start listing the recovery files that a crash (or a quit
// without saving) left behind, each with Recover and Discard. Only one document is open at a
// time: recovering one closes the prompt, and the others stay pending for the next start.

#include "ui/Autosave.h"

#include <cstddef>
#include <string>
#include <vector>

namespace smp::ui {

struct AppState;

struct RecoveryPrompt {
    std::vector<Recovery> entries;
    std::string problem;  // why the last Recover or Discard did not go through, shown in the prompt
    bool open = false;
};

// Reads the autosaver's pending recoveries into the prompt and opens it when there are any.
// Returns how many there are.
std::size_t offerRecovery(AppState& state);

// The prompt's buttons, without a window. Recover opens the entry as the current document
// (DocumentActions' recoverDocument) and closes the prompt; Discard deletes the file, and the
// prompt closes with the last entry. Both leave the entry and say why when they fail.
void recoverEntry(AppState& state, std::size_t index);
void discardEntry(AppState& state, std::size_t index);
void discardAllEntries(AppState& state);
void decideLater(AppState& state);  // closes the prompt; the files stay for the next start

// Draws the modal while it is open. Keys: Enter recovers the first readable entry, Delete
// discards them all, Escape decides later.
void drawRecoveryPrompt(AppState& state);

}  // namespace smp::ui
