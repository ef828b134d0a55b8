#pragma once
// The treatment plan as text for the client (Markdown, which reads as plain text too) and as
// JSON for other tools.
//
// JSON schema, "smp-studio-plan" version 1. Every field is always present; dates are strings
// "YYYY-MM-DD"; shares are 0..1; nothing else is ever added without raising the version.
//   format                    string   "smp-studio-plan"
//   version                   integer  1
//   startDate                 string   date of session 1
//   daysBetweenSessions       integer  days from one session to the next (7 to 30)
//   treatedAreaCm2            number   treated skin, cm2 (the same skin every session works over)
//   rateModel                 object   how the durations were estimated:
//     firstSessionSetupMinutes  number minutes of session 1 before the first dot (drawing, tests)
//     dotsPerMinute             number placing pace in session 1
//     laterSessionShorterMinutes number each later session is this much shorter than the one before
//     minimumMinutes            number no session is shorter
//   sessions                  array    one object per session, in order:
//     number                    integer 1-based
//     date                      string  the session's day
//     dots                      integer dots this session places (the engine's own count)
//     keptDots                  integer of those, dots expected to stay once healed (not shed)
//     treatedAreaCm2            number  treated skin, cm2
//     minutes                   integer estimated duration, minutes
//     shade                     number  pigment strength of the dilution, 0 water .. 1 undiluted
//     pigmentPercent            integer the shade as % of undiluted pigment
//     dilution                  string  the mix in the artist's words ("1 part pigment : 3 parts water")
//     needleMm                  number  nominal healed dot diameter, mm
//     aftercare                 array   the client's schedule after this session, in order:
//       firstDay                  integer days after the session (the session is day 0)
//       lastDay                   integer or null: null means from firstDay on, for good
//       from                      string  date of firstDay
//       until                     string or null: date of lastDay
//       advice                    string
//   totals                    object
//     sessions                  integer
//     dots                      integer sum of the sessions' dots
//     keptDots                  integer sum of the sessions' keptDots
//     minutes                   integer sum of the sessions' minutes
//     lastSessionDate           string
//   scar                      object or null: null when the design has no scar zone
//     areaCm2                   number  treated skin that is scar tissue, cm2
//     dotsOnScar                integer dots of every session that land on it
//     healthyRetention          number  mean share of dots kept between sessions on healthy skin, 0..1
//     scarRetention             number  the same on scar tissue, 0..1
//     advice                    string

#include "core/plan/TreatmentPlan.h"

#include <string>

namespace smp::plan {

inline constexpr const char* kPlanFormat = "smp-studio-plan";
inline constexpr int kPlanVersion = 1;

// `clientName` heads the text (e.g. the project's file name); empty leaves it out.
[[nodiscard]] std::string planMarkdown(const TreatmentPlan& plan, const std::string& clientName = {});

// Pretty-printed with a final newline.
[[nodiscard]] std::string planJson(const TreatmentPlan& plan);

}  // namespace smp::plan
