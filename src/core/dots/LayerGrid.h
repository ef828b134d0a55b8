#pragma once
// The two grids one layer is organised in (internal to the sampler).
//
// Storage cells have a side s0 <= rMin / sqrt(2), so two dots never share one unless one of them
// is an obstacle; a cell keeps a chain of the dots inside it. Top cells are 2^k storage cells on a
// side: the unit of bookkeeping (field bounds, search radius, what an edit dirtied).

#include "core/dots/DensityField.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <vector>

namespace smp::dots::detail {

struct TopCell {
    double rLo = 0.0;             // least spacing anywhere in the cell
    double rHi = 0.0;             // largest spacing anywhere in the cell
    bool constant = false;        // density is the same everywhere in the cell
    std::uint8_t mask = 0;        // 0 nothing treated, 1 partly, 2 fully treated
    std::uint8_t firstDepth = 0;  // depth at which the cell's darts start
    std::uint64_t fingerprint = 0;
};

struct LayerGrid {
    RectMm area;
    bool periodic = false;
    double densityScale = 1.0;
    double rMin = 0.0, rMax = 0.0;
    double s0 = 0.0;       // storage cell side
    int storageShift = 0;  // top side = s0 << storageShift
    double topSide = 0.0;
    int topCols = 0, topRows = 0;
    int cols = 0, rows = 0;  // storage cells
    std::vector<TopCell> top;

    [[nodiscard]] bool sameShape(const LayerGrid& other) const {
        return area == other.area && periodic == other.periodic && s0 == other.s0 &&
               storageShift == other.storageShift && topCols == other.topCols && topRows == other.topRows &&
               densityScale == other.densityScale;
    }
    // Inline: the sampler asks it for every dot of a layer, several times over.
    [[nodiscard]] int topIndexOf(double x, double y) const {
        // Clamped before truncation, which then rounds down as floor() would.
        const int tx = static_cast<int>(std::clamp((x - area.x0) / topSide, 0.0, topCols - 1.0));
        const int ty = static_cast<int>(std::clamp((y - area.y0) / topSide, 0.0, topRows - 1.0));
        return ty * topCols + tx;
    }
    [[nodiscard]] RectMm topRect(int tx, int ty) const {
        return {area.x0 + tx * topSide, area.y0 + ty * topSide, area.x0 + (tx + 1) * topSide,
                area.y0 + (ty + 1) * topSide};
    }
};

// What set-up may take as known. `whole`: the field's bounds over its area. `previous`: a grid
// built from an earlier field whose nodes differ from this one's only within `changed` (nullopt:
// nowhere); top cells away from the change are copied rather than derived again.
struct GridReuse {
    std::optional<FieldBounds> whole;
    const LayerGrid* previous = nullptr;
    std::optional<RectMm> changed;
};

// Derives both grids from the field; throws core::UsageError when the layer cannot be sampled.
// The same result with or without `reuse`, for a fraction of the cost after a small edit.
LayerGrid buildLayerGrid(const DensityField& field, double densityScale, bool periodic, const GridReuse& reuse = {});

// The top cells within `by` cells of a flagged one (wrapping when the grid is periodic).
std::vector<std::uint8_t> grownCells(const std::vector<std::uint8_t>& cells, const LayerGrid& grid, int by);

}  // namespace smp::dots::detail
