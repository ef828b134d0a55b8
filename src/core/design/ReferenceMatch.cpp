#include "core/design/ReferenceMatch.h"

#include "core/Errors.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <vector>

namespace smp::design {

namespace {

void checkReading(const StubbleMatch& reading) {
    if (!(std::isfinite(reading.dotsPerCm2) && reading.dotsPerCm2 > 0.0)) {
        std::ostringstream message;
        message << "match reference: measured density is " << reading.dotsPerCm2
                << " dots/cm2, must be a positive number (was any stubble found?)";
        throw core::UsageError(message.str());
    }
    if (!(reading.meanShade > 0.0 && reading.meanShade <= 1.0)) {
        std::ostringstream message;
        message << "match reference: measured shade is " << reading.meanShade
                << ", must be in (0, 1] (0 is bare skin, 1 black)";
        throw core::UsageError(message.str());
    }
}

}  // namespace

ReferenceApplied matchReference(const StubbleMatch& reading, DensityTargets& targets, dots::SessionPlan& plan) {
    checkReading(reading);
    plan.validate();

    ReferenceApplied applied;
    applied.measuredDotsPerCm2 = reading.dotsPerCm2;
    applied.fullDotsPerCm2 = std::clamp(reading.dotsPerCm2, kMinReferenceDotsPerCm2, kMaxReferenceDotsPerCm2);
    applied.densityClamped = applied.fullDotsPerCm2 != reading.dotsPerCm2;

    // The plan's steps, measured down from its last session. The artist may have made a middle
    // session darker than the last (a negative step); that is kept too and clamped at 1.
    const double oldLast = plan.sessions.back().shade;
    std::vector<double> steps;
    double largestStep = 0.0;
    for (const dots::Session& s : plan.sessions) {
        steps.push_back(oldLast - s.shade);
        largestStep = std::max(largestStep, oldLast - s.shade);
    }
    const double last = reading.meanShade;
    const double room = last - std::min(kLightestMatchedShade, last);
    double squeeze = 1.0;
    if (largestStep > room) {
        squeeze = room / largestStep;
        applied.spacingCompressed = true;
    }

    // Everything is computed before anything is written, so a throw above changes nothing.
    targets.fullDotsPerCm2 = applied.fullDotsPerCm2;
    for (std::size_t k = 0; k < plan.sessions.size(); ++k)
        plan.sessions[k].shade = std::clamp(last - squeeze * steps[k], 0.0, 1.0);
    return applied;
}

}  // namespace smp::design
