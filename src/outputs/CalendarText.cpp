#include "outputs/CalendarText.h"

#include <array>

namespace smp::outputs {

std::string shortDate(const plan::CalendarDate& date) {
    static constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return std::to_string(date.day()) + " " + kMonths[(date.month() - 1) % 12] + " " + std::to_string(date.year());
}

std::string longDate(const plan::CalendarDate& date) { return date.weekday() + " " + shortDate(date); }

std::string durationText(int minutes) {
    if (minutes < 60) return std::to_string(minutes) + " min";
    const int hours = minutes / 60;
    const int rest = minutes % 60;
    return std::to_string(hours) + " h" + (rest ? " " + std::to_string(rest) + " min" : "");
}

}  // namespace smp::outputs
