#pragma once
// Counter-based randomness: every random number is a hash of what it belongs to (seed, layer,
// cell, round, ...). Nothing depends on the order things are computed in, which is what makes
// the dots a pure function of their inputs and lets an edit resample only part of a layer.

#include <cstdint>

namespace smp::dots {

[[nodiscard]] constexpr std::uint64_t mix64(std::uint64_t z) {
    z ^= z >> 30;
    z *= 0xbf58476d1ce4e5b9ULL;
    z ^= z >> 27;
    z *= 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// A stream of hashes for one thing: combine(...) then next() as often as needed.
class DotHash {
public:
    constexpr explicit DotHash(std::uint64_t seed) : state_(mix64(seed + 0x9e3779b97f4a7c15ULL)) {}

    constexpr DotHash& combine(std::uint64_t value) {
        state_ = mix64(state_ ^ (value + 0x9e3779b97f4a7c15ULL + (state_ << 6) + (state_ >> 2)));
        return *this;
    }

    constexpr std::uint64_t next() {
        state_ += 0x9e3779b97f4a7c15ULL;
        return mix64(state_);
    }

    // Uniform in [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    // About standard normal: four 16-bit slices of one hash summed and scaled to unit variance
    // (Irwin-Hall). Bounded at +-2 sqrt(3) = +-3.46: a jitter never runs away. One hash, where
    // Box-Muller's logarithm, root and cosine were most of the cost of decorating a dot.
    double normal() {
        const std::uint64_t bits = next();
        const auto slices = static_cast<double>((bits & 0xffff) + ((bits >> 16) & 0xffff) + ((bits >> 32) & 0xffff) +
                                                (bits >> 48));
        // A slice is uniform on 0..65535: mean 32767.5, variance (65536^2 - 1) / 12.
        constexpr double kMean = 4.0 * 32767.5;
        constexpr double kInverseDeviation = 2.6428997921303014e-05;  // 1 / sqrt((65536^2 - 1) / 3)
        return (slices - kMean) * kInverseDeviation;
    }

private:
    std::uint64_t state_;
};

}  // namespace smp::dots
