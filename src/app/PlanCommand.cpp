#include "app/PlanCommand.h"

#include "core/ProjectDots.h"
#include "core/plan/PlanReport.h"
#include "core/plan/TreatmentPlan.h"
#include "vision/ClientDocument.h"

#include <ostream>

namespace smp::app {

void runPlanCommand(const PlanRequest& request, std::ostream& out) {
    plan::PlanSettings settings;
    settings.start = request.start ? *request.start : plan::CalendarDate::today();
    if (request.daysBetweenSessions) settings.daysBetweenSessions = *request.daysBetweenSessions;
    settings.validate();  // before the slow part: a bad request should fail at once

    const vision::ClientDocument document = vision::openClientDocument(request.input);
    const core::SizePx photoSize{document.photo.width, document.photo.height};
    // The same field and dots the window and `smp-studio dots` show, so the counts agree.
    const dots::DensityField field = core::projectField(document.project, photoSize);
    const dots::DotLayout layout = core::projectDots(document.project, field);
    const plan::TreatmentPlan treatment = plan::computePlan(document.project, layout, field, settings);

    if (request.json)
        out << plan::planJson(treatment);
    else
        out << plan::planMarkdown(treatment, request.input.filename().string());
}

}  // namespace smp::app
