// Which parts of each storage cell a single dot covers whole (see SpacingIndex::coverage).
#include "core/dots/SpacingIndex.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace smp::dots::detail {

namespace {

// For a dot of spacing sqrt(2) storage cells (every dot where the density is highest, the
// usual case), the parts it covers in each cell around it, looked up by where in its own cell
// the dot sits (to a 32nd of the cell; a part counts only when covered from anywhere in that
// bin). A table lookup per neighbouring cell instead of a scan of the disc row by row.
struct CoverTable {
    static constexpr int kBinBits = 5;
    static constexpr int kBins = 1 << kBinBits;
    static constexpr int kReach = 2;  // cells either side
    static constexpr int kSpan = 2 * kReach + 1;
    static constexpr double kRadius = SpacingIndex::kSqrt2Cells;
    static constexpr int kPerCell = 1 << SpacingIndex::kCoverBits;  // parts on a side
    static constexpr double kPart = 1.0 / kPerCell;
    std::vector<std::uint64_t> masks = std::vector<std::uint64_t>(kBins * kBins * kSpan * kSpan, 0);

    CoverTable() {
        constexpr double bin = 1.0 / kBins;
        const double r2 = 2.0 * (1.0 - 1e-9);  // in cells
        // The farthest a part's corner lies from a bin, squared, one axis at a time: the table is
        // built on the first layout of a process, and a million distances would delay it.
        std::array<std::array<double, kSpan * kPerCell>, kBins> far2{};
        for (int b = 0; b < kBins; ++b)
            for (int o = -kReach; o <= kReach; ++o)
                for (int i = 0; i < kPerCell; ++i) {
                    const double p0 = o + i * kPart;
                    const double f = std::max(p0 + kPart - b * bin, (b + 1) * bin - p0);
                    far2[static_cast<std::size_t>(b)][static_cast<std::size_t>((o + kReach) * kPerCell + i)] = f * f;
                }
        for (int by = 0; by < kBins; ++by)
            for (int bx = 0; bx < kBins; ++bx)
                for (int oy = -kReach; oy <= kReach; ++oy)
                    for (int ox = -kReach; ox <= kReach; ++ox) {
                        const double* fx2 = &far2[static_cast<std::size_t>(bx)][static_cast<std::size_t>((ox + kReach) * kPerCell)];
                        const double* fy2 = &far2[static_cast<std::size_t>(by)][static_cast<std::size_t>((oy + kReach) * kPerCell)];
                        // A byte per row of parts, without branches: the compiler vectorises it.
                        std::uint64_t mask = 0;
                        for (int row = 0; row < kPerCell; ++row) {
                            unsigned byte = 0;
                            for (int col = 0; col < kPerCell; ++col)
                                byte |= static_cast<unsigned>(fx2[col] + fy2[row] < r2) << col;
                            mask |= std::uint64_t{byte} << (kPerCell * row);
                        }
                        masks[static_cast<std::size_t>(index(bx, by, ox, oy))] = mask;
                    }
    }
    static int index(int bx, int by, int ox, int oy) {
        return ((by * kBins + bx) * kSpan + (oy + kReach)) * kSpan + (ox + kReach);
    }
};

// A disc wider than the table's and wholly inside the grid (the usual wide disc), marked in
// pairs of part rows and pairs of part columns, cell row by cell row: the same bits as the
// clipped loop in SpacingIndex::cover, with no clipping to test on every row. In parts: the
// centre (px, py), the radius, and the first and last part rows the disc reaches.
void coverWideInside(std::uint64_t* coverage, std::int64_t cols, double px, double py, double radius,
                     std::int64_t first, std::int64_t last) {
    constexpr int kPerCell = 1 << SpacingIndex::kCoverBits;
    constexpr std::uint64_t kPairOfRows = 0x0101;
    const double radius2 = radius * radius;
    {
        // Every cell row's coverage words are asked for before the first is read: a wide disc
        // spans up to nine cell rows, and each row read in turn would wait on memory.
        const std::int64_t k0 = floorToInt((px - radius) / kPerCell), k1 = floorToInt((px + radius) / kPerCell);
        for (std::int64_t cellRow = first >> SpacingIndex::kCoverBits; cellRow <= last >> SpacingIndex::kCoverBits;
             ++cellRow) {
            __builtin_prefetch(coverage + cellRow * cols + k0, 1);
            __builtin_prefetch(coverage + cellRow * cols + k1, 1);
        }
    }
    for (std::int64_t cellRow = first >> SpacingIndex::kCoverBits; cellRow <= last >> SpacingIndex::kCoverBits;
         ++cellRow) {
        std::uint64_t* line = coverage + cellRow * cols;
        const std::int64_t top = cellRow * kPerCell;
        const double farRow = std::max(py - static_cast<double>(top), static_cast<double>(top + kPerCell) - py);
        std::int64_t full0 = 0, full1 = -1;  // cells wholly inside the disc
        if (farRow < radius) {
            const double half = std::sqrt(radius2 - farRow * farRow);
            full0 = ceilToInt((px - half) / kPerCell);
            full1 = floorToInt((px + half) / kPerCell) - 1;
            for (std::int64_t k = full0; k <= full1; ++k)
                line[k] = ~std::uint64_t{0};
        }
        const std::int64_t j1 = std::min(last, top + kPerCell - 1);
        for (std::int64_t j = std::max(first & ~std::int64_t{1}, top); j <= j1; j += 2) {
            const double far = std::max(py - static_cast<double>(j), static_cast<double>(j + 2) - py);
            if (far >= radius) continue;
            const double half = std::sqrt(radius2 - far * far);
            const std::int64_t c0 = (ceilToInt(px - half) + 1) & ~std::int64_t{1};
            const std::int64_t c1 = (floorToInt(px + half) & ~std::int64_t{1}) - 1;
            if (c1 < c0) continue;
            const int shift = static_cast<int>(j & (kPerCell - 1)) * kPerCell;
            // Only the row's two end cells are partly covered; the cells between get the whole
            // row, except those already marked whole above.
            const std::int64_t left = c0 >> SpacingIndex::kCoverBits, right = c1 >> SpacingIndex::kCoverBits;
            const std::uint64_t leftBits = (std::uint64_t{0xff} << (c0 & (kPerCell - 1))) & 0xff;
            const std::uint64_t rightBits = std::uint64_t{0xff} >> (kPerCell - 1 - (c1 & (kPerCell - 1)));
            if (left == right) {
                line[left] |= ((leftBits & rightBits) * kPairOfRows) << shift;
                continue;
            }
            line[left] |= (leftBits * kPairOfRows) << shift;
            line[right] |= (rightBits * kPairOfRows) << shift;
            const std::uint64_t whole = (0xff * kPairOfRows) << shift;
            for (std::int64_t k = left + 1; k < std::min(right, full0); ++k)
                line[k] |= whole;
            for (std::int64_t k = std::max(left, full1) + 1; k < right; ++k)
                line[k] |= whole;
        }
    }
}

}  // namespace

void SpacingIndex::cover(double x, double y, double r) {
    written(static_cast<std::int64_t>(std::floor((y - r) / kLatticePerCell)) - 1,
            static_cast<std::int64_t>(std::floor((y + r) / kLatticePerCell)) + 1);
    if (r >= CoverTable::kRadius && r <= 1.1 * CoverTable::kRadius) {
        static const CoverTable table;
        const auto ix = static_cast<std::int64_t>(x), iy = static_cast<std::int64_t>(y);
        const std::int64_t cx = ix >> kLatticeBits, cy = iy >> kLatticeBits;
        constexpr int kDrop = kLatticeBits - CoverTable::kBinBits;
        const int bx = static_cast<int>((ix & (kLatticePerCell - 1)) >> kDrop);
        const int by = static_cast<int>((iy & (kLatticePerCell - 1)) >> kDrop);
        const std::uint64_t* masks = table.masks.data() + CoverTable::index(bx, by, -CoverTable::kReach, -CoverTable::kReach);
        if (!grid_.periodic && cx >= CoverTable::kReach && cy >= CoverTable::kReach &&
            cx + CoverTable::kReach < grid_.cols && cy + CoverTable::kReach < grid_.rows) {
            std::uint64_t* line = s_.coverage.data() + static_cast<std::size_t>(cy - CoverTable::kReach) * grid_.cols +
                                  static_cast<std::size_t>(cx - CoverTable::kReach);
            for (int oy = 0; oy < CoverTable::kSpan; ++oy, line += grid_.cols)
                for (int ox = 0; ox < CoverTable::kSpan; ++ox, ++masks)
                    if (*masks) line[ox] |= *masks;
            return;
        }
        for (int oy = -CoverTable::kReach; oy <= CoverTable::kReach; ++oy) {
            std::int64_t row = cy + oy;
            if (grid_.periodic) {
                row = (row % grid_.rows + grid_.rows) % grid_.rows;
            } else if (row < 0 || row >= grid_.rows) {
                masks += CoverTable::kSpan;
                continue;
            }
            std::uint64_t* line = s_.coverage.data() + static_cast<std::size_t>(row) * grid_.cols;
            for (int ox = -CoverTable::kReach; ox <= CoverTable::kReach; ++ox, ++masks) {
                std::int64_t col = cx + ox;
                if (grid_.periodic) {
                    col = (col % grid_.cols + grid_.cols) % grid_.cols;
                } else if (col < 0 || col >= grid_.cols) {
                    continue;
                }
                line[col] |= *masks;
            }
        }
        return;
    }
    constexpr int kPerCell = 1 << kCoverBits;
    constexpr double kPartInv = 1.0 / static_cast<double>(kLatticePerCell >> kCoverBits);
    // In parts; a hair inside the circle, so that rounding never marks a part the disc only touches.
    const double px = x * kPartInv, py = y * kPartInv;
    const double radius = r * kPartInv * (1.0 - 1e-9);
    const double radius2 = radius * radius;
    const std::int64_t partCols = static_cast<std::int64_t>(grid_.cols) * kPerCell;
    const std::int64_t partRows = static_cast<std::int64_t>(grid_.rows) * kPerCell;
    const std::int64_t first = floorToInt(py - radius), last = floorToInt(py + radius);
    if (!grid_.periodic) {
        // Cells wholly inside the disc in one go, the rest part row by part row: a wide disc
        // (sparse skin) spans dozens of part rows and a handful of cells on each.
        std::int64_t fullRow = -1, full0 = 0, full1 = -1;
        // Discs wider than the table's are marked in pairs of parts: half the rows to work out,
        // for a sliver of coverage lost along an edge that is flatter than the table's.
        const int step = r > 1.1 * CoverTable::kRadius ? 2 : 1;
        const bool inside =
            first >= 0 && last < partRows && px - radius >= 0.0 && px + radius < static_cast<double>(partCols);
        if (step == 2 && inside) {
            coverWideInside(s_.coverage.data(), grid_.cols, px, py, radius, first, last);
            return;
        }
        for (std::int64_t j = std::max<std::int64_t>(first, 0) & ~std::int64_t{step - 1}; j <= std::min(last, partRows - 1);
             j += step) {
            const std::int64_t cellRow = j >> kCoverBits;
            std::uint64_t* line = s_.coverage.data() + static_cast<std::size_t>(cellRow) * grid_.cols;
            if (cellRow != fullRow) {
                fullRow = cellRow;
                const double top = static_cast<double>(cellRow * kPerCell);
                const double far = std::max(py - top, top + kPerCell - py);
                full0 = 0;
                full1 = -1;
                if (far < radius) {
                    const double half = std::sqrt(radius2 - far * far);
                    full0 = std::max<std::int64_t>(ceilToInt((px - half) / kPerCell), 0);
                    full1 = std::min<std::int64_t>(floorToInt((px + half) / kPerCell) - 1, grid_.cols - 1);
                    for (std::int64_t k = full0; k <= full1; ++k)
                        line[k] = ~std::uint64_t{0};
                }
            }
            const double far = std::max(py - static_cast<double>(j), static_cast<double>(j + step) - py);
            if (far >= radius) continue;
            const double half = std::sqrt(radius2 - far * far);
            std::int64_t c0 = ceilToInt(px - half), c1 = floorToInt(px + half) - 1;
            if (step == 2) {
                c0 = (c0 + 1) & ~std::int64_t{1};
                c1 = ((c1 + 1) & ~std::int64_t{1}) - 1;
            }
            if (c1 < c0) continue;
            const int shift = static_cast<int>(j & (kPerCell - 1)) * kPerCell;
            const std::uint64_t rows = step == 2 ? 0x0101 : 0x01;  // the part rows this pass marks
            const std::int64_t k0 = std::max<std::int64_t>(c0 >> kCoverBits, 0);
            const std::int64_t k1 = std::min<std::int64_t>(c1 >> kCoverBits, grid_.cols - 1);
            for (std::int64_t k = k0; k <= k1; ++k) {
                if (k >= full0 && k <= full1) {
                    k = full1;
                    continue;
                }
                const int lo = k == (c0 >> kCoverBits) ? static_cast<int>(c0 & (kPerCell - 1)) : 0;
                const int hi = k == (c1 >> kCoverBits) ? static_cast<int>(c1 & (kPerCell - 1)) : kPerCell - 1;
                const std::uint64_t bits = (std::uint64_t{0xff} >> (kPerCell - 1 - hi)) & (std::uint64_t{0xff} << lo);
                line[k] |= (bits * rows) << shift;
            }
        }
        return;
    }
    for (std::int64_t j = first; j <= last; ++j) {
        const double far = std::max(py - static_cast<double>(j), static_cast<double>(j + 1) - py);
        if (far >= radius) continue;
        const double half = std::sqrt(radius2 - far * far);
        const std::int64_t c0 = ceilToInt(px - half), c1 = floorToInt(px + half) - 1;
        if (c1 < c0) continue;
        std::int64_t row = j;
        if (grid_.periodic) {
            row = (row % partRows + partRows) % partRows;
        } else if (row < 0 || row >= partRows) {
            continue;
        }
        std::uint64_t* line = s_.coverage.data() + static_cast<std::size_t>(row >> kCoverBits) * grid_.cols;
        const int shift = static_cast<int>(row & (kPerCell - 1)) * kPerCell;
        const std::int64_t k0 = c0 >> kCoverBits, k1 = c1 >> kCoverBits;  // arithmetic shift: floor
        for (std::int64_t k = k0; k <= k1; ++k) {
            const int lo = k == k0 ? static_cast<int>(c0 & (kPerCell - 1)) : 0;
            const int hi = k == k1 ? static_cast<int>(c1 & (kPerCell - 1)) : kPerCell - 1;
            std::int64_t col = k;
            if (grid_.periodic) {
                const std::int64_t cols = partCols >> kCoverBits;
                col = (col % cols + cols) % cols;
            } else if (col < 0 || col >= grid_.cols) {
                continue;
            }
            const std::uint64_t bits = (std::uint64_t{0xff} >> (kPerCell - 1 - hi)) & (std::uint64_t{0xff} << lo);
            line[col] |= (bits & 0xff) << shift;
        }
    }
}

}  // namespace smp::dots::detail
