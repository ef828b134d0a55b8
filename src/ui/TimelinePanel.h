#pragma once
// Where on the treatment's timeline the canvas shows the client: after how many sessions, and
// how many days into healing after the last of them (or settled). Play runs the healing days
// as a film.

#include "ui/AppState.h"

namespace smp::ui {

void drawTimelinePanel(AppState& state);

// Moves a playing timeline on by `seconds` of wall time; stops once the skin has settled.
void advancePlayback(AppState& state, double seconds);

// Days of healing shown per second of playback.
inline constexpr double kPlaybackDaysPerSecond = 6.0;

}  // namespace smp::ui
