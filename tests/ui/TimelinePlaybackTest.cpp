// Playing the healing timeline: days run at a fixed pace and stop on the settled skin.
#include "ui/TimelinePanel.h"

#include <catch2/catch.hpp>

using namespace smp;

TEST_CASE("playback runs the healing days and stops once settled", "[ui][timeline]") {
    ui::AppState state;
    core::ProjectTimeline& timeline = state.document.client.project.timeline;
    timeline.sessionsShown = 2;

    ui::advancePlayback(state, 10.0);  // not playing: nothing moves
    CHECK_FALSE(timeline.day.has_value());

    state.playback.playing = true;
    state.playback.day = 0.0;
    ui::advancePlayback(state, 0.5);
    CHECK(timeline.day == static_cast<int>(0.5 * ui::kPlaybackDaysPerSecond));
    ui::advancePlayback(state, 1.0);
    CHECK(timeline.day == static_cast<int>(1.5 * ui::kPlaybackDaysPerSecond));
    CHECK(timeline.sessionsShown == 2);  // playback moves the days, never the sessions

    for (int frame = 0; frame < 1000 && state.playback.playing; ++frame) ui::advancePlayback(state, 1.0 / 60.0);
    CHECK_FALSE(state.playback.playing);
    CHECK_FALSE(timeline.day.has_value());  // settled
}
