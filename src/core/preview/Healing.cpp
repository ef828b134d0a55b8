#include "core/preview/Healing.h"

#include "core/Errors.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace smp::preview {
namespace {

double smoothstep(double edge0, double edge1, double x) {
    if (edge1 <= edge0) return x < edge0 ? 0.0 : 1.0;
    const double t = std::clamp((x - edge0) / (edge1 - edge0), 0.0, 1.0);
    return t * t * (3.0 - 2.0 * t);
}

void check(bool ok, const char* name, double value, const char* range) {
    if (!ok)
        throw core::UsageError(std::string("healing model: ") + name + " is " + std::to_string(value) + ", it must be " +
                               range);
}

bool within(double value, double low, double high) { return std::isfinite(value) && value >= low && value <= high; }

}  // namespace

void HealingModel::validate() const {
    check(within(rednessDays, 0.0, 30.0), "redness days", rednessDays, "in [0, 30]");
    check(within(freshDarkening, 0.0, 1.0), "fresh darkening", freshDarkening, "in [0, 1]");
    check(within(freshGrowth, 0.0, 2.0), "fresh growth", freshGrowth, "in [0, 2]");
    check(within(scabDays, 0.0, 30.0), "scab days", scabDays, "in [0, 30]");
    check(within(flakedDay, scabDays, 60.0), "flaked day", flakedDay, "in [scab days, 60]");
    check(within(settledDay, flakedDay, 120.0), "settled day", settledDay, "in [flaked day, 120]");
    check(within(flakingShare, 0.0, 1.0), "flaking share", flakingShare, "in [0, 1]");
    check(within(sessionAgeBlurMm, 0.0, 0.2), "blur per older session (mm)", sessionAgeBlurMm, "in [0, 0.2]");
    check(within(sessionAgeFading, 0.0, 0.2), "fading per older session", sessionAgeFading, "in [0, 0.2]");
    check(within(scarBlurMm, 0.0, 0.5), "scar blur (mm)", scarBlurMm, "in [0, 0.5]");
    check(within(scarFading, 0.0, 0.9), "scar fading", scarFading, "in [0, 0.9]");
}

double rednessOn(const HealingModel& model, double day) {
    return 1.0 - smoothstep(0.0, model.rednessDays, std::max(0.0, day));
}

double freshnessOn(const HealingModel& model, double day) {
    const double d = std::max(0.0, day);
    // Scabs hold the fresh look; their flaking takes most of it; the rest fades as the colour settles.
    const double afterFlaking = 1.0 - model.flakingShare;
    if (d <= model.scabDays) return 1.0;
    if (d <= model.flakedDay) return 1.0 - model.flakingShare * smoothstep(model.scabDays, model.flakedDay, d);
    return afterFlaking * (1.0 - smoothstep(model.flakedDay, model.settledDay, d));
}

double sheddingOn(const HealingModel& model, double day) {
    return smoothstep(model.scabDays, model.flakedDay, std::max(0.0, day));
}

std::vector<DotLook> skinAt(const dots::DotLayout& layout, const TimelinePoint& when, const HealingModel& model,
                            const dots::DensityField* field) {
    model.validate();
    if (when.sessionsDone < 0)
        throw core::UsageError("timeline: " + std::to_string(when.sessionsDone) + " sessions done; it must be 0 or more");
    if (when.day && !within(*when.day, 0.0, kMaxTimelineDay))
        throw core::UsageError("timeline: day " + std::to_string(*when.day) + " is outside 0 to " +
                               std::to_string(kMaxTimelineDay));

    const int done = std::min(when.sessionsDone, static_cast<int>(layout.sessionCount()));
    std::vector<DotLook> looks;
    if (done == 0) return looks;
    const int last = done - 1;
    const std::size_t end = layout.sessionStart[static_cast<std::size_t>(done)];
    looks.reserve(end);

    // The last session heals by when.day; settled, it looks like the others.
    const double freshness = when.day ? freshnessOn(model, *when.day) : 0.0;
    const double redness = when.day ? rednessOn(model, *when.day) : 0.0;
    const double shedding = when.day ? sheddingOn(model, *when.day) : 1.0;
    // The fresh look's extra darkness is the work's as a whole (the trade's "up to 50% darker"):
    // the scab halo spreads the same extra pigment wider, it does not add its own.
    const double growth = 1.0 + model.freshGrowth * freshness;
    const double freshShade = (1.0 + model.freshDarkening * freshness) / (growth * growth);

    for (std::size_t i = 0; i < end; ++i) {
        const dots::Dot& dot = layout.dots[i];
        const int age = last - static_cast<int>(dot.session);
        double keep = 1.0;
        if (dot.shedBeforeNext) {
            if (age > 0) continue;
            keep = 1.0 - shedding;
            if (keep <= 0.0) continue;
        }
        DotLook look = settledLook(dot);
        double shade = dot.shade * keep * std::max(0.0, 1.0 - model.sessionAgeFading * age);
        double blur = model.sessionAgeBlurMm * age;
        if (field) {
            const double scar = std::clamp(field->at(dot.positionMm).scar, 0.0, 1.0);
            shade *= 1.0 - model.scarFading * scar;
            blur = std::hypot(blur, model.scarBlurMm * scar);
        }
        if (age == 0 && when.day) {
            look.diameterMm *= growth;
            shade *= freshShade;
            look.redness = float(redness);
        }
        look.shade = float(shade);
        look.blurMm = float(blur);
        looks.push_back(look);
    }
    return looks;
}

}  // namespace smp::preview
