#include "core/dots/DotDecoration.h"

#include "core/dots/DotHash.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace smp::dots {

namespace {

constexpr double kPi = std::numbers::pi;
// A unit's extra dots lie this far from its first, in shares of Imperfection::unitSpacing.
constexpr double kUnitNear = 0.85, kUnitSpread = 0.3;

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
        const double distance = im.unitSpacing * r * (kUnitNear + kUnitSpread * h.uniform());
        const core::Vec2 p{at.x + distance * std::cos(angle), at.y + distance * std::sin(angle)};
        if (!c.field.inside(p)) continue;
        Dot extra = styledDot(c, p, here.scar, h);
        extra.diameterMm *= 0.9;  // the extra hairs of a unit are usually finer
        extra.follicularUnit = first.follicularUnit;
        extra.shedBeforeNext = sheds(c, here.scar, h);
        out.push_back(extra);
    }
}

void UnitNumbers::number(std::span<Dot> dots) {
    for (Dot& dot : dots) {
        if (dot.follicularUnit == 0) continue;
        if (dot.follicularUnit != was_) was_ = dot.follicularUnit, ++now_;
        dot.follicularUnit = now_;
    }
}

void decorateSession(const SessionContext& context, const std::vector<SampledDot>& sampled,
                     const detail::DecorationReuse& reuse, std::uint32_t& nextUnit, std::vector<Dot>& out,
                     detail::DecoratedSession& made) {
    const std::size_t start = out.size();
    made.sampled = sampled;
    made.firstDot.clear();
    made.firstDot.reserve(sampled.size() + 1);
    const std::size_t needed = start + sampled.size() + sampled.size() / 8;
    if (out.capacity() < needed) out.reserve(std::max(needed, 2 * out.capacity()));
    // How far from a dot its decoration reads the field, per mm of spacing and in mm: the
    // scatter nudge plus a unit's extra dots, then the bilinear patch around a point.
    const Imperfection& im = context.imperfection;
    const double reachPerSpacing = im.transitionScatter + (kUnitNear + kUnitSpread) * im.unitSpacing;
    const double nodeReach = 2.0 * context.field.nodeSpacingMm();
    const auto untouched = [&](const SampledDot& dot) {
        if (!reuse.changed) return true;
        const RectMm& c = *reuse.changed;
        const double reach = reachPerSpacing * dot.spacing + nodeReach;
        return dot.position.x < c.x0 - reach || dot.position.x > c.x1 + reach || dot.position.y < c.y0 - reach ||
               dot.position.y > c.y1 + reach;
    };
    // Reused dots are copied a run at a time: after an edit nearly all of them are, in runs of
    // thousands, and one copy per run costs less than one per dot.
    std::size_t copyFrom = 0, copyTo = 0;  // the run of reused dots not yet copied
    const auto flush = [&] {
        out.insert(out.end(), reuse.dots.begin() + static_cast<std::ptrdiff_t>(copyFrom),
                   reuse.dots.begin() + static_cast<std::ptrdiff_t>(copyTo));
        copyFrom = copyTo;
    };
    std::size_t j = 0;
    for (const SampledDot& dot : sampled) {
        made.firstDot.push_back(static_cast<std::uint32_t>(out.size() + (copyTo - copyFrom) - start));
        if (reuse.before != nullptr) {
            const std::vector<SampledDot>& then = reuse.before->sampled;
            while (j < then.size() && then[j].key < dot.key)
                ++j;
            if (j < then.size() && then[j].key == dot.key && then[j].position == dot.position &&
                then[j].spacing == dot.spacing && untouched(dot)) {
                const std::size_t first = reuse.before->firstDot[j], end = reuse.before->firstDot[j + 1];
                if (first != copyTo) {
                    flush();
                    copyFrom = copyTo = first;
                }
                copyTo = end;
                continue;
            }
        }
        flush();
        decorateDot(context, dot, nextUnit, out);
    }
    flush();
    made.firstDot.push_back(static_cast<std::uint32_t>(out.size() - start));
}

}  // namespace smp::dots
