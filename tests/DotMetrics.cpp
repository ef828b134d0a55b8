#include "DotMetrics.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace smp::test {
namespace {

using core::Vec2;
constexpr double kInf = std::numeric_limits<double>::infinity();

// Grid cells are this much wider than the largest spacing, so that a test location whose
// spacing slightly exceeds every dot's (a field sampled between dots) still finds all its
// neighbours in the 3x3 block around its cell.
constexpr double kCellOverSpacing = 1.25;

// One axis of the acceleration grid: n cells of width `cell` from `origin`.
struct Axis {
    double origin = 0.0, length = 0.0, cell = 0.0;
    long long n = 1;
    bool periodic = false;

    Axis(double lo, double hi, double minCell, long long maxCells, bool wraps)
        : origin(lo), length(hi - lo), periodic(wraps) {
        // floor, not ceil: on a torus the cells must tile the length exactly, and a cell is then
        // never narrower than minCell (unless the whole axis is, n = 1).
        const double fit = std::floor(length / minCell);
        n = std::clamp(static_cast<long long>(std::min(fit, 1e15)), 1LL, maxCells);
        cell = length / static_cast<double>(n);
    }

    [[nodiscard]] double wrap(double v) const { return periodic ? v - length * std::floor((v - origin) / length) : v; }
    // Clamping keeps neighbours neighbours (it moves cell indices by at most what it moves the
    // coordinate), so points outside a non-periodic area are still found.
    [[nodiscard]] long long clampedCell(double v) const {
        const double c = std::floor((v - origin) / cell);
        return static_cast<long long>(std::clamp(c, 0.0, static_cast<double>(n - 1)));
    }
    [[nodiscard]] double minImage(double d) const { return d - length * std::floor(d / length + 0.5); }

    // Cells [lo, hi] to visit for the interval v +- radius (v already wrapped). On a torus the
    // range may run past the ends: those cells' points are shifted by multiples of the length,
    // which puts the image of each point that lies within the radius next to v. `full`: the
    // range would wrap onto itself, so each cell is visited once and distances use the minimum
    // image instead (repeats would be harmless, only slow, or endless for a huge radius).
    struct Range {
        long long lo, hi;
        bool full;
    };
    [[nodiscard]] Range range(double v, double radius) const {
        if (!periodic) return {clampedCell(v - radius), clampedCell(v + radius), false};
        if (2.0 * radius + cell >= length) return {0, n - 1, true};
        const auto lo = static_cast<long long>(std::floor((v - radius - origin) / cell));
        const auto hi = static_cast<long long>(std::floor((v + radius - origin) / cell));
        if (hi - lo + 1 >= n) return {0, n - 1, true};
        return {lo, hi, false};
    }
    // The stored cell of range index c and the shift that moves its points next to the query.
    [[nodiscard]] long long cellOf(long long c, double& shift) const {
        if (!periodic || (c >= 0 && c < n)) {  // the common case, without two divisions
            shift = 0.0;
            return c;
        }
        const long long wrapped = ((c % n) + n) % n;
        shift = static_cast<double>((c - wrapped) / n) * length;
        return wrapped;
    }
};

// Points bucketed by cell (a counting sort), with their spacings, in structure-of-arrays form so
// that a neighbourhood scan reads consecutive memory.
class PointGrid {
public:
    PointGrid(std::span<const Vec2> points, std::span<const double> spacing, const Area& area, double minCell)
        : x_(area.x0, area.x1, minCell, maxCells(points.size()), area.periodic),
          y_(area.y0, area.y1, minCell, maxCells(points.size()), area.periodic) {
        const std::size_t n = points.size();
        std::vector<std::size_t> cellOfPoint(n);
        cellStart_.assign(static_cast<std::size_t>(x_.n * y_.n) + 1, 0);
        for (std::size_t i = 0; i < n; ++i) {
            const long long cx = x_.clampedCell(x_.wrap(points[i].x));
            const long long cy = y_.clampedCell(y_.wrap(points[i].y));
            cellOfPoint[i] = static_cast<std::size_t>(cy * x_.n + cx);
            ++cellStart_[cellOfPoint[i] + 1];
        }
        for (std::size_t c = 1; c < cellStart_.size(); ++c)
            cellStart_[c] += cellStart_[c - 1];
        xs_.resize(n);
        ys_.resize(n);
        rs_.resize(n);
        index_.resize(n);
        std::vector<std::size_t> fill(cellStart_.begin(), cellStart_.end() - 1);
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t k = fill[cellOfPoint[i]]++;
            xs_[k] = x_.wrap(points[i].x);
            ys_[k] = y_.wrap(points[i].y);
            rs_[k] = spacing[i];
            index_[k] = i;
        }
    }

    [[nodiscard]] std::size_t size() const { return xs_.size(); }
    [[nodiscard]] Vec2 position(std::size_t k) const { return {xs_[k], ys_[k]}; }
    [[nodiscard]] double spacing(std::size_t k) const { return rs_[k]; }
    [[nodiscard]] std::size_t index(std::size_t k) const { return index_[k]; }
    [[nodiscard]] const Axis& xAxis() const { return x_; }
    [[nodiscard]] const Axis& yAxis() const { return y_; }

    // Calls visit(k, dx, dy), d = point k - x, for every stored point k within `radius` of x
    // (minimum image on a torus), and for some farther ones whose d may then be a farther image:
    // callers compare |d| with the radius. Stops early when visit returns false.
    template <class Visit> void forEachNear(Vec2 x, double radius, Visit&& visit) const {
        x = {x_.wrap(x.x), y_.wrap(x.y)};
        forEachInBlock(x_.range(x.x, radius), y_.range(x.y, radius), x, visit);
    }

    // The same over an explicit block of cells (see Axis::range), displacements from `from`.
    template <class Visit> bool forEachInBlock(Axis::Range rx, Axis::Range ry, Vec2 from, Visit&& visit) const {
        for (long long cy = ry.lo; cy <= ry.hi; ++cy) {
            double shiftY = 0.0;
            const long long sy = y_.cellOf(cy, shiftY);
            for (long long cx = rx.lo; cx <= rx.hi; ++cx) {
                double shiftX = 0.0;
                const long long sx = x_.cellOf(cx, shiftX);
                const auto cell = static_cast<std::size_t>(sy * x_.n + sx);
                for (std::size_t k = cellStart_[cell]; k < cellStart_[cell + 1]; ++k) {
                    double dx = xs_[k] + shiftX - from.x;
                    double dy = ys_[k] + shiftY - from.y;
                    if (rx.full) dx = x_.minImage(dx);
                    if (ry.full) dy = y_.minImage(dy);
                    if (!visit(k, dx, dy)) return false;
                }
            }
        }
        return true;
    }

private:
    // Bounds the memory of the cell table whatever the spacings claim: a few cells per point.
    static long long maxCells(std::size_t n) { return static_cast<long long>(4 * n + 16); }

    Axis x_, y_;
    std::vector<std::size_t> cellStart_;
    std::vector<double> xs_, ys_, rs_;
    std::vector<std::size_t> index_;
};

double areaOf(const Area& area) {
    const double w = area.x1 - area.x0, h = area.y1 - area.y0;
    if (!(w > 0.0) || !(h > 0.0) || !std::isfinite(w) || !std::isfinite(h))
        throw std::invalid_argument("DotMetrics: the area must have a positive, finite size");
    return w * h;
}

// Validates the inputs and returns the largest spacing (0 for no points).
double checkedMaxSpacing(std::span<const Vec2> points, std::span<const double> spacing, const Area& area) {
    areaOf(area);
    if (points.size() != spacing.size())
        throw std::invalid_argument("DotMetrics: " + std::to_string(points.size()) + " points but " +
                                    std::to_string(spacing.size()) + " spacings");
    double largest = 0.0;
    for (double r : spacing) {
        if (!(r > 0.0) || !std::isfinite(r)) throw std::invalid_argument("DotMetrics: a spacing is not positive");
        largest = std::max(largest, r);
    }
    return largest;
}

PointGrid makeGrid(std::span<const Vec2> points, std::span<const double> spacing, const Area& area,
                   double largestSpacing) {
    // The cell never gets so small that the table outgrows a few cells per point.
    const double floorCell = std::sqrt(areaOf(area) / static_cast<double>(4 * points.size() + 16));
    return PointGrid(points, spacing, area, std::max(kCellOverSpacing * largestSpacing, floorCell));
}

}  // namespace

ClosestPair closestPair(std::span<const Vec2> points, std::span<const double> spacing, const Area& area) {
    const double largest = checkedMaxSpacing(points, spacing, area);
    if (points.size() < 2) return {kInf, 0, 0};
    const PointGrid grid = makeGrid(points, spacing, area, largest);
    // Every pair with ratio <= t is within t * r of its point of larger spacing r, so searching
    // t * r_p around each p finds them all; when the best ratio found is <= t it is the minimum.
    // A valid set's minimum is just above 1, so t = 1.25 nearly always settles it in one pass.
    for (double t = 1.25;; t *= 2.0) {
        double best2 = kInf;
        std::size_t bestA = 0, bestB = 0;
        for (std::size_t k = 0; k < grid.size(); ++k) {
            const double rp = grid.spacing(k);
            const double radius2 = (t * rp) * (t * rp);
            grid.forEachNear(grid.position(k), t * rp, [&](std::size_t q, double dx, double dy) {
                const double d2 = dx * dx + dy * dy;
                if (q == k || d2 > radius2) return true;
                const double m = std::max(rp, grid.spacing(q));
                const double ratio2 = d2 / (m * m);
                if (ratio2 < best2) {
                    best2 = ratio2;
                    bestA = grid.index(k);
                    bestB = grid.index(q);
                }
                return true;
            });
        }
        if (best2 <= t * t) return {std::sqrt(best2), std::min(bestA, bestB), std::max(bestA, bestB)};
    }
}

double meanNearestNeighbourRatio(std::span<const Vec2> points, std::span<const double> spacing, const Area& area) {
    const double largest = checkedMaxSpacing(points, spacing, area);
    if (points.size() < 2) return kInf;
    const PointGrid grid = makeGrid(points, spacing, area, largest);
    double sum = 0.0;
    for (std::size_t k = 0; k < grid.size(); ++k) {
        const double rp = grid.spacing(k);
        // A Poisson-disk neighbour is nearly always within 2r (Bridson places every dot within
        // 2r of its parent); the radius doubles until a neighbour is inside it.
        double best2 = kInf;
        for (double radius = 2.0 * rp; best2 == kInf; radius *= 2.0) {
            const double radius2 = radius * radius;
            grid.forEachNear(grid.position(k), radius, [&](std::size_t q, double dx, double dy) {
                const double d2 = dx * dx + dy * dy;
                if (q != k && d2 <= radius2) best2 = std::min(best2, d2);
                return true;
            });
        }
        sum += std::sqrt(best2) / rp;
    }
    return sum / static_cast<double>(points.size());
}

namespace {

// The test grid along one axis: count locations at origin + (i + 0.5) step.
struct TestAxis {
    double origin, step;
    std::size_t count;
    [[nodiscard]] double at(std::size_t i) const { return origin + (static_cast<double>(i) + 0.5) * step; }
};

TestAxis testAxis(double lo, double hi, double step) {
    const double count = std::floor((hi - lo) / step + 0.5);
    if (count > 1e9) throw std::invalid_argument("DotMetrics: the coverage step is too fine for the area");
    return {lo, step, static_cast<std::size_t>(count)};
}

// begin[c] .. begin[c + 1]: the test locations that fall in grid cell c. Locations are assigned
// by clamping, not wrapping, so that they stay geometrically inside their cell's 3x3 block.
std::vector<std::size_t> locationsPerCell(const TestAxis& test, const Axis& axis) {
    std::vector<std::size_t> begin(static_cast<std::size_t>(axis.n) + 1, test.count);
    for (std::size_t i = test.count; i-- > 0;)
        begin[static_cast<std::size_t>(axis.clampedCell(test.at(i)))] = i;
    for (std::size_t c = begin.size() - 1; c-- > 0;)
        begin[c] = std::min(begin[c], begin[c + 1]);
    return begin;
}

// Points within this distance of any location in a cell are in the cell's 3x3 block. A
// non-periodic axis of one cell clamps everything into it.
double blockReach(const Axis& axis) {
    return (!axis.periodic && axis.n == 1) ? kInf : axis.cell;
}

// The slow, exact test for one location: every point within max(spacingAt, largest spacing).
bool coveredByAnyPoint(const PointGrid& grid, Vec2 x, double spacingHere, double largestSpacing) {
    bool covered = false;
    const double s2 = spacingHere * spacingHere;
    grid.forEachNear(x, std::max(spacingHere, largestSpacing), [&](std::size_t k, double dx, double dy) {
        const double d2 = dx * dx + dy * dy;
        covered = d2 < s2 || d2 < grid.spacing(k) * grid.spacing(k);
        return !covered;
    });
    return covered;
}

}  // namespace

Coverage coverage(std::span<const Vec2> points, std::span<const double> spacing, const Area& area, double step,
                  const std::function<double(Vec2)>& spacingAt, const std::function<bool(Vec2)>& inside) {
    const double largest = checkedMaxSpacing(points, spacing, area);
    if (!(step > 0.0) || !std::isfinite(step))
        throw std::invalid_argument("DotMetrics: the coverage step must be positive");
    if (!spacingAt) throw std::invalid_argument("DotMetrics: coverage needs spacingAt");
    const TestAxis tx = testAxis(area.x0, area.x1, step), ty = testAxis(area.y0, area.y1, step);
    Coverage result{0.0, 0, 0, {}};
    std::size_t firstLinear = std::numeric_limits<std::size_t>::max();
    const auto count = [&](std::size_t row, std::size_t col, Vec2 x, bool covered) {
        ++result.tested;
        if (covered) return;
        ++result.uncovered;
        if (row * tx.count + col < firstLinear) {
            firstLinear = row * tx.count + col;
            result.firstUncovered = x;
        }
    };

    if (points.empty()) {
        for (std::size_t row = 0; row < ty.count; ++row)
            for (std::size_t col = 0; col < tx.count; ++col) {
                const Vec2 x{tx.at(col), ty.at(row)};
                if (!inside || inside(x)) count(row, col, x, false);
            }
    } else {
        const PointGrid grid = makeGrid(points, spacing, area, largest);
        const Axis& ax = grid.xAxis();
        const Axis& ay = grid.yAxis();
        const double reach = std::min(blockReach(ax), blockReach(ay));
        const std::vector<std::size_t> colsOf = locationsPerCell(tx, ax), rowsOf = locationsPerCell(ty, ay);
        std::vector<double> bx, by, br2;  // the block's points (shifted next to the cell), r^2
        for (long long cy = 0; cy < ay.n; ++cy) {
            const std::size_t row0 = rowsOf[static_cast<std::size_t>(cy)],
                              row1 = rowsOf[static_cast<std::size_t>(cy) + 1];
            for (long long cx = 0; cx < ax.n; ++cx) {
                const std::size_t col0 = colsOf[static_cast<std::size_t>(cx)],
                                  col1 = colsOf[static_cast<std::size_t>(cx) + 1];
                if (row0 == row1 || col0 == col1) continue;
                // Gather the 3x3 block once for the ~100 locations of the cell (step r/8).
                bx.clear();
                by.clear();
                br2.clear();
                // On a torus under 3 cells wide the block repeats cells at different shifts:
                // harmless, a dot is then seen at several images, its nearest among them.
                const auto clampX = [&](long long c) { return ax.periodic ? c : std::clamp(c, 0LL, ax.n - 1); };
                const auto clampY = [&](long long c) { return ay.periodic ? c : std::clamp(c, 0LL, ay.n - 1); };
                grid.forEachInBlock({clampX(cx - 1), clampX(cx + 1), false}, {clampY(cy - 1), clampY(cy + 1), false},
                                    {0.0, 0.0}, [&](std::size_t k, double px, double py) {
                                        bx.push_back(px);
                                        by.push_back(py);
                                        br2.push_back(grid.spacing(k) * grid.spacing(k));
                                        return true;
                                    });
                std::size_t lastHit = 0;  // neighbouring locations are mostly covered by the same dot
                for (std::size_t row = row0; row < row1; ++row) {
                    for (std::size_t col = col0; col < col1; ++col) {
                        const Vec2 x{tx.at(col), ty.at(row)};
                        if (inside && !inside(x)) continue;
                        const auto d2 = [&](std::size_t j) {
                            return (bx[j] - x.x) * (bx[j] - x.x) + (by[j] - x.y) * (by[j] - x.y);
                        };
                        // First by the dots' own spacings, which needs no call to spacingAt.
                        bool covered = lastHit < bx.size() && d2(lastHit) < br2[lastHit];
                        for (std::size_t j = 0; !covered && j < bx.size(); ++j)
                            if (d2(j) < br2[j]) {
                                covered = true;
                                lastHit = j;
                            }
                        if (!covered) {
                            const double here = spacingAt(x);
                            if (here > reach) {
                                covered = coveredByAnyPoint(grid, x, here, largest);
                            } else {
                                for (std::size_t j = 0; !covered && j < bx.size(); ++j)
                                    covered = d2(j) < here * here;
                            }
                        }
                        count(row, col, x, covered);
                    }
                }
            }
        }
    }
    if (result.tested > 0)
        result.uncoveredShare = static_cast<double>(result.uncovered) / static_cast<double>(result.tested);
    return result;
}

double rho(std::size_t n, double r, double area) {
    return r / std::sqrt(2.0 * area / (std::sqrt(3.0) * static_cast<double>(n)));
}

}  // namespace smp::test
