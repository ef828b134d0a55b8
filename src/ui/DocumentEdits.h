#pragma once
// Every change the artist makes to the document goes through here: it becomes one undo step,
// the title shows it unsaved, and the design's revision moves on so the canvas places the dots
// again. Undo and redo put back the design, the plan and the scale; the timeline and the view
// stay where the artist left them (they are where one looks, not what one made).

#include "ui/AppState.h"

namespace smp::ui {

// An edit that lasts (a drag, a brush stroke): one undo step from begin to end, however many
// changes happen in between. end records nothing when the project came back to where it began.
void beginDocumentEdit(AppState& state);
void endDocumentEdit(AppState& state);

// Called after each change to the document's project: marks it unsaved and moves the design's
// revision on. Inside a begun edit it records nothing; outside one, `before` (the project as it
// was) becomes one undo step.
void documentChanged(AppState& state);
void documentChanged(AppState& state, const core::Project& before);

void undoDocumentEdit(AppState& state);
void redoDocumentEdit(AppState& state);

// A new document was opened: nothing to undo. `matchesDisk`: it is what its project file holds.
void resetDocumentHistory(AppState& state, bool matchesDisk);

}  // namespace smp::ui
