#include "bench/TextbookBridson.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <utility>

namespace smp::test {

std::vector<core::Vec2> bridsonSample(double width, double height, double r, std::uint64_t seed, int k) {
    if (!(width > 0.0) || !(height > 0.0) || !(r > 0.0) || k < 1)
        throw std::invalid_argument("bridsonSample: size, r and k must be positive");
    // Cells of r / sqrt(2): a cell's diagonal is r, so it holds at most one dot, and every dot
    // closer than r to a candidate lies within two cells of it (the 5x5 neighbourhood).
    const double cell = r / std::numbers::sqrt2;
    const double gw = std::ceil(width / cell), gh = std::ceil(height / cell);
    if (gw * gh > 2147483647.0) throw std::invalid_argument("bridsonSample: r is too small for the area");
    const int cols = static_cast<int>(gw), rows = static_cast<int>(gh);
    std::vector<int> grid(static_cast<std::size_t>(cols) * static_cast<std::size_t>(rows), -1);
    // Rounding can put a coordinate just below the edge into the cell past it: clamp.
    const auto cellOf = [&](core::Vec2 p) {
        return std::pair{std::min(static_cast<int>(p.x / cell), cols - 1),
                         std::min(static_cast<int>(p.y / cell), rows - 1)};
    };

    SplitMix64 rng{seed};
    std::vector<core::Vec2> dots;
    std::vector<int> active;
    const auto accept = [&](core::Vec2 p) {
        const auto [cx, cy] = cellOf(p);
        grid[static_cast<std::size_t>(cy) * static_cast<std::size_t>(cols) + static_cast<std::size_t>(cx)] =
            static_cast<int>(dots.size());
        active.push_back(static_cast<int>(dots.size()));
        dots.push_back(p);
    };
    const auto farEnough = [&](core::Vec2 p) {
        const auto [cx, cy] = cellOf(p);
        for (int y = std::max(cy - 2, 0); y <= std::min(cy + 2, rows - 1); ++y)
            for (int x = std::max(cx - 2, 0); x <= std::min(cx + 2, cols - 1); ++x) {
                const int other =
                    grid[static_cast<std::size_t>(y) * static_cast<std::size_t>(cols) + static_cast<std::size_t>(x)];
                if (other < 0) continue;
                const core::Vec2 d = dots[static_cast<std::size_t>(other)] - p;
                if (d.x * d.x + d.y * d.y < r * r) return false;
            }
        return true;
    };

    accept({rng.uniform() * width, rng.uniform() * height});
    while (!active.empty()) {
        const std::uint32_t slot = rng.below(static_cast<std::uint32_t>(active.size()));
        const core::Vec2 parent = dots[static_cast<std::size_t>(active[slot])];
        bool placed = false;
        for (int attempt = 0; attempt < k && !placed; ++attempt) {
            // Uniform in the area of the annulus r..2r (the sketch says only "spherical annulus";
            // the common r * (1 + U) variant crowds candidates towards the inner circle).
            const double angle = 2.0 * std::numbers::pi * rng.uniform();
            const double radius = std::sqrt(r * r * (1.0 + 3.0 * rng.uniform()));
            const core::Vec2 candidate{parent.x + radius * std::cos(angle), parent.y + radius * std::sin(angle)};
            if (candidate.x < 0.0 || candidate.x >= width || candidate.y < 0.0 || candidate.y >= height) continue;
            if (farEnough(candidate)) {
                accept(candidate);
                placed = true;
            }
        }
        if (!placed) {  // retire it: swap with the last, order of the active list does not matter
            active[slot] = active.back();
            active.pop_back();
        }
    }
    return dots;
}

}  // namespace smp::test
