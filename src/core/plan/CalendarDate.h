#pragma once
// A day on the client's calendar, YYYY-MM-DD, with no time of day and no time zone: sessions and
// aftercare are booked by the day. Built on C++20's std::chrono calendar, which does the
// month lengths and leap years.

#include <chrono>
#include <string>
#include <string_view>

namespace smp::plan {

class CalendarDate {
public:
    // Throws core::UsageError naming the text and what is wrong with it: "2026-02-30" is refused
    // (February 2026 has 28 days), as are "2026-2-3", "26-02-03" and trailing characters.
    static CalendarDate parse(std::string_view text);
    // Throws core::UsageError for a day that does not exist or a year outside 1..9999.
    static CalendarDate fromYmd(int year, unsigned month, unsigned day);
    // Today on this computer's local calendar.
    static CalendarDate today();

    [[nodiscard]] CalendarDate plusDays(int days) const;
    [[nodiscard]] int daysUntil(const CalendarDate& later) const;
    [[nodiscard]] std::string text() const;     // "2026-12-30"
    [[nodiscard]] std::string weekday() const;  // "Wed"

    [[nodiscard]] int year() const { return static_cast<int>(ymd_.year()); }
    [[nodiscard]] unsigned month() const { return static_cast<unsigned>(ymd_.month()); }
    [[nodiscard]] unsigned day() const { return static_cast<unsigned>(ymd_.day()); }

    friend bool operator==(const CalendarDate&, const CalendarDate&) = default;
    friend auto operator<=>(const CalendarDate&, const CalendarDate&) = default;

private:
    explicit CalendarDate(std::chrono::year_month_day ymd) : ymd_(ymd) {}
    std::chrono::year_month_day ymd_;
};

}  // namespace smp::plan
