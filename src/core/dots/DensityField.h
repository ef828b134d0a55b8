#pragma once
// Where dots may go and how dense they should end up, on the photo plane in millimetres.
//
// A raster of nodes sampled bilinearly. Density is the target *final* density in dots per cm2;
// the mask says which skin is treated (a point is inside where the interpolated mask is >= 0.5);
// transition (0 body .. 1 front edge of a faded hairline) makes dots sparser and scattered;
// scar (0..1) lowers retention and spreads pigment. A field can be painted node by node or built
// from any function by sampling it at the nodes: the raster is what lets the sampler bound the
// density over a cell exactly (a bilinear patch takes its extremes at its corners).

#include "core/Geometry.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace smp::dots {

struct RectMm {
    double x0 = 0.0, y0 = 0.0, x1 = 0.0, y1 = 0.0;

    [[nodiscard]] double width() const { return x1 - x0; }
    [[nodiscard]] double height() const { return y1 - y0; }
    [[nodiscard]] double area() const { return width() * height(); }
    friend bool operator==(const RectMm&, const RectMm&) = default;
};

struct FieldValue {
    double density = 0.0;     // target final dots per cm2, >= 0
    double mask = 1.0;        // 1 treated, 0 not treated
    double transition = 0.0;  // 0 body .. 1 front of a faded hairline
    double scar = 0.0;        // 0 healthy skin .. 1 scar tissue
};

// Extremes of the interpolated channels over a rectangle.
struct FieldBounds {
    double minDensity = 0.0, maxDensity = 0.0;
    double minMask = 0.0, maxMask = 0.0;
};

class DensityField {
public:
    // A raster over `area` with nodes every `nodeSpacingMm` (the last row/column may overhang).
    // All nodes start at `fill`. Throws core::UsageError on a bad area, spacing or value.
    DensityField(RectMm area, double nodeSpacingMm, FieldValue fill);

    static DensityField uniform(RectMm area, double dotsPerCm2);
    static DensityField fromFunction(RectMm area, double nodeSpacingMm,
                                     const std::function<FieldValue(core::Vec2)>& valueAt);

    [[nodiscard]] const RectMm& area() const { return area_; }
    [[nodiscard]] double nodeSpacingMm() const { return spacing_; }
    [[nodiscard]] int columns() const { return columns_; }
    [[nodiscard]] int rows() const { return rows_; }

    // Throws core::UsageError naming the node and the channel when a value is out of range.
    void setNode(int column, int row, FieldValue value);
    [[nodiscard]] FieldValue node(int column, int row) const;

    [[nodiscard]] FieldValue at(core::Vec2 mm) const;
    [[nodiscard]] double densityAt(core::Vec2 mm) const;
    [[nodiscard]] bool inside(core::Vec2 mm) const;
    [[nodiscard]] FieldBounds bounds(const RectMm& rect) const;
    // bounds(rect).maxDensity, with a quick path for a rectangle inside one patch (the sampler
    // asks this for every cell it splits where the density varies).
    [[nodiscard]] double maxDensity(const RectMm& rect) const;

    // Changes when any node that can influence `rect` changes.
    [[nodiscard]] std::uint64_t fingerprint(const RectMm& rect) const;
    // Changes when any node, the area or the spacing changes.
    [[nodiscard]] std::uint64_t fingerprint() const;

    // Same area and node spacing: the two rasters can be compared node by node.
    [[nodiscard]] bool sameRaster(const DensityField& other) const;
    // The rectangle (mm) spanned by the nodes whose values differ from `earlier`'s, nullopt when
    // none do. The two must have the same raster.
    [[nodiscard]] std::optional<RectMm> changedSince(const DensityField& earlier) const;

    // Integral of density over the treated area, in dots (mask >= 0.5, density >= the minimum).
    [[nodiscard]] double expectedDots(double densityScale = 1.0) const;

    [[nodiscard]] bool anyTreated() const;

    // What the nodes alone tell of a rectangle: every point of it treated (mask >= 0.5, density
    // >= kMinPlacedDensity), none, or not known without bounds(). A bilinear value lies between
    // its patch's nodes, so a verdict from the nodes holds exactly (with a margin far above
    // rounding); reading a few nodes is a tenth of what bounds() costs at the treated area's edge.
    enum class Treated { none, all, unknown };
    [[nodiscard]] Treated treatedByNodes(const RectMm& rect) const;

private:
    struct Patch {
        int column, row;  // its top-left node
        double fu, fv;    // where in it, 0..1
    };
    [[nodiscard]] Patch patchAt(core::Vec2 mm) const;
    // Widens `bounds` by the density and mask at `mm`, blended exactly as at() blends them.
    void widenAt(FieldBounds& bounds, core::Vec2 mm) const;
    // Does [lo, hi] (in node steps from the area's origin) lie within one patch of the raster?
    [[nodiscard]] static bool withinOnePatch(double lo, double hi);
    struct NodeRange {
        int c0, c1, r0, r1;
    };
    [[nodiscard]] NodeRange nodesTouching(const RectMm& rect) const;
    // nodesTouching(), and past the last node line also the nodes patchAt() blends there from
    // the patch before it: every node a value inside `rect` can depend on.
    [[nodiscard]] NodeRange nodesBlended(const RectMm& rect) const;
    // The bounds of a rectangle whose patches all have the same density and mask at every node:
    // then every blend of them is that value exactly. nullopt when they differ.
    [[nodiscard]] std::optional<FieldBounds> uniformOver(const RectMm& rect) const;
    [[nodiscard]] std::size_t index(int column, int row) const {
        return static_cast<std::size_t>(row) * static_cast<std::size_t>(columns_) + static_cast<std::size_t>(column);
    }

    RectMm area_;
    double spacing_ = 1.0;
    int columns_ = 0;
    int rows_ = 0;
    std::vector<FieldValue> nodes_;
};

}  // namespace smp::dots
