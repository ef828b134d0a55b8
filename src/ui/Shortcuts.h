#pragma once
// The keyboard shortcuts, written once: the menus show them, Help > Shortcuts lists them, and
// handleShortcuts acts on them.

#include "ui/AppState.h"

namespace smp::ui {

struct Shortcut {
    const char* action;
    const char* keys;
};

inline constexpr Shortcut kShortcuts[] = {
    {"Open photo", "Ctrl+O"},
    {"Open project", "Ctrl+Shift+O"},
    {"Save", "Ctrl+S"},
    {"Save as", "Ctrl+Shift+S"},
    {"Quit", "Ctrl+Q"},
    {"Undo", "Ctrl+Z"},
    {"Redo", "Ctrl+Shift+Z or Ctrl+Y"},
    {"Hairline tool on / off", "H"},
    {"Move a hairline point", "Drag its handle"},
    {"Add a hairline point", "Double-click or Ctrl+click the line"},
    {"Delete a hairline point", "Right-click it, or Delete"},
    {"Zones tool on / off (brush or polygon)", "B"},
    {"Brush smaller / larger", "[ / ]"},
    {"Erase with the brush", "Alt + drag, or right drag"},
    {"Close / drop a polygon zone", "Enter or double-click / Esc"},
    {"Ruler on / off", "R"},
    {"Export", "Ctrl+E"},
    {"Fit the photo", "F"},
    {"100% (one photo pixel per screen pixel)", "1"},
    {"Zoom in / out", "+ / - or mouse wheel"},
    {"Pan", "Middle drag, or Space + drag"},
    {"Before / after", "\\"},
    {"Move the split view's divider", "Drag it"},
};

// Reads the keyboard for this frame; does nothing while a text field has the focus.
void handleShortcuts(AppState& state);

// Help > Shortcuts.
void drawShortcutsWindow(AppState& state);

}  // namespace smp::ui
