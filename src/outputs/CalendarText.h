#pragma once
// Dates and durations as a client reads them on a printed page.

#include "core/plan/CalendarDate.h"

#include <string>

namespace smp::outputs {

// "Mon 2 Mar 2026"
[[nodiscard]] std::string longDate(const plan::CalendarDate& date);
// "2 Mar 2026"
[[nodiscard]] std::string shortDate(const plan::CalendarDate& date);
// "45 min", "2 h", "2 h 30 min"
[[nodiscard]] std::string durationText(int minutes);

}  // namespace smp::outputs
