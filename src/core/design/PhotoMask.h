#pragma once
// A yes/no mask over the photo at the photo's own resolution, stored as runs of set pixels per
// row: a head outline or a zone costs a few kilobytes, never a screen-sized bitmap, and stays
// exact however the view is zoomed. Brushes and polygons paint into it in photo pixels.

#include "core/Geometry.h"

#include <cstdint>
#include <span>
#include <vector>

namespace smp::design {

// Pixels [x0, x1) of one row.
struct PixelRun {
    int x0 = 0;
    int x1 = 0;
    friend bool operator==(PixelRun, PixelRun) = default;
};

class PhotoMask {
public:
    PhotoMask() = default;
    // An empty mask over a photo of this size. Throws core::UsageError on a size <= 0.
    explicit PhotoMask(core::SizePx size);

    [[nodiscard]] core::SizePx size() const { return size_; }
    [[nodiscard]] bool empty() const;                 // no pixel set (also true for a default-made mask)
    [[nodiscard]] std::int64_t area() const;          // set pixels
    [[nodiscard]] bool contains(int x, int y) const;  // false outside the photo
    // Share of the pixel rectangle [x0, x1) x [y0, y1) (real-valued, clipped to the photo) that
    // is set, 0..1, counting partial pixels by their overlap.
    [[nodiscard]] double coverage(double x0, double y0, double x1, double y1) const;
    // coverage() of out.size() cells side by side, cell i spanning [x0 + i * width, x0 + (i + 1)
    // * width) x [y0, y1): one sweep along each row instead of a search per cell.
    void coverageAlong(double x0, double width, double y0, double y1, std::span<double> out) const;

    // Sorted, disjoint, non-touching runs of each row.
    [[nodiscard]] const std::vector<PixelRun>& row(int y) const { return rows_[static_cast<std::size_t>(y)]; }

    // Painting. A pixel belongs to a shape when its centre (x + 0.5, y + 0.5) does; everything
    // is clipped to the photo. `add` false erases.
    void paintPolygon(std::span<const core::Vec2> cornersPx, bool add = true);  // even-odd rule
    void paintDisc(core::Vec2 centrePx, double radiusPx, bool add = true);
    // A brush stroke: discs along the path, joined by the capsules between them.
    void paintStroke(std::span<const core::Vec2> pathPx, double radiusPx, bool add = true);
    void paintRect(core::RectPx rect, bool add = true);
    void clear();

    // Whole-mask operations; sizes must match (core::UsageError otherwise).
    void unite(const PhotoMask& other);
    void subtract(const PhotoMask& other);
    void intersect(const PhotoMask& other);

    // Rebuilds a mask from stored runs, checking them. Throws core::InputError naming the row
    // and the rule when a run is empty, out of the photo, unsorted or overlapping.
    static PhotoMask fromRows(core::SizePx size, std::vector<std::vector<PixelRun>> rows);

    friend bool operator==(const PhotoMask&, const PhotoMask&) = default;

private:
    void paintRow(int y, int x0, int x1, bool add);

    core::SizePx size_;
    std::vector<std::vector<PixelRun>> rows_;
};

}  // namespace smp::design
