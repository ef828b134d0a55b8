#include "core/plan/TreatmentPlan.h"

#include "core/Errors.h"
#include "core/design/SkinTone.h"
#include "core/dots/Spacing.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace smp::plan {
namespace {

void requireIn(const char* what, double value, double low, double high) {
    if (!(value >= low && value <= high)) {
        std::ostringstream message;
        message << "plan: " << what << " " << value << " must be between " << low << " and " << high;
        throw core::UsageError(message.str());
    }
}

// The fewest sessions DOMAIN.md says scar work usually needs ("sometimes 5-7 ... scar tissue").
constexpr int kSessionsScarWorkOftenNeeds = 5;

std::string scarAdvice(const ScarNotes& scar, int sessionsPlanned) {
    std::ostringstream text;
    text << "Scar tissue takes pigment poorly and spreads it: the plan expects it to keep about "
         << std::lround(scar.scarRetention * 100.0) << "% of its dots between sessions, against "
         << std::lround(scar.healthyRetention * 100.0) << "% elsewhere. Expect extra sessions";
    if (sessionsPlanned < kSessionsScarWorkOftenNeeds)
        text << " (scar work often takes 5-7 in all; this plan has " << sessionsPlanned << ")";
    text << ", and a softer, more diffuse look on the scar.";
    return text.str();
}

ScarNotes scarNotes(const core::Project& project, const dots::DotLayout& layout, const dots::DensityField& field) {
    ScarNotes scar;
    scar.areaCm2 = treatedAreaCm2(field, true);
    for (const dots::Dot& d : layout.dots)
        if (field.at(d.positionMm).scar >= 0.5) ++scar.dotsOnScar;
    for (const dots::Session& s : project.plan.sessions) {
        scar.healthyRetention += s.retention;
        scar.scarRetention += s.scarRetention;
    }
    const auto count = static_cast<double>(project.plan.sessions.size());
    scar.healthyRetention /= count;
    scar.scarRetention /= count;
    scar.advice = scarAdvice(scar, static_cast<int>(project.plan.sessions.size()));
    return scar;
}

}  // namespace

void SessionRateModel::validate() const {
    requireIn("first session setup minutes", firstSessionSetupMinutes, 0.0, 240.0);
    requireIn("dots per minute", dotsPerMinute, 0.1, 1000.0);
    requireIn("later session shorter minutes", laterSessionShorterMinutes, 0.0, 240.0);
    requireIn("minimum minutes", minimumMinutes, 0.0, 480.0);
}

int SessionRateModel::minutes(int number, std::size_t firstSessionDots) const {
    const double first =
        std::max(minimumMinutes, firstSessionSetupMinutes + static_cast<double>(firstSessionDots) / dotsPerMinute);
    const double session = std::max(minimumMinutes, first - laterSessionShorterMinutes * (number - 1));
    return static_cast<int>(std::lround(session));
}

void PlanSettings::validate() const {
    if (daysBetweenSessions < kMinDaysBetweenSessions || daysBetweenSessions > kMaxDaysBetweenSessions)
        throw core::UsageError("plan: " + std::to_string(daysBetweenSessions) +
                               " days between sessions is out of range (" + std::to_string(kMinDaysBetweenSessions) +
                               " to " + std::to_string(kMaxDaysBetweenSessions) + "; 10 to 20 is typical)");
    rate.validate();
}

double treatedAreaCm2(const dots::DensityField& field, bool scarOnly) {
    // The midpoint rule on the node cells, as DensityField::expectedDots counts its dots, so the
    // area and the dot count describe the same skin.
    const dots::RectMm& area = field.area();
    const double spacing = field.nodeSpacingMm();
    double mm2 = 0.0;
    for (int r = 0; r + 1 < field.rows(); ++r)
        for (int c = 0; c + 1 < field.columns(); ++c) {
            const double x = area.x0 + (c + 0.5) * spacing;
            const double y = area.y0 + (r + 0.5) * spacing;
            const double w = std::max(0.0, std::min(spacing, area.x1 - (x - 0.5 * spacing)));
            const double h = std::max(0.0, std::min(spacing, area.y1 - (y - 0.5 * spacing)));
            const dots::FieldValue value = field.at({x, y});
            const bool treated = value.mask >= 0.5 && value.density >= dots::kMinPlacedDensity;
            if (treated && (!scarOnly || value.scar >= 0.5)) mm2 += w * h;
        }
    return mm2 / dots::kMm2PerCm2;
}

TreatmentPlan computePlan(const core::Project& project, const dots::DotLayout& layout, const dots::DensityField& field,
                          const PlanSettings& settings) {
    settings.validate();
    project.plan.validate();
    const std::size_t sessionCount = project.plan.sessions.size();
    // An empty layout (a design that treats no skin) still has a session plan worth printing.
    const bool noDots = layout.sessionStart.empty();
    if (!noDots && layout.sessionCount() != sessionCount)
        throw core::UsageError("plan: the dots have " + std::to_string(layout.sessionCount()) +
                               " sessions but the project's plan has " + std::to_string(sessionCount));

    TreatmentPlan plan;
    plan.settings = settings;
    plan.treatedAreaCm2 = treatedAreaCm2(field);
    const std::size_t firstSessionDots = noDots ? 0 : layout.sessionStart[1] - layout.sessionStart[0];
    for (std::size_t k = 0; k < sessionCount; ++k) {
        const dots::Session& session = project.plan.sessions[k];
        PlannedSession planned;
        planned.number = static_cast<int>(k) + 1;
        planned.date = settings.start.plusDays(static_cast<int>(k) * settings.daysBetweenSessions);
        if (!noDots) {
            planned.dots = layout.sessionStart[k + 1] - layout.sessionStart[k];
            for (std::size_t i = layout.sessionStart[k]; i < layout.sessionStart[k + 1]; ++i)
                planned.keptDots += layout.dots[i].shedBeforeNext ? 0 : 1;
        }
        planned.treatedAreaCm2 = plan.treatedAreaCm2;
        planned.minutes = settings.rate.minutes(planned.number, firstSessionDots);
        planned.shade = session.shade;
        planned.dilution = design::dilutionText(session.shade);
        planned.needleMm = session.needleMm;
        planned.aftercare = datedAftercare(planned.date);
        plan.totalDots += planned.dots;
        plan.totalKeptDots += planned.keptDots;
        plan.totalMinutes += planned.minutes;
        plan.sessions.push_back(std::move(planned));
    }
    if (project.design && !project.design->zones.scar.empty()) plan.scar = scarNotes(project, layout, field);
    return plan;
}

}  // namespace smp::plan
