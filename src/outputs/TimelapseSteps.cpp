#include "outputs/TimelapseSteps.h"

#include "core/Errors.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

namespace smp::outputs {
namespace {

constexpr std::array<int, 10> kHealingDays{0, 1, 2, 3, 5, 7, 10, 14, 21, 28};
constexpr double kBeforeSeconds = 1.5;
constexpr double kStepSeconds = 0.5;
constexpr double kSettledSeconds = 2.5;
constexpr double kFadeSeconds = 0.25;

int framesFor(double seconds, int fps) { return std::max(1, int(std::lround(seconds * fps))); }

}  // namespace

int TimelapseSchedule::frameCount() const {
    int frames = 0;
    for (const TimelapseStep& step : steps) frames += step.holdFrames;
    if (!steps.empty()) frames += fadeFrames * int(steps.size() - 1);
    return frames;
}

TimelapseSchedule timelapseSchedule(int sessionCount, int daysBetweenSessions, int framesPerSecond) {
    if (sessionCount < 1) throw core::UsageError("a time-lapse needs at least one session in the plan");
    if (daysBetweenSessions < 1)
        throw core::UsageError("time-lapse: " + std::to_string(daysBetweenSessions) + " days between sessions");
    if (framesPerSecond < 1) throw core::UsageError("time-lapse: " + std::to_string(framesPerSecond) + " frames a second");

    TimelapseSchedule schedule;
    schedule.fadeFrames = int(std::lround(kFadeSeconds * framesPerSecond));
    schedule.steps.push_back({{0, std::nullopt}, framesFor(kBeforeSeconds, framesPerSecond)});
    for (int session = 1; session <= sessionCount; ++session) {
        const bool last = session == sessionCount;
        for (const int day : kHealingDays) {
            if (!last && day >= daysBetweenSessions) break;  // the next session comes first
            schedule.steps.push_back({{session, double(day)}, framesFor(kStepSeconds, framesPerSecond)});
        }
    }
    schedule.steps.push_back({{sessionCount, std::nullopt}, framesFor(kSettledSeconds, framesPerSecond)});
    return schedule;
}

double courseShare(const preview::TimelinePoint& when, int sessionCount, int daysBetweenSessions, double settledDay) {
    if (when.sessionsDone <= 0) return 0.0;
    const double total = (sessionCount - 1) * double(daysBetweenSessions) + settledDay;
    const int done = std::min(when.sessionsDone, sessionCount);
    const double at = (done - 1) * double(daysBetweenSessions) + std::min(when.day.value_or(settledDay), settledDay);
    return total > 0.0 ? std::clamp(at / total, 0.0, 1.0) : 1.0;
}

}  // namespace smp::outputs
