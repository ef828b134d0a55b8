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

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

namespace smp::dots::detail {

inline constexpr int kLatticeBits = 16;
inline constexpr std::int64_t kLatticePerCell = std::int64_t{1} << kLatticeBits;
// Distances are compared with this much slack so that a pair accepted on the lattice still
// measures >= r when recomputed from the double positions (rounding is ~1e-16 relative).
inline constexpr double kConflictSlack = 1.0 + 1e-12;

// std::floor and std::ceil are library calls on the baseline x86-64 target; these are not.
[[nodiscard]] inline std::int64_t floorToInt(double v) {
    const auto i = static_cast<std::int64_t>(v);
    return i - (v < static_cast<double>(i));
}
[[nodiscard]] inline std::int64_t ceilToInt(double v) {
    const auto i = static_cast<std::int64_t>(v);
    return i + (v > static_cast<double>(i));
}
// std::popcount too (no popcnt instruction on that target): a few shifts and one multiply.
[[nodiscard]] inline int countBits(std::uint64_t v) {
    v -= (v >> 1) & 0x5555555555555555ULL;
    v = (v & 0x3333333333333333ULL) + ((v >> 2) & 0x3333333333333333ULL);
    v = (v + (v >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
    return static_cast<int>((v * 0x0101010101010101ULL) >> 56);
}

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
    struct Obstacle {
        double x, y, r;  // lattice steps, unrounded
        std::int32_t next;
    };
    // The index's arrays. A run hands them back when it ends so that the next one on the same
    // thread reuses them: a layer's arrays run to megabytes, and fresh pages cost more to fault
    // in than to clear.
    struct Storage {
        std::vector<std::uint32_t> cells;  // offset in the cell, (x << 16) | y, or kEmpty
        std::vector<double> cellR;         // spacing of the dot in the cell, lattice steps
        std::vector<std::int32_t> obstacleHeads;
        std::vector<Obstacle> obstacles;
        std::vector<IndexedDot> dots;
        std::vector<double> reachIn;  // per top cell, mm
        std::vector<std::uint64_t> coverage;
        // The grid the arrays were last laid out for, and the rows of it written since: a run
        // on the same grid clears only those (an edit writes a small part of a large grid).
        int cols = 0, rows = 0;
        int writtenLo = 0, writtenHi = -1;
    };

    SpacingIndex(const LayerGrid& grid, std::size_t expectedDots, Storage storage);
    SpacingIndex(const LayerGrid& grid, std::size_t expectedDots);
    // The storage, cleared for the next run on the same grid: clearing here rather than when it
    // is next used puts the cost of a full run's clear on that run, not on the edit after it.
    [[nodiscard]] Storage release() && {
        clearWritten();
        return std::move(s_);
    }

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
    [[nodiscard]] double reachInto(std::size_t top) const { return s_.reachIn[top]; }
    [[nodiscard]] bool hasObstacles() const { return !s_.obstacles.empty(); }

    // Sampled dots and obstacles within about `radius` of `at`, as offsets in lattice steps.
    struct Near {
        double dx, dy, r;  // r in lattice steps
    };
    void gather(LatticePoint at, double radius, std::vector<Near>& out) const;

    [[nodiscard]] const std::vector<IndexedDot>& dots() const { return s_.dots; }

    // Which eighths-by-eighths of a storage cell some single dot covers whole: bit 8 * row + col.
    // A proof that the cell is covered when all 64 are set, and where its gaps can be when not;
    // kept up to date as dots go in, at the cost of a few dozen byte writes per dot.
    static constexpr int kCoverBits = 3;
    // sqrt(2) storage cells in lattice steps: the spacing where the density is highest.
    static constexpr double kSqrt2Cells = 1.4142135623730951 * static_cast<double>(kLatticePerCell);
    // Does a single dot cover the part of its storage cell that `at` lies in?
    [[nodiscard]] bool inCoveredPart(LatticePoint at) const {
        constexpr int kDrop = kLatticeBits - kCoverBits;
        const std::uint64_t word = coverage(at.x >> kLatticeBits, at.y >> kLatticeBits);
        const int bit = static_cast<int>((((at.y >> kDrop) & 7) << kCoverBits) | ((at.x >> kDrop) & 7));
        return (word >> bit) & 1;
    }
    [[nodiscard]] std::uint64_t coverage(std::int64_t col, std::int64_t row) const {
        return s_.coverage[static_cast<std::size_t>(row) * static_cast<std::size_t>(grid_.cols) +
                         static_cast<std::size_t>(col)];
    }

    // Memory asked for ahead of the queries that read it. The dart sweeps step cells apart and
    // the gap fill takes its cells in random order over megabytes of grid: without these, the
    // queries wait on memory more than they compute.
    void prefetchCoverage(LatticePoint at) const {
        __builtin_prefetch(s_.coverage.data() + static_cast<std::size_t>(at.y >> kLatticeBits) * grid_.cols +
                           static_cast<std::size_t>(at.x >> kLatticeBits));
    }
    // The arrays within `reach` cells of storage cell (col, row); a reach past the usual block
    // (a dot beside sparse skin) is cut to it.
    void prefetchAround(std::int64_t col, std::int64_t row, int reach) const {
        reach = std::min(reach, 6);
        const std::int64_t c0 = std::max<std::int64_t>(col - reach, 0);
        const std::int64_t c1 = std::min<std::int64_t>(col + reach, grid_.cols - 1);
        const std::int64_t r1 = std::min<std::int64_t>(row + reach, grid_.rows - 1);
        for (std::int64_t r = std::max<std::int64_t>(row - reach, 0); r <= r1; ++r) {
            const auto first = static_cast<std::size_t>(r * grid_.cols + c0);
            const auto last = static_cast<std::size_t>(r * grid_.cols + c1);
            __builtin_prefetch(s_.cells.data() + first);
            __builtin_prefetch(s_.cells.data() + last);
            // Eight-byte words: a row of the block can span three cache lines.
            const std::size_t middle = (first + last) / 2;
            __builtin_prefetch(s_.coverage.data() + first, 1);
            __builtin_prefetch(s_.coverage.data() + middle, 1);
            __builtin_prefetch(s_.coverage.data() + last, 1);
            if (cellRInUse_) {
                __builtin_prefetch(s_.cellR.data() + first);
                __builtin_prefetch(s_.cellR.data() + middle);
                __builtin_prefetch(s_.cellR.data() + last);
            }
            if (hasObstacles()) {
                __builtin_prefetch(s_.obstacleHeads.data() + first);
                __builtin_prefetch(s_.obstacleHeads.data() + last);
            }
        }
    }

private:
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

    [[nodiscard]] bool blockReaches(LatticePoint at, double radius) const;
    template <typename Visit> bool forBlock(LatticePoint at, bool corners, Visit&& visit) const;
    void widenReach(double x, double y, double r);  // lattice steps
    void cover(double x, double y, double r);       // lattice steps
    void clearWritten();  // the rows written since the last clear
    void written(std::int64_t lo, std::int64_t hi) {  // storage rows
        if (lo < 0 || hi >= grid_.rows) {
            if (grid_.periodic) lo = 0, hi = grid_.rows - 1;  // it wrapped
            lo = std::max<std::int64_t>(lo, 0), hi = std::min<std::int64_t>(hi, grid_.rows - 1);
        }
        s_.writtenLo = std::min(s_.writtenLo, static_cast<int>(lo));
        s_.writtenHi = std::max(s_.writtenHi, static_cast<int>(hi));
    }
    bool cellRInUse_ = false;  // the spacing varies: dots' own spacings are kept per cell

    static constexpr std::uint32_t kEmpty = 0xffffffffu;
    const LayerGrid& grid_;
    double step_;
    std::int64_t periodX_, periodY_;
    Storage s_;
};

}  // namespace smp::dots::detail
