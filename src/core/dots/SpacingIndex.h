#pragma once
// Dots of one layer in the storage grid, with the conflict and coverage queries the sampler
// asks millions of times (internal to the sampler).
//
// Sampled dots sit on a fine lattice: 2^16 steps per storage cell on a side (about r / 93000).
// A storage cell holds at most one sampled dot (its side is at most r / sqrt(2)), so the grid
// stores the dot's offset in the cell in 32 bits, and a conflict test reads a few contiguous
// words and does exact integer arithmetic instead of chasing pointers. Obstacles (dots of
// earlier sessions, anywhere and several per cell) live in a second, chained grid.

#include "core/dots/LayerGrid.h"

#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

namespace smp::dots::detail {

inline constexpr int kLatticeBits = 16;
inline constexpr std::int64_t kLatticePerCell = std::int64_t{1} << kLatticeBits;

struct LatticePoint {
    std::int64_t x, y;  // in lattice steps from the area's origin
};

struct IndexedDot {
    LatticePoint at;
    double r;
    std::uint64_t key;
};

class SpacingIndex {
public:
    SpacingIndex(const LayerGrid& grid, std::size_t expectedDots);

    [[nodiscard]] double step() const { return step_; }
    [[nodiscard]] core::Vec2 position(LatticePoint p) const {
        return {grid_.area.x0 + static_cast<double>(p.x) * step_, grid_.area.y0 + static_cast<double>(p.y) * step_};
    }
    [[nodiscard]] LatticePoint latticeOf(core::Vec2 p) const;

    // A sampled dot; its storage cell must be empty (the conflict test guarantees it).
    void insert(LatticePoint at, double r, std::uint64_t key);
    void insertObstacle(core::Vec2 at, double r);

    // Is there a dot p with |x - p| < max(r, p.r)? `reach` bounds p.r near x.
    [[nodiscard]] bool conflicts(LatticePoint at, double r, double reach) const;

    // The largest spacing (mm) of any dot, sampled or obstacle, whose disc reaches into top cell
    // `top`: the farthest a search from inside that cell must look. It grows as dots go in, so
    // it tracks the dots actually placed rather than the sparsest spacing the field allows
    // nearby (which, beside a density that fades to nothing, is many times the local spacing).
    [[nodiscard]] double reachInto(std::size_t top) const { return reachIn_[top]; }

    // Sampled dots and obstacles within about `radius` of `at`, as offsets in lattice steps.
    struct Near {
        double dx, dy, r;  // r in lattice steps
    };
    void gather(LatticePoint at, double radius, std::vector<Near>& out) const;

    [[nodiscard]] const std::vector<IndexedDot>& dots() const { return dots_; }

private:
    struct Obstacle {
        double x, y, r;  // lattice steps, unrounded
        std::int32_t next;
    };
    template <typename Visit> void forCells(LatticePoint at, double radius, Visit&& visit) const;
    // From `at` to an obstacle, in lattice steps (wrapped on a torus).
    [[nodiscard]] std::pair<double, double> obstacleOffset(const Obstacle& o, LatticePoint at) const;
    // From `at` to the dot stored as `v` in the cell (col, row), in lattice steps.
    [[nodiscard]] std::pair<std::int64_t, std::int64_t> offsetTo(std::uint32_t v, std::int64_t col, std::int64_t row,
                                                                 LatticePoint at) const {
        std::int64_t dx = ((col << kLatticeBits) | (v >> 16)) - at.x;
        std::int64_t dy = ((row << kLatticeBits) | (v & 0xffff)) - at.y;
        if (grid_.periodic) {
            dx = wrap(dx, periodX_);
            dy = wrap(dy, periodY_);
        }
        return {dx, dy};
    }
    [[nodiscard]] std::int64_t wrap(std::int64_t d, std::int64_t period) const {
        if (d > period / 2) return d - period;
        if (d < -period / 2) return d + period;
        return d;
    }

    void widenReach(double x, double y, double r);  // lattice steps

    static constexpr std::uint32_t kEmpty = 0xffffffffu;
    const LayerGrid& grid_;
    double step_;
    std::int64_t periodX_, periodY_;
    std::vector<std::uint32_t> cells_;  // offset in the cell, (x << 16) | y, or kEmpty
    std::vector<double> cellR_;         // spacing of the dot in the cell, lattice steps
    std::vector<std::int32_t> obstacleHeads_;
    std::vector<Obstacle> obstacles_;
    std::vector<IndexedDot> dots_;
    std::vector<double> reachIn_;  // per top cell, mm
};

}  // namespace smp::dots::detail
