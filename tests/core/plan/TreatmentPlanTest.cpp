#include "core/plan/TreatmentPlan.h"
#include "core/Errors.h"
#include "core/ProjectDots.h"
#include "core/design/SkinTone.h"
#include "core/plan/PlanReport.h"

#include "../DesignedProject.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

using namespace smp;
using Catch::Matchers::Contains;
using plan::CalendarDate;

namespace {

using test::designedProject;
const core::SizePx kPhoto = test::kDesignedPhoto;

// A layout with known counts: session k places counts[k] dots, every third of them shed.
dots::DotLayout layoutWithCounts(const std::vector<std::size_t>& counts) {
    dots::DotLayout layout;
    layout.sessionStart.push_back(0);
    for (std::size_t k = 0; k < counts.size(); ++k) {
        for (std::size_t i = 0; i < counts[k]; ++i) {
            dots::Dot d;
            d.positionMm = {10.0 + static_cast<double>(i % 30), 10.0 + static_cast<double>(k)};
            d.session = static_cast<std::uint8_t>(k);
            d.shedBeforeNext = i % 3 == 0;
            layout.dots.push_back(d);
        }
        layout.sessionStart.push_back(layout.dots.size());
    }
    return layout;
}

std::string refusal(std::string_view text) {
    try {
        (void)CalendarDate::parse(text);
    } catch (const core::UsageError& error) {
        return error.what();
    }
    return "accepted";
}

}  // namespace

TEST_CASE("calendar dates add days across months, years and leap days", "[plan]") {
    REQUIRE(CalendarDate::parse("2026-12-30").plusDays(14).text() == "2027-01-13");
    REQUIRE(CalendarDate::parse("2024-02-28").plusDays(1).text() == "2024-02-29");
    REQUIRE(CalendarDate::parse("2025-02-28").plusDays(1).text() == "2025-03-01");
    REQUIRE(CalendarDate::parse("2100-02-28").plusDays(1).text() == "2100-03-01");  // a century, not a leap year
    REQUIRE(CalendarDate::parse("2000-02-28").plusDays(1).text() == "2000-02-29");  // every 400 years it is
    REQUIRE(CalendarDate::parse("2024-02-29").plusDays(365).text() == "2025-02-28");
    REQUIRE(CalendarDate::parse("2026-03-01").plusDays(-1).text() == "2026-02-28");
    REQUIRE(CalendarDate::parse("2026-01-31").daysUntil(CalendarDate::parse("2026-03-01")) == 29);
    REQUIRE(CalendarDate::parse("2026-12-30").weekday() == "Wed");
    REQUIRE(CalendarDate::fromYmd(2026, 7, 4) == CalendarDate::parse("2026-07-04"));
}

TEST_CASE("a date that does not exist or is not YYYY-MM-DD is refused with the text named", "[plan]") {
    REQUIRE_THAT(refusal("2026-02-30"), Contains("'2026-02-30'") && Contains("February 2026 has 28 days"));
    REQUIRE_THAT(refusal("2024-02-30"), Contains("February 2024 has 29 days"));
    REQUIRE_THAT(refusal("2026-04-31"), Contains("April 2026 has 30 days"));
    REQUIRE_THAT(refusal("2026-13-01"), Contains("month 13 is not 1 to 12"));
    REQUIRE_THAT(refusal("2026-00-10"), Contains("month 0"));
    REQUIRE_THAT(refusal("2026-01-00"), Contains("'2026-01-00'"));
    for (const char* bad : {"2026-2-3", "26-02-03", "2026/02/03", "2026-02-03x", "", "+026-02-03", "tomorrow"})
        REQUIRE_THAT(refusal(bad), Contains("say YYYY-MM-DD"));
    REQUIRE_THAT(refusal("0000-01-01"), Contains("no year 0"));
    REQUIRE(refusal("2026-02-28") == "accepted");
}

TEST_CASE("sessions fall every spacing days from the start, with their counts and times", "[plan]") {
    const core::Project project = designedProject();
    const dots::DotLayout layout = layoutWithCounts({600, 400, 200});
    const auto field = dots::DensityField::uniform({0.0, 0.0, 100.0, 100.0}, 60.0);
    plan::PlanSettings settings;
    settings.start = CalendarDate::parse("2026-12-30");
    settings.daysBetweenSessions = 14;
    settings.rate = {30.0, 10.0, 30.0, 45.0};  // 30 min setup, 10 dots a minute, 30 min shorter each, 45 min floor

    const plan::TreatmentPlan plan = plan::computePlan(project, layout, field, settings);
    REQUIRE(plan.sessions.size() == 3);
    REQUIRE(plan.treatedAreaCm2 == Approx(100.0));
    const std::vector<std::string> dates = {"2026-12-30", "2027-01-13", "2027-01-27"};
    const std::vector<std::size_t> counts = {600, 400, 200};
    const std::vector<int> minutes = {90, 60, 45};  // 30 + 600 / 10, then 30 shorter, then the floor
    for (std::size_t k = 0; k < 3; ++k) {
        const plan::PlannedSession& s = plan.sessions[k];
        INFO("session " << k + 1);
        REQUIRE(s.number == static_cast<int>(k) + 1);
        REQUIRE(s.date.text() == dates[k]);
        REQUIRE(s.dots == counts[k]);
        REQUIRE(s.keptDots == counts[k] - (counts[k] + 2) / 3);  // every third shed
        REQUIRE(s.minutes == minutes[k]);
        REQUIRE(s.treatedAreaCm2 == Approx(100.0));
        REQUIRE(s.shade == project.plan.sessions[k].shade);
        REQUIRE(s.needleMm == project.plan.sessions[k].needleMm);
        REQUIRE(s.dilution == design::dilutionText(project.plan.sessions[k].shade));
    }
    REQUIRE(plan.totalDots == 1200);
    REQUIRE(plan.totalKeptDots == 400 + 266 + 133);
    REQUIRE(plan.totalMinutes == 195);

    // A faster artist: the first session shrinks with the pace, later ones follow it down.
    settings.rate.dotsPerMinute = 20.0;
    const plan::TreatmentPlan faster = plan::computePlan(project, layout, field, settings);
    REQUIRE(faster.sessions[0].minutes == 60);
    REQUIRE(faster.sessions[1].minutes == 45);
}

TEST_CASE("each session's aftercare is dated from that session", "[plan]") {
    const auto items = plan::datedAftercare(CalendarDate::parse("2026-12-30"));
    REQUIRE(items.size() == 5);
    REQUIRE(items[0].from.text() == "2026-12-31");
    REQUIRE(items[0].until->text() == "2027-01-03");  // days 1-4
    REQUIRE_THAT(items[0].step.advice, Contains("dry"));
    REQUIRE(items[1].from.text() == "2027-01-04");
    REQUIRE(items[1].until->text() == "2027-01-06");  // days 5-7
    REQUIRE(items[2].from.text() == "2027-01-07");
    REQUIRE(items[2].until->text() == "2027-01-13");  // days 8-14
    REQUIRE(items[3].from.text() == "2027-01-14");    // day 15
    REQUIRE(items[3].until->text() == "2027-01-14");
    REQUIRE_FALSE(items[4].until.has_value());  // long term
    REQUIRE_THAT(items[4].step.advice, Contains("SPF 50+"));
}

TEST_CASE("the plan's counts are exactly the engine's, and session 1 is the longest", "[plan]") {
    const core::Project project = designedProject();
    const dots::DensityField field = core::projectField(project, kPhoto);
    const dots::DotLayout layout = core::projectDots(project, kPhoto);
    REQUIRE(layout.sessionCount() == 3);
    plan::PlanSettings settings;
    const plan::TreatmentPlan plan = plan::computePlan(project, layout, field, settings);

    std::size_t total = 0;
    for (std::size_t k = 0; k < 3; ++k) {
        const plan::PlannedSession& s = plan.sessions[k];
        REQUIRE(s.dots == layout.sessionStart[k + 1] - layout.sessionStart[k]);
        std::size_t kept = 0;
        for (std::size_t i = layout.sessionStart[k]; i < layout.sessionStart[k + 1]; ++i)
            kept += layout.dots[i].shedBeforeNext ? 0 : 1;
        REQUIRE(s.keptDots == kept);
        // Retention 0.85 sheds some dots of every session but the last, which nothing follows.
        if (k < 2)
            REQUIRE(s.keptDots < s.dots);
        else
            REQUIRE(s.keptDots == s.dots);
        total += s.dots;
    }
    REQUIRE(total == layout.dots.size());
    REQUIRE(plan.totalDots == layout.dots.size());

    // The area times the final density is about the dots the field expects.
    REQUIRE(plan.treatedAreaCm2 > 10.0);
    REQUIRE(field.expectedDots() <= plan.treatedAreaCm2 * 60.0 * 1.01);

    const plan::SessionRateModel& rate = settings.rate;
    const double first =
        rate.firstSessionSetupMinutes + static_cast<double>(plan.sessions[0].dots) / rate.dotsPerMinute;
    REQUIRE(plan.sessions[0].minutes == static_cast<int>(std::lround(std::max(rate.minimumMinutes, first))));
    for (std::size_t k = 1; k < 3; ++k) {
        REQUIRE(plan.sessions[k].minutes < plan.sessions[0].minutes);
        REQUIRE(plan.sessions[k].minutes >= rate.minimumMinutes);
    }
    // DOMAIN.md: session 1 takes 2-4 h.
    REQUIRE(plan.sessions[0].minutes >= 120);
    REQUIRE(plan.sessions[0].minutes <= 240);
    REQUIRE_FALSE(plan.scar.has_value());
}

TEST_CASE("scar notes come only with a scar zone, with the scar's area and lower retention", "[plan]") {
    core::Project project = designedProject();
    const dots::DotLayout layout = layoutWithCounts({30, 20, 10});
    // Scar tissue on the left half of a 10 x 10 cm field: 50 cm2. Every synthetic dot lies on it.
    const auto field = dots::DensityField::fromFunction({0.0, 0.0, 100.0, 100.0}, 1.0, [](core::Vec2 p) {
        return dots::FieldValue{60.0, 1.0, 0.0, p.x < 50.0 ? 1.0 : 0.0};
    });
    plan::PlanSettings settings;
    REQUIRE_FALSE(plan::computePlan(project, layout, field, settings).scar.has_value());

    project.design->zones.scar = design::PhotoMask(kPhoto);
    project.design->zones.scar.paintDisc({500.0, 200.0}, 40.0);
    const plan::TreatmentPlan plan = plan::computePlan(project, layout, field, settings);
    REQUIRE(plan.scar.has_value());
    REQUIRE(plan.scar->areaCm2 == Approx(50.0).margin(1.0));  // the boundary column is a coin toss
    REQUIRE(plan.treatedAreaCm2 == Approx(100.0));
    REQUIRE(plan.scar->dotsOnScar == 60);
    REQUIRE(plan.scar->scarRetention < plan.scar->healthyRetention);
    REQUIRE_THAT(plan.scar->advice, Contains("Expect extra sessions") && Contains("this plan has 3"));

    const std::string text = plan::planMarkdown(plan);
    REQUIRE_THAT(text, Contains("## Scar tissue") && Contains("Expect extra sessions"));
}

TEST_CASE("a plan refuses spacing outside 7-30 days, a bad rate model and dots from another plan", "[plan]") {
    const core::Project project = designedProject();
    const dots::DotLayout layout = layoutWithCounts({60, 40, 20});
    const auto field = dots::DensityField::uniform({0.0, 0.0, 100.0, 100.0}, 60.0);
    plan::PlanSettings settings;
    for (int days : {6, 31}) {
        settings.daysBetweenSessions = days;
        REQUIRE_THROWS_WITH(plan::computePlan(project, layout, field, settings),
                            Contains(std::to_string(days) + " days between sessions") && Contains("7 to 30"));
    }
    settings.daysBetweenSessions = 7;
    REQUIRE(plan::computePlan(project, layout, field, settings).sessions[2].date == settings.start.plusDays(14));
    settings.rate.dotsPerMinute = 0.0;
    REQUIRE_THROWS_WITH(plan::computePlan(project, layout, field, settings), Contains("dots per minute 0"));
    settings.rate = {};
    REQUIRE_THROWS_WITH(plan::computePlan(project, layoutWithCounts({60, 40}), field, settings),
                        Contains("the dots have 2 sessions but the project's plan has 3"));
}

TEST_CASE("the Markdown plan lists every session with its date, dots, time and aftercare", "[plan]") {
    const core::Project project = designedProject();
    const dots::DotLayout layout = layoutWithCounts({600, 400, 200});
    const auto field = dots::DensityField::uniform({0.0, 0.0, 100.0, 100.0}, 60.0);
    plan::PlanSettings settings;
    settings.start = CalendarDate::parse("2027-02-20");
    settings.daysBetweenSessions = 10;
    settings.rate = {30.0, 10.0, 30.0, 45.0};
    const std::string text = plan::planMarkdown(plan::computePlan(project, layout, field, settings), "anna.smp.json");
    REQUIRE_THAT(text, Contains("# Treatment plan: anna.smp.json"));
    REQUIRE_THAT(text, Contains("## Session 1: Sat 2027-02-20") && Contains("## Session 2: Tue 2027-03-02") &&
                           Contains("## Session 3: Fri 2027-03-12"));
    REQUIRE_THAT(text, Contains("| 1 | 2027-02-20 | 600 | 400 | 1 h 30 min |"));
    REQUIRE_THAT(text, Contains("Days 1-4 (2027-02-21 to 2027-02-24): keep the scalp dry"));
    REQUIRE_THAT(text, Contains("Day 15 (2027-03-27)"));  // session 3's
    REQUIRE_THAT(text, Contains("- Dots: 600 over 100.0 cm2; about 400 expected to stay once healed"));
    REQUIRE_THAT(text, Contains("- Dots: 200 over 100.0 cm2; the final layer"));
    REQUIRE_THAT(text, Contains("then 10 dots a minute"));
    REQUIRE(text.find("## Scar tissue") == std::string::npos);
}
