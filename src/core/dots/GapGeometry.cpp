#include "core/dots/GapGeometry.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace smp::dots::detail {

int discsReaching(const GapBox& cell, std::span<GapDisc> discs) {
    int kept = 0;
    for (GapDisc& d : discs) {
        const double nx = std::max({cell.x0 - d.x, 0.0, d.x - cell.x1});
        const double ny = std::max({cell.y0 - d.y, 0.0, d.y - cell.y1});
        if (nx * nx + ny * ny >= d.r2) continue;
        const double fx = std::max(d.x - cell.x0, cell.x1 - d.x);
        const double fy = std::max(d.y - cell.y0, cell.y1 - d.y);
        if (fx * fx + fy * fy < d.r2) return -1;
        std::swap(discs[static_cast<std::size_t>(kept++)], d);
    }
    return kept;
}

namespace {

class OpenPoints {
public:
    OpenPoints(const GapBox& cell, std::span<const GapDisc> discs) : cell_(cell), discs_(discs) {}

    // A candidate corner of the open region; `a` and `b` are the discs it lies on (or -1).
    void consider(double x, double y, int a, int b) {
        if (x < cell_.x0 || x > cell_.x1 || y < cell_.y0 || y > cell_.y1) return;
        for (std::size_t i = 0; i < discs_.size(); ++i) {
            if (static_cast<int>(i) == a || static_cast<int>(i) == b) continue;
            const double ex = discs_[i].x - x, ey = discs_[i].y - y;
            if (ex * ex + ey * ey < discs_[i].r2) return;
        }
        if (!any_) {
            box_ = {x, y, x, y};
            any_ = true;
            return;
        }
        box_.x0 = std::min(box_.x0, x);
        box_.x1 = std::max(box_.x1, x);
        box_.y0 = std::min(box_.y0, y);
        box_.y1 = std::max(box_.y1, y);
    }

    [[nodiscard]] bool any() const { return any_; }
    [[nodiscard]] const GapBox& box() const { return box_; }

private:
    GapBox cell_;
    std::span<const GapDisc> discs_;
    GapBox box_{};
    bool any_ = false;
};

}  // namespace

bool openBox(const GapBox& cell, std::span<const GapDisc> discs, GapBox& open) {
    OpenPoints points(cell, discs);
    points.consider(cell.x0, cell.y0, -1, -1);
    points.consider(cell.x1, cell.y0, -1, -1);
    points.consider(cell.x0, cell.y1, -1, -1);
    points.consider(cell.x1, cell.y1, -1, -1);
    const int n = static_cast<int>(discs.size());
    for (int i = 0; i < n; ++i) {
        const GapDisc& d = discs[static_cast<std::size_t>(i)];
        // Where the circle crosses the sides of the cell.
        for (const double x : {cell.x0, cell.x1}) {
            const double h2 = d.r2 - (x - d.x) * (x - d.x);
            if (h2 <= 0.0) continue;
            const double h = std::sqrt(h2);
            points.consider(x, d.y - h, i, -1);
            points.consider(x, d.y + h, i, -1);
        }
        for (const double y : {cell.y0, cell.y1}) {
            const double h2 = d.r2 - (y - d.y) * (y - d.y);
            if (h2 <= 0.0) continue;
            const double h = std::sqrt(h2);
            points.consider(d.x - h, y, i, -1);
            points.consider(d.x + h, y, i, -1);
        }
        // Where it crosses another circle.
        for (int j = i + 1; j < n; ++j) {
            const GapDisc& e = discs[static_cast<std::size_t>(j)];
            const double dx = e.x - d.x, dy = e.y - d.y;
            const double d2 = dx * dx + dy * dy;
            if (d2 <= 0.0) continue;
            // Along the line of centres, a from d's centre; h across it.
            const double along = 0.5 * (d.r2 - e.r2 + d2) / d2;  // a / |dx, dy|
            const double h2 = d.r2 / d2 - along * along;          // (h / |dx, dy|)^2
            if (h2 <= 0.0) continue;
            const double h = std::sqrt(h2);
            const double mx = d.x + along * dx, my = d.y + along * dy;
            points.consider(mx - h * dy, my + h * dx, i, j);
            points.consider(mx + h * dy, my - h * dx, i, j);
        }
    }
    if (!points.any()) return false;
    open = points.box();
    return true;
}

}  // namespace smp::dots::detail
