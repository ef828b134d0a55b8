#include "core/plan/Aftercare.h"

namespace smp::plan {

const std::vector<AftercareStep>& aftercareSchedule() {
    static const std::vector<AftercareStep> schedule = {
        {1, 4, "keep the scalp dry; no touching, scratching or shaving"},
        {5, 7, "no heavy sweating (gym, sport), no shampoo, no sun on the scalp"},
        {8, 14, "scabs flake off on their own, do not pick them; gentle washing; shaving allowed"},
        {15, 15, "back to the usual routine"},
        {15, std::nullopt,
         "SPF 50+ or a hat in the sun (UV fades pigment); no swimming pools or saunas until a month "
         "after the session"},
    };
    return schedule;
}

std::vector<DatedAftercare> datedAftercare(const CalendarDate& sessionDate) {
    std::vector<DatedAftercare> dated;
    for (const AftercareStep& step : aftercareSchedule()) {
        std::optional<CalendarDate> until;
        if (step.lastDay) until = sessionDate.plusDays(*step.lastDay);
        dated.push_back({step, sessionDate.plusDays(step.firstDay), until});
    }
    return dated;
}

}  // namespace smp::plan
