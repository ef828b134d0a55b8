#pragma once
// The hairline's control points, edited on the document: each edit keeps the mirrored partner
// with it (core/design/Hairline.h), refuses a curve the engine would not accept (with a notice),
// and goes through the undo stack (ui/DocumentEdits.h).

#include "core/Geometry.h"
#include "ui/AppState.h"

namespace smp::ui {

// Moves point `index` to `mm` (photo-plane mm). Inside a drag (beginDocumentEdit) the whole drag
// is one step; alone it is a step of its own. A position that would make the curve invalid (two
// points closer than 0.1 mm) is refused silently: the point stays where it last was valid.
// Returns whether the point moved.
bool moveHairlinePoint(AppState& state, int index, core::Vec2 mm);

// Inserts a point at `mm` in the span of the curve nearest to it (and its mirror image); returns
// its index, or -1 with a notice when refused (the most points a hairline may have).
int insertHairlinePoint(AppState& state, core::Vec2 mm);

// Deletes point `index` (and its partner); false with a notice when the hairline would have too
// few points left.
bool deleteHairlinePoint(AppState& state, int index);

}  // namespace smp::ui
