#include "core/dots/SpacingIndex.h"

#include <algorithm>
#include <cmath>

namespace smp::dots::detail {

namespace {

// Distances are compared with this much slack so that a pair accepted on the lattice still
// measures >= r when recomputed from the double positions (rounding is ~1e-16 relative).
constexpr double kSlack = 1.0 + 1e-12;

}  // namespace

SpacingIndex::SpacingIndex(const LayerGrid& grid, std::size_t expectedDots)
    : grid_(grid), step_(grid.s0 / static_cast<double>(kLatticePerCell)),
      periodX_(static_cast<std::int64_t>(grid.cols) * kLatticePerCell),
      periodY_(static_cast<std::int64_t>(grid.rows) * kLatticePerCell),
      cells_(static_cast<std::size_t>(grid.cols) * static_cast<std::size_t>(grid.rows), kEmpty),
      reachIn_(grid.top.size(), 0.0) {
    // Spacings are only read where they can differ from the querying dart's.
    dots_.reserve(expectedDots + expectedDots / 16);
    if (std::any_of(grid.top.begin(), grid.top.end(), [](const TopCell& t) { return !t.constant; }))
        cellR_.assign(cells_.size(), 0.0);
}

LatticePoint SpacingIndex::latticeOf(core::Vec2 p) const {
    return {std::llround((p.x - grid_.area.x0) / step_), std::llround((p.y - grid_.area.y0) / step_)};
}

void SpacingIndex::insert(LatticePoint at, double r, std::uint64_t key) {
    const std::size_t cell =
        static_cast<std::size_t>(at.y >> kLatticeBits) * grid_.cols + static_cast<std::size_t>(at.x >> kLatticeBits);
    cells_[cell] = static_cast<std::uint32_t>(((at.x & 0xffff) << 16) | (at.y & 0xffff));
    if (!cellR_.empty()) cellR_[cell] = r / step_;
    dots_.push_back({at, r, key});
    widenReach(static_cast<double>(at.x), static_cast<double>(at.y), r);
}

void SpacingIndex::widenReach(double x, double y, double r) {
    const double rs = r / step_;
    const double topSteps = static_cast<double>(kLatticePerCell << grid_.storageShift);
    auto range = [&](double centre, int count) {
        int lo = static_cast<int>(std::floor((centre - rs) / topSteps));
        int hi = static_cast<int>(std::floor((centre + rs) / topSteps));
        if (!grid_.periodic) {
            lo = std::max(lo, 0);
            hi = std::min(hi, count - 1);
        } else if (hi - lo >= count) {
            hi = lo + count - 1;
        }
        return std::pair{lo, hi};
    };
    const auto [x0, x1] = range(x, grid_.topCols);
    const auto [y0, y1] = range(y, grid_.topRows);
    for (int ty = y0; ty <= y1; ++ty) {
        const int row = grid_.periodic ? (ty % grid_.topRows + grid_.topRows) % grid_.topRows : ty;
        for (int tx = x0; tx <= x1; ++tx) {
            const int col = grid_.periodic ? (tx % grid_.topCols + grid_.topCols) % grid_.topCols : tx;
            double& reach = reachIn_[static_cast<std::size_t>(row) * static_cast<std::size_t>(grid_.topCols) +
                                     static_cast<std::size_t>(col)];
            reach = std::max(reach, r);
        }
    }
}

void SpacingIndex::insertObstacle(core::Vec2 at, double r) {
    if (obstacleHeads_.empty()) obstacleHeads_.assign(cells_.size(), -1);
    const double x = (at.x - grid_.area.x0) / step_, y = (at.y - grid_.area.y0) / step_;
    const int cx = std::clamp(static_cast<int>(x / kLatticePerCell), 0, grid_.cols - 1);
    const int cy = std::clamp(static_cast<int>(y / kLatticePerCell), 0, grid_.rows - 1);
    std::int32_t& head = obstacleHeads_[static_cast<std::size_t>(cy) * grid_.cols + cx];
    obstacles_.push_back({x, y, r / step_, head});
    head = static_cast<std::int32_t>(obstacles_.size() - 1);
    widenReach(x, y, r);
}

// Calls visit(cellIndex, column, row) for every storage cell a disc of `radius` (lattice steps)
// around `at` touches (and perhaps one more at either end of a row), the dart's own row first,
// then outwards. Integer column bounds: no floor() in the hot path.
template <typename Visit> void SpacingIndex::forCells(LatticePoint at, double radius, Visit&& visit) const {
    const std::int64_t cy = at.y >> kLatticeBits;
    const double fy = static_cast<double>(at.y & 0xffff);
    const int reachRows = static_cast<int>(radius / kLatticePerCell) + 1;
    const double radius2 = radius * radius;
    for (int step = 0; step <= 2 * reachRows; ++step) {
        const int dy = (step & 1) ? -((step + 1) / 2) : step / 2;
        double gap = 0.0;
        if (dy > 0) gap = static_cast<double>(dy - 1) * kLatticePerCell + (kLatticePerCell - fy);
        if (dy < 0) gap = static_cast<double>(-dy - 1) * kLatticePerCell + fy;
        if (gap >= radius) continue;
        std::int64_t row = cy + dy;
        if (grid_.periodic) {
            row = (row % grid_.rows + grid_.rows) % grid_.rows;
        } else if (row < 0 || row >= grid_.rows) {
            continue;
        }
        const std::int64_t half = static_cast<std::int64_t>(std::sqrt(radius2 - gap * gap)) + 1;
        std::int64_t c0 = (at.x - half) >> kLatticeBits;
        std::int64_t c1 = (at.x + half) >> kLatticeBits;
        const std::size_t rowStart = static_cast<std::size_t>(row) * grid_.cols;
        if (!grid_.periodic) {
            c0 = std::max<std::int64_t>(c0, 0);
            c1 = std::min<std::int64_t>(c1, grid_.cols - 1);
            for (std::int64_t c = c0; c <= c1; ++c)
                if (visit(rowStart + static_cast<std::size_t>(c), c, row)) return;
            continue;
        }
        for (std::int64_t c = c0; c <= c1; ++c) {
            const std::int64_t col = (c % grid_.cols + grid_.cols) % grid_.cols;
            if (visit(rowStart + static_cast<std::size_t>(col), col, row)) return;
        }
    }
}

std::pair<double, double> SpacingIndex::obstacleOffset(const Obstacle& o, LatticePoint at) const {
    double dx = o.x - static_cast<double>(at.x), dy = o.y - static_cast<double>(at.y);
    if (grid_.periodic) {
        const double px = static_cast<double>(periodX_), py = static_cast<double>(periodY_);
        if (dx > px / 2) dx -= px;
        if (dx < -px / 2) dx += px;
        if (dy > py / 2) dy -= py;
        if (dy < -py / 2) dy += py;
    }
    return {dx, dy};
}

bool SpacingIndex::conflicts(LatticePoint at, double r, double reach) const {
    const double rs = r / step_;
    const double reachS = std::max(rs, reach / step_);
    const double own2 = rs * rs * kSlack;
    const double reach2 = reachS * reachS * kSlack;
    const bool withObstacles = !obstacles_.empty();
    bool hit = false;
    // Sampled dots and obstacles in one pass over the cells.
    forCells(at, reachS, [&](std::size_t cell, std::int64_t col, std::int64_t row) {
        const std::uint32_t v = cells_[cell];
        if (v != kEmpty) {
            const auto [dx, dy] = offsetTo(v, col, row, at);
            const double d2 = static_cast<double>(dx * dx + dy * dy);
            if (d2 < own2) return hit = true;
            if (d2 < reach2 && !cellR_.empty()) {
                const double rp = cellR_[cell];
                if (d2 < rp * rp * kSlack) return hit = true;
            }
        }
        if (withObstacles)
            for (std::int32_t i = obstacleHeads_[cell]; i >= 0; i = obstacles_[static_cast<std::size_t>(i)].next) {
                const Obstacle& o = obstacles_[static_cast<std::size_t>(i)];
                const auto [dx, dy] = obstacleOffset(o, at);
                const double limit = std::max(rs, o.r);
                if (dx * dx + dy * dy < limit * limit * kSlack) return hit = true;
            }
        return false;
    });
    return hit;
}

void SpacingIndex::gather(LatticePoint at, double radius, std::vector<Near>& out) const {
    out.clear();
    const double radiusS = radius / step_;
    // Only dots within the radius (with a little slack): the callers test each of them many times.
    const double radius2 = radiusS * radiusS * (1.0 + 1e-9) + 4.0;
    const bool withObstacles = !obstacles_.empty();
    forCells(at, radiusS, [&](std::size_t cell, std::int64_t col, std::int64_t row) {
        const std::uint32_t v = cells_[cell];
        if (v != kEmpty) {
            const auto [dx, dy] = offsetTo(v, col, row, at);
            const double fx = static_cast<double>(dx), fy = static_cast<double>(dy);
            if (fx * fx + fy * fy < radius2) out.push_back({fx, fy, cellR_.empty() ? 0.0 : cellR_[cell]});
        }
        if (withObstacles)
            for (std::int32_t i = obstacleHeads_[cell]; i >= 0; i = obstacles_[static_cast<std::size_t>(i)].next) {
                const Obstacle& o = obstacles_[static_cast<std::size_t>(i)];
                const auto [dx, dy] = obstacleOffset(o, at);
                if (dx * dx + dy * dy < radius2) out.push_back({dx, dy, o.r});
            }
        return false;
    });
}

}  // namespace smp::dots::detail
