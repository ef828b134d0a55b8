#pragma once
// The edits the Hairline and Sessions panels make to a project, without ImGui, so that their
// rules are tested on their own: a style change rebuilds the line (a transition change does not),
// and the sessions' density shares always add up to the whole.

#include "core/design/Design.h"
#include "core/dots/SessionPlan.h"

namespace smp::ui {

// Takes `style` as the design's style. When the line's shape changes (style, height, corners,
// peak, recession, irregularity or its seed), the hairline is rebuilt from it on the design's
// face, keeping whether it is mirrored (a natural line never is); the hand edits go, as they do
// in photo tools when a preset is picked (undo brings them back). A change of the transition
// alone keeps every point. Throws core::UsageError when the style is out of range.
void applyStyle(design::Design& design, const design::StyleParams& style);

// Sets the soft-to-sharp width of the hairline, in mm (0 sharp .. 30 at most).
void setTransition(design::Design& design, double transitionMm);

// Changes the number of sessions (1 to kMaxSessions). Sessions kept keep their pigment, needle
// and retention; new ones copy the last one; the density shares become the standard split for
// the new count, the one artists start from.
void setSessionCount(dots::SessionPlan& plan, int count);

// Gives session `index` `share` of the final density (clamped so that every session keeps at
// least kMinSessionShare); the other sessions' shares are scaled to fill the rest in the
// proportions they had, so that the shares still add up to 1.
inline constexpr double kMinSessionShare = 0.02;
void setSessionShare(dots::SessionPlan& plan, int index, double share);

}  // namespace smp::ui
