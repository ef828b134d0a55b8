#pragma once
// Quality figures for a set of Poisson-disk dots, shared by the Catch2 quality tests and the dot
// benchmark. Each dot p has its own spacing r_p (variable density), and two dots conflict when
// |p - q| < max(r_p, r_q): the rule the layer sampler promises to keep.
//
// Everything is double precision and runs through a uniform grid whose cells are a little wider
// than the largest spacing, so each figure costs O(N) for a Poisson-disk set (they are meant for
// a million dots). The price of that simple grid: a set whose spacings differ by orders of
// magnitude gets slower, because every search uses the largest spacing. Spacings must be
// positive and finite (std::invalid_argument otherwise).

#include "core/Geometry.h"

#include <cstddef>
#include <functional>
#include <span>

namespace smp::test {

// The rectangle [x0, x1) x [y0, y1). Periodic: a torus, distances use the minimum image (for
// spectrum tests); points are then wrapped into the rectangle. Non-periodic: points may lie
// outside and are still measured correctly.
struct Area {
    double x0 = 0.0, y0 = 0.0, x1 = 1.0, y1 = 1.0;
    bool periodic = false;
};

// The worst pair: minimum over pairs of |p - q| / max(r_p, r_q). A valid set has ratio >= 1.
// Fewer than 2 points: ratio +inf, a = b = 0.
struct ClosestPair {
    double ratio;
    std::size_t a, b;  // indices of the pair, a < b
};
[[nodiscard]] ClosestPair closestPair(std::span<const core::Vec2> points, std::span<const double> spacing,
                                      const Area& area);

// Mean over points of (distance to the nearest other point) / r_p. +inf for fewer than 2 points.
[[nodiscard]] double meanNearestNeighbourRatio(std::span<const core::Vec2> points, std::span<const double> spacing,
                                               const Area& area);

// Maximality. Test locations are the centres of a grid of the given step laid from (x0, y0)
// (round(width / step) columns, likewise rows); those where inside(x) holds are tested (an empty
// `inside` means everywhere). A location is uncovered when no point p has
// |x - p| < max(spacingAt(x), r_p), i.e. a new dot could still go there. firstUncovered is the
// uncovered location of lowest row, then lowest column (meaningless when uncovered == 0).
struct Coverage {
    double uncoveredShare;  // uncovered / tested, 0 when nothing was tested
    std::size_t tested, uncovered;
    core::Vec2 firstUncovered;
};
[[nodiscard]] Coverage coverage(std::span<const core::Vec2> points, std::span<const double> spacing, const Area& area,
                                double step, const std::function<double(core::Vec2)>& spacingAt,
                                const std::function<bool(core::Vec2)>& inside);

// The relative radius of Lagae and Dutre ("A comparison of methods for generating Poisson disk
// distributions", 2008): r over the largest spacing N points could have in that area, the
// hexagonal packing, r_max = sqrt(2 A / (sqrt(3) N)). Higher is denser for the same r, closer
// to maximal; the textbook Bridson baseline measures 0.73 (k = 30, unit square).
[[nodiscard]] double rho(std::size_t n, double r, double area);

}  // namespace smp::test
