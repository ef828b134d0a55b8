#pragma once
// From a project to its dots: the design becomes a density field, the field and the plan
// become every dot of every session. The window, the command line and the exports all go
// through here, so they all see the same dots.

#include "core/Geometry.h"
#include "core/Project.h"
#include "core/dots/MicrodotEngine.h"
#include "core/preview/Healing.h"

#include <vector>

namespace smp::core {

// The density field of the project's design. Throws UsageError when the project has no design
// yet (place one first) or the design is invalid.
[[nodiscard]] dots::DensityField projectField(const Project& project, SizePx photoSize);

// Every dot of every session; none when the design treats no skin at all.
[[nodiscard]] dots::DotLayout projectDots(const Project& project, SizePx photoSize);
// The same from the project's field, for a caller that keeps the field too.
[[nodiscard]] dots::DotLayout projectDots(const Project& project, const dots::DensityField& field);
// The same through an engine kept between calls: after an edit it redoes only what the edit
// changed, and gives what a fresh engine gives.
[[nodiscard]] dots::DotLayout projectDots(const Project& project, const dots::DensityField& field,
                                          dots::MicrodotEngine& engine);

// The point of the timeline the project was saved at (all sessions: every session of the plan).
[[nodiscard]] preview::TimelinePoint timelinePoint(const ProjectTimeline& timeline);

// What the skin shows at `when`: every dot as it looks that day, scar tissue softened by the
// design's scar zones.
struct ProjectSkin {
    dots::DotLayout layout;
    std::vector<preview::DotLook> looks;
};
[[nodiscard]] ProjectSkin projectSkin(const Project& project, SizePx photoSize, const preview::TimelinePoint& when,
                                      const preview::HealingModel& healing = {});

}  // namespace smp::core
