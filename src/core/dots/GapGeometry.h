#pragma once
// Where, inside one cell, no dot's disc reaches (internal to the sampler).
//
// After the first dart pass most of a layer is placed and what is left are small gaps between
// discs. Rather than find them by splitting cells and throwing more darts (a neighbourhood query
// per split), the sampler asks, once per empty cell, for the exact part of the cell that the
// discs leave open. That part is bounded by the cell's sides and by arcs that bulge into it, so
// it lies inside the polygon of its own corners: the corners of the cell, the points where a
// circle crosses a side and the points where two circles cross. When none of those points is
// open the cell is covered; otherwise darts drawn in the box around the open ones find the gap.

#include <cstddef>
#include <span>

namespace smp::dots::detail {

// A disc in the cell's own frame; a point p is covered when |p - centre|^2 < r2.
struct GapDisc {
    double x, y, r2;
};

struct GapBox {
    double x0, y0, x1, y1;
    [[nodiscard]] double area() const { return (x1 - x0) * (y1 - y0); }
};

// Keeps the discs of `discs` that reach into `cell` (moved to the front; returns how many).
// Returns -1 when a single disc covers the whole cell.
[[nodiscard]] int discsReaching(const GapBox& cell, std::span<GapDisc> discs);

// The box around the points of the cell that no disc covers, or false when there are none:
// then the discs cover the cell. `discs` must be those that reach into the cell.
[[nodiscard]] bool openBox(const GapBox& cell, std::span<const GapDisc> discs, GapBox& open);

[[nodiscard]] inline bool coveredBy(std::span<const GapDisc> discs, double x, double y) {
    for (const GapDisc& d : discs) {
        const double ex = d.x - x, ey = d.y - y;
        if (ex * ex + ey * ey < d.r2) return true;
    }
    return false;
}

}  // namespace smp::dots::detail
