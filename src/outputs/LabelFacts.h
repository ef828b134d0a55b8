#pragma once
// What the labels of an export say besides the picture itself: who, when, and how far to trust
// the millimetres.

#include "core/Project.h"
#include "core/plan/CalendarDate.h"
#include "core/preview/Healing.h"
#include "outputs/ExportSettings.h"

#include <optional>
#include <string>

namespace smp::outputs {

struct LabelFacts {
    std::string clientName;                    // empty: not shown
    plan::CalendarDate consultation = plan::CalendarDate::fromYmd(2026, 1, 1);  // the day the photo was taken and the preview shown
    std::optional<plan::CalendarDate> start;   // session 1's day, when booked
    int daysBetweenSessions = 14;
    double settledDay = 35.0;                  // the healing model's, for a settled point's date
    bool scaleBar = true;
    bool assumedScale = false;                 // the photo's mm were assumed, not measured

    // The day `when` falls on once session 1 is booked; none before that or for the photo itself.
    [[nodiscard]] std::optional<plan::CalendarDate> dateOf(const preview::TimelinePoint& when, int sessionCount) const;
};

[[nodiscard]] LabelFacts labelFactsFor(const ExportSettings& settings, const core::Project& project);

}  // namespace smp::outputs
