#pragma once
// What the client does after each session, day by day: DOMAIN.md's schedule (from the seeds).
// Day 0 is the session itself (the healing timeline starts there: "day 0-3 red"), so days 1-4
// are the four days after it.

#include "core/plan/CalendarDate.h"

#include <optional>
#include <string>
#include <vector>

namespace smp::plan {

struct AftercareStep {
    int firstDay = 0;            // days after the session
    std::optional<int> lastDay;  // none: from firstDay on, for good
    std::string advice;
};

struct DatedAftercare {
    AftercareStep step;
    CalendarDate from;
    std::optional<CalendarDate> until;
};

// Days 1-4, 5-7, 8-14, day 15 and the long term, in that order.
[[nodiscard]] const std::vector<AftercareStep>& aftercareSchedule();

[[nodiscard]] std::vector<DatedAftercare> datedAftercare(const CalendarDate& sessionDate);

}  // namespace smp::plan
