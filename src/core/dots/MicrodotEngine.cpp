#include "core/dots/MicrodotEngine.h"

#include "core/Errors.h"
#include "core/dots/DotDecoration.h"
#include "core/dots/Spacing.h"

#include <algorithm>
#include <sstream>

namespace smp::dots {

namespace {

void checkField(const DensityField& field) {
    for (int row = 0; row < field.rows(); ++row)
        for (int column = 0; column < field.columns(); ++column) {
            const FieldValue v = field.node(column, row);
            if (v.density <= kMaxDensity || v.mask < 0.5) continue;
            std::ostringstream message;
            message << "density field node (" << column << ", " << row << "): " << v.density
                    << " dots/cm2 is over the limit of " << kMaxDensity
                    << " (a natural scalp has at most ~300 hairs per cm2)";
            throw core::UsageError(message.str());
        }
}

}  // namespace

double follicularExtra(const Imperfection& imperfection) {
    return imperfection.follicularChance * (1.0 + imperfection.tripleChance);
}

const DotLayout& MicrodotEngine::generate(const DensityField& field, const SessionPlan& plan, std::uint64_t seed) {
    plan.validate();
    const int sessions = static_cast<int>(plan.sessions.size());
    samplers_.resize(static_cast<std::size_t>(sessions));
    stats_.assign(static_cast<std::size_t>(sessions), {});

    // Worked out once for every session: what the samplers need of the whole field, and where
    // it changed since the previous call (the samplers and the decoration redo only what lies
    // near that).
    const FieldFacts facts = FieldFacts::of(field, previous_ ? &previous_->field : nullptr,
                                            previous_ ? previous_->fieldPrint : 0);
    // The bounds take in every node: only when they are over the limit is there a node to name.
    if (facts.bounds.maxDensity > kMaxDensity) checkField(field);
    Previous next{field, facts.fingerprint, plan, seed, {}};
    next.sessions.resize(static_cast<std::size_t>(sessions));

    DotLayout layout;
    layout.dots.reserve(layout_.dots.size() + layout_.dots.size() / 8);
    std::vector<core::Vec2> survivors;
    survivors.reserve(layout_.dots.size());
    // Follicular units are numbered after each session's decoration; until then a new unit
    // takes an id above any that a reused dot can carry.
    std::uint32_t nextUnit = kProvisionalUnits;
    UnitNumbers units;
    // Follicular units add dots of their own: sample fewer so the final density is the target.
    const double unitScale = 1.0 / (1.0 + follicularExtra(plan.imperfection));
    for (int k = 0; k < sessions; ++k) {
        LayerRequest request;
        request.field = &field;
        request.densityScale = plan.cumulativeShare(k) * unitScale;
        request.seed = seed;
        request.layer = static_cast<std::uint32_t>(k);
        request.obstacles = survivors;
        request.facts = &facts;
        LayerSampler& sampler = samplers_[static_cast<std::size_t>(k)];
        const std::vector<SampledDot>& sampled = sampler.sample(request);
        stats_[static_cast<std::size_t>(k)] = sampler.lastStats();

        layout.sessionStart.push_back(layout.dots.size());
        const bool last = k + 1 == sessions;
        const SessionContext context{field, plan.sessions[static_cast<std::size_t>(k)], plan.imperfection, seed, k,
                                     last};
        detail::DecoratedSession& made = next.sessions[static_cast<std::size_t>(k)];
        decorateSession(context, sampled, reusable(k, plan, seed, facts.changed), nextUnit, layout.dots, made);
        // A dot sheds at most once, while it heals before the next session; one that survives
        // that stays for every later session.
        const std::span<Dot> sessionDots = std::span<Dot>(layout.dots).subspan(layout.sessionStart.back());
        for (const Dot& dot : sessionDots)
            if (!dot.shedBeforeNext) survivors.push_back(dot.positionMm);
        // While the session's dots are still in cache.
        units.number(sessionDots);
    }
    layout.sessionStart.push_back(layout.dots.size());
    previous_ = std::move(next);
    layout_ = std::move(layout);
    return layout_;
}

detail::DecorationReuse MicrodotEngine::reusable(int session, const SessionPlan& plan, std::uint64_t seed,
                                                 const std::optional<RectMm>& changed) const {
    const std::size_t k = static_cast<std::size_t>(session);
    if (!previous_ || previous_->seed != seed || previous_->plan.imperfection != plan.imperfection ||
        k >= previous_->plan.sessions.size() || previous_->plan.sessions[k] != plan.sessions[k])
        return {};
    // Nothing sheds after the last session: being last must not have changed either.
    if ((k + 1 == previous_->plan.sessions.size()) != (k + 1 == plan.sessions.size())) return {};
    const std::size_t first = layout_.sessionStart[k], end = layout_.sessionStart[k + 1];
    return {&previous_->sessions[k], std::span<const Dot>(layout_.dots).subspan(first, end - first), changed};
}

DotLayout generateDots(const DensityField& field, const SessionPlan& plan, std::uint64_t seed) {
    MicrodotEngine engine;
    return engine.generate(field, plan, seed);
}

}  // namespace smp::dots
