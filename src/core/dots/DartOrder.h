#pragma once
// The order darts and gap fills are taken in (internal to the sampler). Every dot's priority is
// its key; a run inserts dots in key order, which is what makes an edit's partial run equal to
// a full one.

#include "core/dots/SpacingIndex.h"

#include <cstdint>
#include <vector>

namespace smp::dots::detail {

// A dart of the dart pass (`cell` indexes the pass's cells), or a cell's turn in the gap fill
// (`at` holds the cell's column and row, `cell` its depth and whether it is partial).
struct Dart {
    LatticePoint at;
    std::uint64_t key;
    std::uint32_t cell;
};

// The top five bits of a key: the step it belongs to (a depth of the dart pass, or the fill).
[[nodiscard]] constexpr std::uint64_t stepKey(int step) {
    return static_cast<std::uint64_t>(step + 1) << 59;
}

// Darts of the dart pass get a coarse random bucket and break ties in raster order: they are
// then processed in sweeps that stay in cache, and only conflicts between two darts of the same
// bucket (1 in kBuckets) are settled by position instead of by chance.
inline constexpr int kBucketBits = 3;

// Any order -> key order: radix passes over bits 24..55, ties settled by the full key.
void sortDarts(std::vector<Dart>& darts, std::vector<Dart>& scratch);

}  // namespace smp::dots::detail
