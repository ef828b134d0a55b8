#include "core/plan/CalendarDate.h"

#include "core/Errors.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <ctime>

namespace smp::plan {
namespace {

using namespace std::chrono;

constexpr std::array<const char*, 12> kMonthNames = {"January",   "February", "March",    "April",
                                                     "May",       "June",     "July",     "August",
                                                     "September", "October",  "November", "December"};

[[noreturn]] void refuse(std::string_view text, const std::string& reason) {
    throw core::UsageError("'" + std::string(text) + "' is not a date: " + reason);
}

// Digits only, so that "+2026" or " 12" never slip through a number parser's leniency.
unsigned digitsAt(std::string_view text, std::size_t first, std::size_t count) {
    unsigned value = 0;
    for (std::size_t i = first; i < first + count; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) refuse(text, "say YYYY-MM-DD, e.g. 2026-03-15");
        value = value * 10 + static_cast<unsigned>(text[i] - '0');
    }
    return value;
}

}  // namespace

CalendarDate CalendarDate::parse(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') refuse(text, "say YYYY-MM-DD, e.g. 2026-03-15");
    const unsigned y = digitsAt(text, 0, 4);
    const unsigned m = digitsAt(text, 5, 2);
    const unsigned d = digitsAt(text, 8, 2);
    if (y == 0) refuse(text, "there is no year 0");
    if (m < 1 || m > 12) refuse(text, "month " + std::to_string(m) + " is not 1 to 12");
    const auto lastDay = std::chrono::year_month_day_last(std::chrono::year(static_cast<int>(y)),
                                                          std::chrono::month_day_last(std::chrono::month(m)))
                             .day();
    if (d < 1 || d > static_cast<unsigned>(lastDay))
        refuse(text, std::string(kMonthNames[m - 1]) + " " + std::to_string(y) + " has " +
                         std::to_string(static_cast<unsigned>(lastDay)) + " days");
    return CalendarDate(std::chrono::year_month_day(std::chrono::year(static_cast<int>(y)), std::chrono::month(m),
                                                    std::chrono::day(d)));
}

CalendarDate CalendarDate::fromYmd(int y, unsigned m, unsigned d) {
    char text[48];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", y, m, d);
    if (y < 1 || y > 9999) refuse(text, "the year must be 1 to 9999");
    return parse(text);
}

CalendarDate CalendarDate::today() {
    // libstdc++ 12 has no std::chrono::current_zone, so the local day comes from the C library.
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return fromYmd(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1), static_cast<unsigned>(local.tm_mday));
}

CalendarDate CalendarDate::plusDays(int days) const {
    const year_month_day later{sys_days(ymd_) + std::chrono::days(days)};
    if (!later.ok() || static_cast<int>(later.year()) < 1 || static_cast<int>(later.year()) > 9999)
        throw core::UsageError("date " + text() + " plus " + std::to_string(days) +
                               " days is past the calendar's range");
    return CalendarDate(later);
}

int CalendarDate::daysUntil(const CalendarDate& later) const {
    return static_cast<int>((sys_days(later.ymd_) - sys_days(ymd_)).count());
}

std::string CalendarDate::text() const {
    char out[48];
    std::snprintf(out, sizeof out, "%04d-%02u-%02u", year(), month(), day());
    return out;
}

std::string CalendarDate::weekday() const {
    static constexpr std::array<const char*, 7> kNames = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    return kNames[std::chrono::weekday(sys_days(ymd_)).c_encoding()];
}

}  // namespace smp::plan
