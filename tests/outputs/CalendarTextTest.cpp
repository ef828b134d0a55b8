#include "outputs/CalendarText.h"

#include <catch2/catch.hpp>

using namespace smp;

TEST_CASE("dates and durations read as a client reads them", "[outputs]") {
    const auto date = plan::CalendarDate::fromYmd(2026, 3, 2);
    REQUIRE(outputs::shortDate(date) == "2 Mar 2026");
    REQUIRE(outputs::longDate(date) == "Mon 2 Mar 2026");
    REQUIRE(outputs::shortDate(plan::CalendarDate::fromYmd(2026, 12, 31)) == "31 Dec 2026");
    REQUIRE(outputs::durationText(45) == "45 min");
    REQUIRE(outputs::durationText(120) == "2 h");
    REQUIRE(outputs::durationText(150) == "2 h 30 min");
}
