#include "ui/DesignEdits.h"

#include "core/Errors.h"

#include <algorithm>
#include <string>
#include <vector>

namespace smp::ui {
namespace {

// The parameters that give the line its shape; the transition only softens it.
bool sameShape(const design::StyleParams& a, const design::StyleParams& b) {
    design::StyleParams withoutTransition = b;
    withoutTransition.transitionMm = a.transitionMm;
    return a == withoutTransition;
}

void checkSession(const dots::SessionPlan& plan, int index) {
    if (index < 0 || index >= static_cast<int>(plan.sessions.size()))
        throw core::UsageError("session " + std::to_string(index + 1) + " does not exist; the plan has " +
                               std::to_string(plan.sessions.size()));
}

}  // namespace

void applyStyle(design::Design& design, const design::StyleParams& style) {
    design::validateStyle(style);
    const bool reshape = !sameShape(design.style, style);
    design.style = style;
    if (reshape) {
        const bool mirrored = design.hairline.mirrored;
        design.hairline = design::makeHairline(style, design.face);
        if (style.style != design::HairlineStyle::Natural && !mirrored) design.hairline.mirrored = false;
    }
    design.hairline.transitionMm = style.transitionMm;
}

void setTransition(design::Design& design, double transitionMm) {
    design::StyleParams style = design.style;
    style.transitionMm = transitionMm;
    applyStyle(design, style);
}

void setSessionCount(dots::SessionPlan& plan, int count) {
    const dots::SessionPlan standard = dots::SessionPlan::standard(count);  // throws out of 1..7
    const dots::Session last = plan.sessions.empty() ? standard.sessions.back() : plan.sessions.back();
    plan.sessions.resize(static_cast<std::size_t>(count), last);
    for (int k = 0; k < count; ++k)
        plan.sessions[static_cast<std::size_t>(k)].densityShare = standard.sessions[static_cast<std::size_t>(k)].densityShare;
}

void setSessionShare(dots::SessionPlan& plan, int index, double share) {
    checkSession(plan, index);
    const int count = static_cast<int>(plan.sessions.size());
    auto shareOf = [&plan](int k) -> double& { return plan.sessions[static_cast<std::size_t>(k)].densityShare; };
    if (count == 1) {
        shareOf(0) = 1.0;
        return;
    }
    const double wanted = std::clamp(share, kMinSessionShare, 1.0 - kMinSessionShare * (count - 1));
    // The others fill the rest in the proportions they had; one that would fall under the least
    // share is held at it and the rest shared again among the others (always possible: the
    // clamp above leaves each at least the least share).
    std::vector<int> open;
    std::vector<double> was(static_cast<std::size_t>(count));
    for (int k = 0; k < count; ++k) {
        was[static_cast<std::size_t>(k)] = shareOf(k);
        if (k != index) open.push_back(k);
    }
    double rest = 1.0 - wanted;
    shareOf(index) = wanted;
    while (!open.empty()) {
        double total = 0.0;
        for (int k : open) total += was[static_cast<std::size_t>(k)];
        const auto proposed = [&](int k) {
            return total > 0.0 ? was[static_cast<std::size_t>(k)] / total * rest : rest / double(open.size());
        };
        const auto low = std::find_if(open.begin(), open.end(), [&](int k) { return proposed(k) < kMinSessionShare; });
        if (low == open.end()) {
            for (int k : open) shareOf(k) = proposed(k);
            break;
        }
        shareOf(*low) = kMinSessionShare;
        rest -= kMinSessionShare;
        open.erase(low);
    }
    // Rounding: the largest of the others takes what is left, so that the sum is exactly 1.
    int largest = index == 0 ? 1 : 0;
    for (int k = 0; k < count; ++k)
        if (k != index && shareOf(k) > shareOf(largest)) largest = k;
    double sum = 0.0;
    for (int k = 0; k < count; ++k)
        if (k != largest) sum += shareOf(k);
    shareOf(largest) = 1.0 - sum;
}

}  // namespace smp::ui
