#include "core/dots/LayerGrid.h"

#include "core/Errors.h"
#include "core/dots/Spacing.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace smp::dots::detail {

namespace {

constexpr double kSqrt2 = 1.4142135623730951;
// Top cells at least this many storage cells wide: fewer of them to keep books on.
constexpr int kMinTopShift = 3;
constexpr double kMaxCells = 400'000'000.0;

TopCell topCellOf(const DensityField& field, const LayerGrid& grid, int tx, int ty) {
    TopCell cell;
    const RectMm rect = grid.topRect(tx, ty);
    const FieldBounds b = field.bounds(rect);
    const double dLo = std::max(b.minDensity, kMinPlacedDensity);
    const double dHi = std::max(b.maxDensity, kMinPlacedDensity);
    cell.rLo = spacingMm(grid.densityScale * dHi);
    cell.rHi = spacingMm(grid.densityScale * dLo);
    cell.constant = b.minDensity == b.maxDensity;
    const bool someTreated = b.maxMask >= 0.5 && b.maxDensity >= kMinPlacedDensity;
    const bool allTreated = b.minMask >= 0.5 && b.minDensity >= kMinPlacedDensity && rect.x1 <= grid.area.x1 &&
                            rect.y1 <= grid.area.y1;
    cell.mask = allTreated ? 2 : someTreated ? 1 : 0;
    int depth = 0;
    while (std::ldexp(grid.topSide, -depth) > cell.rLo / kSqrt2 && depth < grid.storageShift)
        ++depth;
    cell.firstDepth = static_cast<std::uint8_t>(depth);
    cell.fingerprint = field.fingerprint(rect);
    return cell;
}

}  // namespace

LayerGrid buildLayerGrid(const DensityField& field, double densityScale, bool periodic, const GridReuse& reuse) {
    if (!(std::isfinite(densityScale) && densityScale > 0.0))
        throw core::UsageError("dot layer: the density scale must be a positive number");
    if (!field.anyTreated())
        throw core::UsageError("dot layer: the treatment area is empty (no part of the field is both masked in and "
                               "at least " +
                               std::to_string(static_cast<int>(kMinPlacedDensity)) + " dots/cm2)");

    LayerGrid grid;
    grid.area = field.area();
    grid.periodic = periodic;
    grid.densityScale = densityScale;
    const FieldBounds all = reuse.whole ? *reuse.whole : field.bounds(grid.area);
    grid.rMin = spacingMm(densityScale * all.maxDensity);
    grid.rMax = spacingMm(densityScale * std::max(all.minDensity, kMinPlacedDensity));
    if (!(grid.rMin > 0.0) || !std::isfinite(grid.rMin))
        throw core::UsageError("dot layer: the spacing is zero (the density is too high)");

    const double width = grid.area.width(), height = grid.area.height();
    if (periodic) {
        if (std::abs(width - height) > 1e-12 * width)
            throw core::UsageError("dot layer: a periodic area must be a square");
        if (grid.rMax * 4.0 > width)
            throw core::UsageError("dot layer: a periodic area must be at least 4 spacings wide");
    }
    // Storage cells as large as allowed; top cells 2^k of them, big enough that a dot's reach
    // spans at most a couple of top cells.
    int shift = kMinTopShift;
    while ((std::ldexp(grid.rMin / kSqrt2, shift) < grid.rMax / kSqrt2) && shift < 20)
        ++shift;
    double s0 = grid.rMin / kSqrt2;
    if (periodic) {
        // The torus must be a whole number of top cells.
        const double top = std::ldexp(s0, shift);
        const double n = std::ceil(width / top);
        s0 = std::ldexp(width / n, -shift);
    }
    const double cells = std::ceil(width / s0) * std::ceil(height / s0);
    if (cells > kMaxCells) {
        std::ostringstream message;
        message << "dot layer: " << cells << " grid cells needed, over the limit of " << kMaxCells
                << " (the spacing is too small for the area)";
        throw core::UsageError(message.str());
    }
    grid.s0 = s0;
    grid.storageShift = shift;
    grid.topSide = std::ldexp(s0, shift);
    grid.topCols = static_cast<int>(std::ceil(width / grid.topSide - 1e-9));
    grid.topRows = static_cast<int>(std::ceil(height / grid.topSide - 1e-9));
    grid.cols = grid.topCols << shift;
    grid.rows = grid.topRows << shift;

    grid.top.resize(static_cast<std::size_t>(grid.topCols) * static_cast<std::size_t>(grid.topRows));
    const LayerGrid* previous = reuse.previous;
    if (previous != nullptr && previous->sameShape(grid) && previous->rMin == grid.rMin && previous->rMax == grid.rMax) {
        // A top cell is a function of the nodes touching it: away from the change it is the same.
        grid.top = previous->top;
        if (reuse.changed) {
            const double margin = 2.0 * field.nodeSpacingMm();
            const auto first = [&](double at, double origin, int count) {
                return std::clamp(static_cast<int>(std::floor((at - margin - origin) / grid.topSide)), 0, count - 1);
            };
            const auto last = [&](double at, double origin, int count) {
                return std::clamp(static_cast<int>(std::floor((at + margin - origin) / grid.topSide)), 0, count - 1);
            };
            const RectMm& c = *reuse.changed;
            for (int ty = first(c.y0, grid.area.y0, grid.topRows); ty <= last(c.y1, grid.area.y0, grid.topRows); ++ty)
                for (int tx = first(c.x0, grid.area.x0, grid.topCols); tx <= last(c.x1, grid.area.x0, grid.topCols);
                     ++tx)
                    grid.top[static_cast<std::size_t>(ty * grid.topCols + tx)] = topCellOf(field, grid, tx, ty);
        }
        return grid;
    }
    for (int ty = 0; ty < grid.topRows; ++ty)
        for (int tx = 0; tx < grid.topCols; ++tx)
            grid.top[static_cast<std::size_t>(ty * grid.topCols + tx)] = topCellOf(field, grid, tx, ty);
    // How far a dot in a sparse cell reaches into its neighbours is tracked by the spacing index
    // from the dots actually placed (SpacingIndex::reachInto), not bounded here from the field.
    return grid;
}

std::vector<std::uint8_t> grownCells(const std::vector<std::uint8_t>& cells, const LayerGrid& grid, int by) {
    std::vector<std::uint8_t> out(cells.size(), 0);
    for (int ty = 0; ty < grid.topRows; ++ty)
        for (int tx = 0; tx < grid.topCols; ++tx) {
            if (!cells[static_cast<std::size_t>(ty * grid.topCols + tx)]) continue;
            for (int y = ty - by; y <= ty + by; ++y)
                for (int x = tx - by; x <= tx + by; ++x) {
                    int yy = y, xx = x;
                    if (grid.periodic) {
                        yy = (yy % grid.topRows + grid.topRows) % grid.topRows;
                        xx = (xx % grid.topCols + grid.topCols) % grid.topCols;
                    } else if (yy < 0 || xx < 0 || yy >= grid.topRows || xx >= grid.topCols) {
                        continue;
                    }
                    out[static_cast<std::size_t>(yy * grid.topCols + xx)] = 1;
                }
        }
    return out;
}

}  // namespace smp::dots::detail
