#pragma once
// Every dot of every session, from a density field, a session plan and a seed.
//
// Session k is sampled as one maximal layer at the spacing of the density placed so far
// (sessions 0..k), with every dot that survived the earlier sessions as a fixed obstacle: its
// dots land in the gaps, and sessions 0..k together are again maximal blue noise at that
// spacing (multi-class blue noise, Wei 2010). Nothing is ever thinned. Then each dot is made
// "perfectly imperfect" (size, shade, shape, the odd follicular unit, scatter at the front of a
// faded hairline) and marked shed or not for the next session, all from hashes of the dot's
// own identity, so the result is a pure function of (field, plan, seed).

#include "core/dots/DensityField.h"
#include "core/dots/Dot.h"
#include "core/dots/DotDecoration.h"
#include "core/dots/LayerSampler.h"
#include "core/dots/SessionPlan.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace smp::dots {

struct DotLayout {
    std::vector<Dot> dots;                  // session by session
    std::vector<std::size_t> sessionStart;  // first dot of each session, then dots.size()

    [[nodiscard]] std::size_t sessionCount() const { return sessionStart.empty() ? 0 : sessionStart.size() - 1; }
};

// Expected dots added per sampled dot by follicular units, on full-density skin.
[[nodiscard]] double follicularExtra(const Imperfection& imperfection);

// Keeps each session's sampler between calls: a later call with a partly changed field, or a
// changed later session, resamples only what changed. The result never depends on the
// history of calls. Not thread-safe.
class MicrodotEngine {
public:
    const DotLayout& generate(const DensityField& field, const SessionPlan& plan, std::uint64_t seed);

    // Per session, what the last call did.
    [[nodiscard]] const std::vector<LayerStats>& lastStats() const { return stats_; }

private:
    struct Previous {
        DensityField field;
        std::uint64_t fieldPrint;
        SessionPlan plan;
        std::uint64_t seed;
        std::vector<detail::DecoratedSession> sessions;
    };

    [[nodiscard]] detail::DecorationReuse reusable(int session, const SessionPlan& plan, std::uint64_t seed,
                                                    const std::optional<RectMm>& changed) const;

    std::vector<LayerSampler> samplers_;
    std::vector<LayerStats> stats_;
    DotLayout layout_;
    std::optional<Previous> previous_;
};

[[nodiscard]] DotLayout generateDots(const DensityField& field, const SessionPlan& plan, std::uint64_t seed);

}  // namespace smp::dots
