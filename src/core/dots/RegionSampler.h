#pragma once
// The sampling run itself, over a set of top cells (internal to the sampler; see LayerSampler.h).

#include "core/dots/LayerGrid.h"
#include "core/dots/LayerSampler.h"

#include <cstdint>
#include <span>
#include <vector>

namespace smp::dots::detail {

struct RegionRequest {
    const DensityField* field;
    const LayerGrid* grid;
    std::uint64_t seed;
    std::uint32_t layer;
    std::span<const core::Vec2> obstacles;
    std::size_t expectedDots = 0;  // about how many the layer holds: storage is reserved for them
};

struct RegionResult {
    std::vector<SampledDot> dots;  // the whole layer, in key order
    bool consistent = true;        // the ring came out as before: the result is exact
    std::size_t darts = 0;
    std::size_t cellsSampled = 0;
};

// Samples every top cell flagged in `sampled` from scratch. Dots of `previous` outside it are
// kept and enter the run at their own priority, exactly as they did when they were made. The
// result equals a run over everything when the cells in `sampled` but not in `region` (the ring)
// come out as they were in `previous` and no kept dot clashes with a new one; `consistent`
// says whether that held. With everything sampled, `previous` is ignored.
RegionResult resampleRegion(const RegionRequest& request, const std::vector<std::uint8_t>& region,
                            const std::vector<std::uint8_t>& sampled, std::span<const SampledDot> previous);

}  // namespace smp::dots::detail
