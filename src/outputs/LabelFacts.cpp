#include "outputs/LabelFacts.h"

#include <algorithm>
#include <cmath>

namespace smp::outputs {

std::optional<plan::CalendarDate> LabelFacts::dateOf(const preview::TimelinePoint& when, int sessionCount) const {
    const int done = std::min(when.sessionsDone, sessionCount);
    if (!start || done <= 0) return std::nullopt;
    const int day = int(std::lround(when.day.value_or(settledDay)));
    return start->plusDays((done - 1) * daysBetweenSessions + day);
}

LabelFacts labelFactsFor(const ExportSettings& settings, const core::Project& project) {
    LabelFacts facts;
    facts.clientName = settings.clientName;
    facts.consultation = settings.date.value_or(plan::CalendarDate::today());
    facts.start = settings.start;
    facts.daysBetweenSessions = settings.daysBetweenSessions;
    facts.settledDay = preview::HealingModel{}.settledDay;
    facts.scaleBar = settings.scaleBar;
    facts.assumedScale = project.scale.source == core::ScaleSource::Assumed;
    return facts;
}

}  // namespace smp::outputs
