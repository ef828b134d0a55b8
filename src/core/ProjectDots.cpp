#include "core/ProjectDots.h"

#include "core/Errors.h"
#include "core/design/FieldBuilder.h"

#include <algorithm>

namespace smp::core {

dots::DensityField projectField(const Project& project, SizePx photoSize) {
    if (!project.design)
        throw UsageError("the project has no hairline yet: open it in SMP Studio or analyze its photo to place one");
    const design::Design& d = *project.design;
    return design::buildDensityField({d.hairline, d.face, d.zones, d.density, project.scale, photoSize});
}

dots::DotLayout projectDots(const Project& project, const dots::DensityField& field, dots::MicrodotEngine& engine) {
    // A hairline dragged off the head, or a photo too small to hold one, treats nothing: that is
    // a design with no dots, not an error (the engine refuses an empty area as a bad request).
    if (!field.anyTreated()) {
        project.plan.validate();
        return {{}, std::vector<std::size_t>(project.plan.sessions.size() + 1, 0)};
    }
    return engine.generate(field, project.plan, project.seed);
}

dots::DotLayout projectDots(const Project& project, const dots::DensityField& field) {
    dots::MicrodotEngine engine;
    return projectDots(project, field, engine);
}

dots::DotLayout projectDots(const Project& project, SizePx photoSize) {
    return projectDots(project, projectField(project, photoSize));
}

preview::TimelinePoint timelinePoint(const ProjectTimeline& timeline) {
    preview::TimelinePoint point;
    point.sessionsDone =
        timeline.sessionsShown == ProjectTimeline::kAllSessions ? dots::kMaxSessions : timeline.sessionsShown;
    if (timeline.day) point.day = double(*timeline.day);
    return point;
}

ProjectSkin projectSkin(const Project& project, SizePx photoSize, const preview::TimelinePoint& when,
                        const preview::HealingModel& healing) {
    const dots::DensityField field = projectField(project, photoSize);
    ProjectSkin skin{projectDots(project, field), {}};
    skin.looks = preview::skinAt(skin.layout, when, healing, &field);
    return skin;
}

}  // namespace smp::core
