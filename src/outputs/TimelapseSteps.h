#pragma once
// Which moments the time-lapse shows and for how long: pure arithmetic, tested without GL.
//
// The rule: the photo as taken (held 1.5 s); then each session on the healing days 0, 1, 2, 3,
// 5, 7, 10, 14, 21 and 28 that come before the next session (spacing days later); after the last
// session those days and then the settled skin (held 2.5 s). Every other moment is held 0.5 s,
// and each moment cross-fades into the next over 0.25 s. At 12 frames a second that is 18, 6
// and 30 frames held and 3 frames of fade.

#include "core/preview/Healing.h"

#include <vector>

namespace smp::outputs {

struct TimelapseStep {
    preview::TimelinePoint when;
    int holdFrames = 1;
};

struct TimelapseSchedule {
    std::vector<TimelapseStep> steps;
    int fadeFrames = 0;  // between each step and the next

    [[nodiscard]] int frameCount() const;
};

// Throws core::UsageError for no sessions, a spacing below 1 day or a frame rate below 1.
[[nodiscard]] TimelapseSchedule timelapseSchedule(int sessionCount, int daysBetweenSessions, int framesPerSecond);

// Where a step lies on the treatment's whole course, 0 (session 1) to 1 (settled after the
// last), for the progress track along the bottom of each frame.
[[nodiscard]] double courseShare(const preview::TimelinePoint& when, int sessionCount, int daysBetweenSessions,
                                 double settledDay);

}  // namespace smp::outputs
