#include "core/dots/SpacingIndex.h"

#include <algorithm>
#include <cmath>

namespace smp::dots::detail {

SpacingIndex::SpacingIndex(const LayerGrid& grid, std::size_t expectedDots, Storage storage)
    : grid_(grid), step_(grid.s0 / static_cast<double>(kLatticePerCell)),
      periodX_(static_cast<std::int64_t>(grid.cols) * kLatticePerCell),
      periodY_(static_cast<std::int64_t>(grid.rows) * kLatticePerCell), s_(std::move(storage)) {
    const std::size_t cells = static_cast<std::size_t>(grid.cols) * static_cast<std::size_t>(grid.rows);
    if (s_.cols == grid.cols && s_.rows == grid.rows && s_.cells.size() == cells) {
        clearWritten();  // a no-op for storage that was released: that cleared it
    } else {
        s_.cells.assign(cells, kEmpty);
        s_.coverage.assign(cells, 0);
        s_.cellR.clear();
        s_.obstacleHeads.clear();
        s_.cols = grid.cols, s_.rows = grid.rows;
    }
    s_.writtenLo = grid.rows, s_.writtenHi = -1;
    s_.reachIn.assign(grid.top.size(), 0.0);
    s_.obstacles.clear();
    s_.dots.clear();
    s_.dots.reserve(expectedDots + expectedDots / 16);
    // Spacings are only kept where they can differ from the querying dart's.
    cellRInUse_ = std::any_of(grid.top.begin(), grid.top.end(), [](const TopCell& t) { return !t.constant; });
    if (cellRInUse_ && s_.cellR.size() != cells) s_.cellR.assign(cells, 0.0);
}

SpacingIndex::SpacingIndex(const LayerGrid& grid, std::size_t expectedDots)
    : SpacingIndex(grid, expectedDots, Storage{}) {}

void SpacingIndex::clearWritten() {
    if (s_.writtenLo <= s_.writtenHi) {
        const std::size_t cells = s_.cells.size();
        const std::size_t first = static_cast<std::size_t>(s_.writtenLo) * static_cast<std::size_t>(s_.cols);
        const std::size_t end = static_cast<std::size_t>(s_.writtenHi + 1) * static_cast<std::size_t>(s_.cols);
        std::fill(s_.cells.begin() + first, s_.cells.begin() + end, kEmpty);
        std::fill(s_.coverage.begin() + first, s_.coverage.begin() + end, 0);
        if (s_.cellR.size() == cells) std::fill(s_.cellR.begin() + first, s_.cellR.begin() + end, 0.0);
        if (s_.obstacleHeads.size() == cells)
            std::fill(s_.obstacleHeads.begin() + first, s_.obstacleHeads.begin() + end, -1);
    }
    s_.writtenLo = s_.rows, s_.writtenHi = -1;
}

LatticePoint SpacingIndex::latticeOf(core::Vec2 p) const {
    return {std::llround((p.x - grid_.area.x0) / step_), std::llround((p.y - grid_.area.y0) / step_)};
}

void SpacingIndex::insert(LatticePoint at, double r, std::uint64_t key) {
    const std::size_t cell =
        static_cast<std::size_t>(at.y >> kLatticeBits) * grid_.cols + static_cast<std::size_t>(at.x >> kLatticeBits);
    s_.cells[cell] = static_cast<std::uint32_t>(((at.x & 0xffff) << 16) | (at.y & 0xffff));
    if (cellRInUse_) s_.cellR[cell] = r / step_;
    written(at.y >> kLatticeBits, at.y >> kLatticeBits);
    s_.dots.push_back({at, r, key});
    widenReach(static_cast<double>(at.x), static_cast<double>(at.y), r);
    cover(static_cast<double>(at.x), static_cast<double>(at.y), r / step_);
}

void SpacingIndex::widenReach(double x, double y, double r) {
    const double rs = r / step_;
    const double topSteps = static_cast<double>(kLatticePerCell << grid_.storageShift);
    auto range = [&](double centre, int count) {
        int lo = static_cast<int>(floorToInt((centre - rs) / topSteps));
        int hi = static_cast<int>(floorToInt((centre + rs) / topSteps));
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
            double& reach = s_.reachIn[static_cast<std::size_t>(row) * static_cast<std::size_t>(grid_.topCols) +
                                     static_cast<std::size_t>(col)];
            reach = std::max(reach, r);
        }
    }
}

void SpacingIndex::insertObstacle(core::Vec2 at, double r) {
    if (s_.obstacleHeads.empty()) s_.obstacleHeads.assign(s_.cells.size(), -1);
    const double x = (at.x - grid_.area.x0) / step_, y = (at.y - grid_.area.y0) / step_;
    const int cx = std::clamp(static_cast<int>(x / kLatticePerCell), 0, grid_.cols - 1);
    const int cy = std::clamp(static_cast<int>(y / kLatticePerCell), 0, grid_.rows - 1);
    std::int32_t& head = s_.obstacleHeads[static_cast<std::size_t>(cy) * grid_.cols + cx];
    written(cy, cy);
    s_.obstacles.push_back({x, y, r / step_, head});
    head = static_cast<std::int32_t>(s_.obstacles.size() - 1);
    widenReach(x, y, r);
    if (r > 0.0) cover(x, y, r / step_);
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

// Does the 5 x 5 block of cells around the one `at` lies in hold every point within `radius`?
bool SpacingIndex::blockReaches(LatticePoint at, double radius) const {
    if (grid_.periodic) return false;
    const double inX = static_cast<double>(at.x & (kLatticePerCell - 1));
    const double inY = static_cast<double>(at.y & (kLatticePerCell - 1));
    const double margin = std::min({inX, inY, kLatticePerCell - inX, kLatticePerCell - inY});
    return radius <= 2.0 * kLatticePerCell + margin;
}

// Calls visit(cellIndex, column, row) for the cells of that block (without its four corners
// when `corners` is false), stopping when visit returns true.
template <typename Visit> bool SpacingIndex::forBlock(LatticePoint at, bool corners, Visit&& visit) const {
    const std::int64_t cx = at.x >> kLatticeBits, cy = at.y >> kLatticeBits;
    const std::int64_t x0 = std::max<std::int64_t>(cx - 2, 0), x1 = std::min<std::int64_t>(cx + 2, grid_.cols - 1);
    const std::int64_t y0 = std::max<std::int64_t>(cy - 2, 0), y1 = std::min<std::int64_t>(cy + 2, grid_.rows - 1);
    for (std::int64_t row = y0; row <= y1; ++row) {
        const std::size_t rowStart = static_cast<std::size_t>(row) * grid_.cols;
        // Without corners the outer two rows are three cells wide.
        const bool cut = !corners && (row == cy - 2 || row == cy + 2);
        const std::int64_t c0 = cut ? std::max(x0, cx - 1) : x0, c1 = cut ? std::min(x1, cx + 1) : x1;
        for (std::int64_t col = c0; col <= c1; ++col)
            if (visit(rowStart + static_cast<std::size_t>(col), col, row)) return true;
    }
    return false;
}

bool SpacingIndex::conflicts(LatticePoint at, double r, double reach) const {
    const double rs = r / step_;
    const double reachS = std::max(rs, reach / step_);
    const double own2 = rs * rs * kConflictSlack;
    const double reach2 = reachS * reachS * kConflictSlack;
    const bool withObstacles = !s_.obstacles.empty();
    bool hit = false;
    // Sampled dots and obstacles in one pass over the cells.
    const auto visit = [&](std::size_t cell, std::int64_t col, std::int64_t row) {
        const std::uint32_t v = s_.cells[cell];
        if (v != kEmpty) {
            const auto [dx, dy] = offsetTo(v, col, row, at);
            const double d2 = static_cast<double>(dx * dx + dy * dy);
            if (d2 < own2) return hit = true;
            if (d2 < reach2 && cellRInUse_) {
                const double rp = s_.cellR[cell];
                if (d2 < rp * rp * kConflictSlack) return hit = true;
            }
        }
        if (withObstacles)
            for (std::int32_t i = s_.obstacleHeads[cell]; i >= 0; i = s_.obstacles[static_cast<std::size_t>(i)].next) {
                const Obstacle& o = s_.obstacles[static_cast<std::size_t>(i)];
                const auto [dx, dy] = obstacleOffset(o, at);
                const double limit = std::max(rs, o.r);
                if (dx * dx + dy * dy < limit * limit * kConflictSlack) return hit = true;
            }
        return false;
    };
    // Usually every dot that could clash lies in the 5 x 5 block around the dart's cell; with no
    // spacing past sqrt(2) cells not even in the block's corners.
    if (blockReaches(at, reachS)) return forBlock(at, reachS > kSqrt2Cells, visit);
    forCells(at, reachS, visit);
    return hit;
}

void SpacingIndex::gather(LatticePoint at, double radius, std::vector<Near>& out) const {
    out.clear();
    const double radiusS = radius / step_;
    // Only dots within the radius (with a little slack): the callers test each of them many times.
    const double radius2 = radiusS * radiusS * (1.0 + 1e-9) + 4.0;
    const bool withObstacles = !s_.obstacles.empty();
    // Inlined by force: the gap fill gathers around every cell it fills, and called out of
    // line the visit cost as much as the work it does.
    const auto visit = [&](std::size_t cell, std::int64_t col, std::int64_t row) __attribute__((always_inline)) {
        const std::uint32_t v = s_.cells[cell];
        if (v != kEmpty) {
            const auto [dx, dy] = offsetTo(v, col, row, at);
            const double fx = static_cast<double>(dx), fy = static_cast<double>(dy);
            if (fx * fx + fy * fy < radius2) out.push_back({fx, fy, cellRInUse_ ? s_.cellR[cell] : 0.0});
        }
        if (withObstacles)
            for (std::int32_t i = s_.obstacleHeads[cell]; i >= 0; i = s_.obstacles[static_cast<std::size_t>(i)].next) {
                const Obstacle& o = s_.obstacles[static_cast<std::size_t>(i)];
                const auto [dx, dy] = obstacleOffset(o, at);
                if (dx * dx + dy * dy < radius2) out.push_back({dx, dy, o.r});
            }
        return false;
    };
    // Usually within the 5 x 5 block of cells around the one `at` lies in.
    if (blockReaches(at, radiusS)) {
        forBlock(at, true, visit);
        return;
    }
    forCells(at, radiusS, visit);
}

}  // namespace smp::dots::detail
