#pragma once
// Turns a sampled position into the artist's dot: size, shade, shape, the odd follicular unit,
// scatter at the front of a faded hairline, and whether it sheds before the next session.

#include "core/dots/DensityField.h"
#include "core/dots/Dot.h"
#include "core/dots/LayerSampler.h"
#include "core/dots/SessionPlan.h"

#include <cstdint>
#include <vector>

namespace smp::dots {

struct SessionContext {
    const DensityField& field;
    const Session& session;
    const Imperfection& imperfection;
    std::uint64_t seed;
    int index;
    bool last;  // nothing sheds after the last session
};

// Appends the dot (and the rest of its follicular unit, if it starts one) to `out`.
void decorateDot(const SessionContext& context, const SampledDot& sampled, std::uint32_t& nextUnit,
                 std::vector<Dot>& out);

}  // namespace smp::dots
