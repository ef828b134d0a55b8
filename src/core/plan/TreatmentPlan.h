#pragma once
// The treatment plan the artist hands the client: when each session is, what it places, how
// long it takes, which dilution, and the aftercare in between. Every count comes from the
// engine's own layout, so the plan and the preview never disagree.

#include "core/Project.h"
#include "core/dots/DensityField.h"
#include "core/dots/MicrodotEngine.h"
#include "core/plan/Aftercare.h"
#include "core/plan/CalendarDate.h"

#include <optional>
#include <string>
#include <vector>

namespace smp::plan {

// DOMAIN.md: sessions are 7 to 30 days apart, 10 to 20 typical.
inline constexpr int kMinDaysBetweenSessions = 7;
inline constexpr int kMaxDaysBetweenSessions = 30;

// How long a session takes. Practitioner figures (DOMAIN.md): session 1 is the longest, 2-4 h,
// because the artist draws the hairline on the scalp and tests dilutions before the first dot;
// later sessions run about 30 min shorter each. Only session 1 is timed from its dots: later
// sessions are mostly fill-in and touch-up, and artists book them by that rule, not by count.
// Every figure is a default the artist can change.
struct SessionRateModel {
    double firstSessionSetupMinutes = 60.0;    // consultation, drawing the hairline, dilution tests
    double dotsPerMinute = 60.0;               // about a dot a second, dipping and wiping included
    double laterSessionShorterMinutes = 30.0;  // each later session is this much shorter than the one before
    double minimumMinutes = 45.0;              // no session is booked shorter (preparation, cleaning, photos)

    // Throws core::UsageError naming the field and the value when one is out of range.
    void validate() const;
    // Session `number` (1-based) of a plan whose first session places `firstSessionDots`.
    [[nodiscard]] int minutes(int number, std::size_t firstSessionDots) const;
};

struct PlanSettings {
    CalendarDate start = CalendarDate::fromYmd(2026, 1, 1);  // a placeholder: callers set it (the command line: today)
    int daysBetweenSessions = 14;
    SessionRateModel rate;

    void validate() const;  // throws core::UsageError
};

struct PlannedSession {
    int number = 1;  // 1-based
    CalendarDate date = CalendarDate::fromYmd(2026, 1, 1);
    std::size_t dots = 0;  // placed by this session: exactly the engine's layout
    // Of those, not shed while healing. The engine sheds only what a next session would refill,
    // so the last session keeps all of its dots here.
    std::size_t keptDots = 0;
    double treatedAreaCm2 = 0.0;
    int minutes = 0;
    double shade = 0.0;    // pigment strength, 0 water .. 1 undiluted
    std::string dilution;  // design::dilutionText: "1.2 parts pigment : 1 part water"
    double needleMm = 0.0;
    std::vector<DatedAftercare> aftercare;
};

// Scar tissue takes pigment poorly and spreads it (DOMAIN.md): the client should know before
// booking that the plan may need more sessions.
struct ScarNotes {
    double areaCm2 = 0.0;           // treated skin that the field marks as scar
    std::size_t dotsOnScar = 0;     // every session's dots that land on it
    double healthyRetention = 0.0;  // mean over the sessions of the plan's retention, 0..1
    double scarRetention = 0.0;     // the same on scar tissue
    std::string advice;
};

struct TreatmentPlan {
    PlanSettings settings;
    // Every session works over the whole treated area (each fills the gaps the earlier ones
    // left), so the area is computed once from the field and repeated per session.
    double treatedAreaCm2 = 0.0;
    std::vector<PlannedSession> sessions;
    std::size_t totalDots = 0;
    std::size_t totalKeptDots = 0;
    int totalMinutes = 0;
    std::optional<ScarNotes> scar;  // only when the design has a scar zone
};

// Treated skin in cm2: where the field's mask says treated and its density places dots, the
// same rule the engine samples by. Optionally only the part whose scar channel is >= 0.5.
[[nodiscard]] double treatedAreaCm2(const dots::DensityField& field, bool scarOnly = false);

// Throws core::UsageError when the settings are out of range or the layout's sessions do not
// match the project's plan.
[[nodiscard]] TreatmentPlan computePlan(const core::Project& project, const dots::DotLayout& layout,
                                        const dots::DensityField& field, const PlanSettings& settings);

}  // namespace smp::plan
