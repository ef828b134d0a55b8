#pragma once
// The redness of freshly treated skin as pure math (no GL): every fresh puncture adds a wide
// Gaussian of its redness, and the sum is the density of inflamed punctures around each point.
// The field is smooth over a millimetre or more, so it lives on a grid of cells a few pigment
// texels wide: cheap to draw and to upload, and bilinear sampling brings it back to full size.

#include "core/Geometry.h"
#include "render/DotSplat.h"

#include <span>
#include <vector>

namespace smp::render {

struct RednessGrid {
    int texelsPerCell = 1;        // pigment texels per side of a cell
    core::SizePx cells;           // covering the pigment texture, the last row and column partly
    double blurSigmaCells = 1.0;  // the Gaussian drawn, less the spread of depositing and sampling
    int blurRadiusCells = 1;
    double densityPerWeight = 1.0;  // gain x (punctures per mm2) that a weight of 1 in one cell stands for

    // Pigment texels from a puncture past which its redness is exactly nothing: the blur's
    // radius plus a cell for depositing and a cell for sampling.
    [[nodiscard]] int reachTexels() const { return (blurRadiusCells + 2) * texelsPerCell; }
};

// Cells of 1.6 to 3.2 sigmas' worth of field each side: a finer grid costs more to blur, a
// coarser one shows its bilinear facets.
RednessGrid rednessGrid(const PigmentGrid& grid, const PigmentOptics& optics);

// One fresh puncture, in pigment texels (centre of texel i at i + 0.5), and its redness 0..1.
struct RednessSource {
    float xTexels = 0.0f;
    float yTexels = 0.0f;
    float weight = 0.0f;

    friend bool operator==(const RednessSource&, const RednessSource&) = default;
};

// The field on the grid's cells, row 0 at the photo's top: gain x density of inflamed punctures
// (per mm2), for coverage = 1 - exp(-value). Sampled bilinearly at pigment texel (x, y) it is the
// sum of each source's weight times a normalised Gaussian of optics.rednessSigmaMm. Sources are
// taken in order, so the same sources give exactly the same field.
void drawRedness(std::span<const RednessSource> sources, const RednessGrid& grid, std::vector<float>& cells);

}  // namespace smp::render
