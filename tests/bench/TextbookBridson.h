#pragma once
// The baseline the layer sampler is measured against: Bridson's "Fast Poisson disk sampling in
// arbitrary dimensions" (SIGGRAPH 2007 sketch), as the textbook states it, uniform spacing, 2-D.
// Written plainly and competently, neither slowed down nor tuned, so that "4x faster than
// Bridson" means something. Its sets are valid (no two dots closer than r) but not maximal.

#include "core/Geometry.h"

#include <cstdint>
#include <vector>

namespace smp::test {

// Steele's SplitMix64: one add, three xor-shift-multiplies per number. About the cost of the
// hash-based randomness of the layer sampler, where std::mt19937 with
// std::uniform_real_distribution would handicap the baseline.
struct SplitMix64 {
    std::uint64_t state = 0;

    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // Uniform in [0, 1): the top 53 bits as a double's mantissa.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    // Uniform in [0, n), n < 2^32, by multiply-shift (Lemire); the bias is below 2^-32.
    std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(((next() >> 32) * n) >> 32); }
};

// Dots in [0, width) x [0, height), no two closer than r, in the order they were accepted.
// k: candidates tried around an active dot before it is retired. Throws std::invalid_argument
// on a non-positive size, r or k, or a background grid beyond 2^31 cells.
[[nodiscard]] std::vector<core::Vec2> bridsonSample(double width, double height, double r, std::uint64_t seed,
                                                    int k = 30);

}  // namespace smp::test
