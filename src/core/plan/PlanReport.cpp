#include "core/plan/PlanReport.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <sstream>

namespace smp::plan {
namespace {

// "2 h 35 min", "45 min": how artists book and clients read times.
std::string duration(int minutes) {
    if (minutes < 60) return std::to_string(minutes) + " min";
    const int rest = minutes % 60;
    return std::to_string(minutes / 60) + " h" + (rest ? " " + std::to_string(rest) + " min" : "");
}

std::string oneDecimal(double value) {
    std::ostringstream text;
    text.setf(std::ios::fixed);
    text.precision(1);
    text << value;
    return text.str();
}

// "60", "7.5": a figure the artist typed, without trailing zeros.
std::string shortNumber(double value) {
    std::ostringstream text;
    text << value;
    return text.str();
}

std::string twoDecimals(double value) {
    std::ostringstream text;
    text.setf(std::ios::fixed);
    text.precision(2);
    text << value;
    return text.str();
}

int percent(double share) {
    return static_cast<int>(std::lround(share * 100.0));
}

std::string dayRange(const DatedAftercare& item) {
    const AftercareStep& step = item.step;
    if (!step.lastDay) return "From day " + std::to_string(step.firstDay) + " (" + item.from.text() + ") on";
    if (*step.lastDay == step.firstDay) return "Day " + std::to_string(step.firstDay) + " (" + item.from.text() + ")";
    return "Days " + std::to_string(step.firstDay) + "-" + std::to_string(*step.lastDay) + " (" + item.from.text() +
           " to " + item.until->text() + ")";
}

void writeSession(std::ostream& out, const PlannedSession& s, const TreatmentPlan& plan) {
    out << "\n## Session " << s.number << ": " << s.date.weekday() << " " << s.date.text() << "\n\n";
    out << "- Dots: " << s.dots << " over " << oneDecimal(s.treatedAreaCm2) << " cm2; ";
    // The engine sheds only what a later session refills, so the last one has no loss to show.
    if (s.number == static_cast<int>(plan.sessions.size()))
        out << "the final layer: any that fade are touched up at a follow-up\n";
    else
        out << "about " << s.keptDots << " expected to stay once healed, the rest refilled next session\n";
    out << "- Time: about " << duration(s.minutes);
    if (s.number == 1)
        out << " (the longest: " << duration(static_cast<int>(std::lround(plan.settings.rate.firstSessionSetupMinutes)))
            << " of it drawing the hairline and testing dilutions)";
    out << "\n";
    out << "- Pigment: " << percent(s.shade) << "% of undiluted (" << s.dilution << ")\n";
    out << "- Needle: " << twoDecimals(s.needleMm) << " mm\n";
    out << "\nAftercare:\n\n";
    for (const DatedAftercare& item : s.aftercare)
        out << "- " << dayRange(item) << ": " << item.step.advice << "\n";
}

nlohmann::json aftercareJson(const DatedAftercare& item) {
    return {{"firstDay", item.step.firstDay},
            {"lastDay", item.step.lastDay ? nlohmann::json(*item.step.lastDay) : nlohmann::json(nullptr)},
            {"from", item.from.text()},
            {"until", item.until ? nlohmann::json(item.until->text()) : nlohmann::json(nullptr)},
            {"advice", item.step.advice}};
}

nlohmann::json sessionJson(const PlannedSession& s) {
    nlohmann::json aftercare = nlohmann::json::array();
    for (const DatedAftercare& item : s.aftercare)
        aftercare.push_back(aftercareJson(item));
    return {{"number", s.number},
            {"date", s.date.text()},
            {"dots", s.dots},
            {"keptDots", s.keptDots},
            {"treatedAreaCm2", s.treatedAreaCm2},
            {"minutes", s.minutes},
            {"shade", s.shade},
            {"pigmentPercent", percent(s.shade)},
            {"dilution", s.dilution},
            {"needleMm", s.needleMm},
            {"aftercare", aftercare}};
}

}  // namespace

std::string planMarkdown(const TreatmentPlan& plan, const std::string& clientName) {
    std::ostringstream out;
    out << "# Treatment plan" << (clientName.empty() ? "" : ": " + clientName) << "\n\n";
    out << plan.sessions.size() << " sessions, " << plan.settings.daysBetweenSessions << " days apart, from "
        << plan.settings.start.weekday() << " " << plan.settings.start.text() << ".\n";
    out << "Treated area: " << oneDecimal(plan.treatedAreaCm2) << " cm2. Dots: " << plan.totalDots << " in all, about "
        << plan.totalKeptDots << " expected to stay once healed. Time: about " << duration(plan.totalMinutes)
        << " in all.\n\n";
    out << "| Session | Date | Dots | Kept | Time | Pigment | Needle |\n";
    out << "|---|---|---|---|---|---|---|\n";
    for (const PlannedSession& s : plan.sessions)
        out << "| " << s.number << " | " << s.date.text() << " | " << s.dots << " | " << s.keptDots << " | "
            << duration(s.minutes) << " | " << percent(s.shade) << "% | " << twoDecimals(s.needleMm) << " mm |\n";
    for (const PlannedSession& s : plan.sessions)
        writeSession(out, s, plan);
    if (plan.scar) {
        out << "\n## Scar tissue\n\n";
        out << "- Scar area treated: " << oneDecimal(plan.scar->areaCm2) << " cm2, " << plan.scar->dotsOnScar
            << " dots on it over all sessions\n";
        out << "- " << plan.scar->advice << "\n";
    }
    const SessionRateModel& rate = plan.settings.rate;
    out << "\n## How the times are estimated\n\n"
        << "Session 1: " << duration(static_cast<int>(std::lround(rate.firstSessionSetupMinutes)))
        << " to draw the hairline and test dilutions, then " << shortNumber(rate.dotsPerMinute)
        << " dots a minute. Each later session about "
        << duration(static_cast<int>(std::lround(rate.laterSessionShorterMinutes)))
        << " shorter than the one before, never under " << duration(static_cast<int>(std::lround(rate.minimumMinutes)))
        << ". Estimates: the artist's pace and the skin decide.\n";
    return out.str();
}

std::string planJson(const TreatmentPlan& plan) {
    nlohmann::json sessions = nlohmann::json::array();
    for (const PlannedSession& s : plan.sessions)
        sessions.push_back(sessionJson(s));
    const SessionRateModel& rate = plan.settings.rate;
    nlohmann::json root = {
        {"format", kPlanFormat},
        {"version", kPlanVersion},
        {"startDate", plan.settings.start.text()},
        {"daysBetweenSessions", plan.settings.daysBetweenSessions},
        {"treatedAreaCm2", plan.treatedAreaCm2},
        {"rateModel",
         {{"firstSessionSetupMinutes", rate.firstSessionSetupMinutes},
          {"dotsPerMinute", rate.dotsPerMinute},
          {"laterSessionShorterMinutes", rate.laterSessionShorterMinutes},
          {"minimumMinutes", rate.minimumMinutes}}},
        {"sessions", sessions},
        {"totals",
         {{"sessions", plan.sessions.size()},
          {"dots", plan.totalDots},
          {"keptDots", plan.totalKeptDots},
          {"minutes", plan.totalMinutes},
          {"lastSessionDate", plan.sessions.empty() ? plan.settings.start.text() : plan.sessions.back().date.text()}}},
        {"scar", nullptr},
    };
    if (plan.scar)
        root["scar"] = {{"areaCm2", plan.scar->areaCm2},
                        {"dotsOnScar", plan.scar->dotsOnScar},
                        {"healthyRetention", plan.scar->healthyRetention},
                        {"scarRetention", plan.scar->scarRetention},
                        {"advice", plan.scar->advice}};
    return root.dump(2) + "\n";
}

}  // namespace smp::plan
