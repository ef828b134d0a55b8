#include "core/dots/DotDecoration.h"

#include "core/dots/DotHash.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace smp::dots {

namespace {

constexpr double kPi = std::numbers::pi;

Dot styledDot(const SessionContext& c, core::Vec2 at, double scar, DotHash& h) {
    const Imperfection& im = c.imperfection;
    Dot dot;
    dot.positionMm = at;
    const double size = std::clamp(1.0 + im.sizeJitter * h.normal(), 0.6, 1.5);
    dot.diameterMm = c.session.needleMm * size * (1.0 + im.scarSpread * scar);
    dot.shade = static_cast<float>(std::clamp(c.session.shade + im.shadeJitter * h.normal(), 0.05, 1.0));
    dot.ellipseRatio = static_cast<float>(1.0 + (im.maxEllipse - 1.0) * h.uniform());
    dot.angleRad = static_cast<float>(kPi * h.uniform());
    dot.session = static_cast<std::uint8_t>(c.index);
    return dot;
}

bool sheds(const SessionContext& c, double scar, DotHash& h) {
    if (c.last) return false;
    const double keep = c.session.retention + (c.session.scarRetention - c.session.retention) * scar;
    return h.uniform() >= keep;
}

}  // namespace

void decorateDot(const SessionContext& c, const SampledDot& sampled, std::uint32_t& nextUnit, std::vector<Dot>& out) {
    const Imperfection& im = c.imperfection;
    DotHash h(c.seed);
    h.combine(0x446f74ULL).combine(static_cast<std::uint64_t>(c.index)).combine(sampled.key);
    const FieldValue here = c.field.at(sampled.position);
    const double r = sampled.spacing;

    // At the front of a faded hairline dots stray from the even spacing: a random nudge that
    // grows with the transition, keeping the field's (lower) density.
    core::Vec2 at = sampled.position;
    const double nudge = im.transitionScatter * here.transition * r * std::sqrt(h.uniform());
    const double nudgeAngle = 2.0 * kPi * h.uniform();
    if (nudge > 0.0) {
        const core::Vec2 moved{at.x + nudge * std::cos(nudgeAngle), at.y + nudge * std::sin(nudgeAngle)};
        if (c.field.inside(moved)) at = moved;
    }
    Dot first = styledDot(c, at, here.scar, h);
    first.shedBeforeNext = sheds(c, here.scar, h);

    // The front of the hairline is single units only (DOMAIN.md): none in the front half of
    // the transition, fading in behind it.
    const double unitShare = std::max(0.0, 1.0 - 2.0 * here.transition);
    const bool unit = h.uniform() < im.follicularChance * unitShare;
    const int extras = unit ? (h.uniform() < im.tripleChance ? 2 : 1) : 0;
    if (extras > 0) first.follicularUnit = nextUnit++;
    out.push_back(first);
    const double baseAngle = 2.0 * kPi * h.uniform();
    for (int e = 0; e < extras; ++e) {
        // Around the first dot, the second and third roughly a third of a turn apart.
        const double angle = baseAngle + e * (2.0 * kPi / 3.0) + 0.4 * (h.uniform() - 0.5);
        const double distance = im.unitSpacing * r * (0.85 + 0.3 * h.uniform());
        const core::Vec2 p{at.x + distance * std::cos(angle), at.y + distance * std::sin(angle)};
        if (!c.field.inside(p)) continue;
        Dot extra = styledDot(c, p, here.scar, h);
        extra.diameterMm *= 0.9;  // the extra hairs of a unit are usually finer
        extra.follicularUnit = first.follicularUnit;
        extra.shedBeforeNext = sheds(c, here.scar, h);
        out.push_back(extra);
    }
}

}  // namespace smp::dots
