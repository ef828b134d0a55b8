// The spacing index's coverage bitmap against the geometry of the disc that marked it. A part
// marked covered must lie wholly inside that disc, or the sampler would skip a real gap and the
// layer would not be maximal. A wide disc must mark every aligned pair of part rows and columns
// it holds whole, or the bitmap would prove less than it costs.
#include "core/dots/LayerGrid.h"
#include "core/dots/SpacingIndex.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <random>

using namespace smp::dots;
using namespace smp::dots::detail;

namespace {

constexpr std::int64_t kPart = kLatticePerCell >> SpacingIndex::kCoverBits;  // lattice steps

// The farthest point of the square [x0, x0 + side] x [y0, y0 + side] from (cx, cy), squared.
double farthest2(double x0, double y0, double side, double cx, double cy) {
    const double dx = std::max(std::abs(x0 - cx), std::abs(x0 + side - cx));
    const double dy = std::max(std::abs(y0 - cy), std::abs(y0 + side - cy));
    return dx * dx + dy * dy;
}

bool marked(const SpacingIndex& index, std::int64_t partCol, std::int64_t partRow) {
    const std::uint64_t word = index.coverage(partCol >> SpacingIndex::kCoverBits, partRow >> SpacingIndex::kCoverBits);
    return (word >> (((partRow & 7) << SpacingIndex::kCoverBits) | (partCol & 7))) & 1;
}

}  // namespace

TEST_CASE("A dot marks covered only parts inside its disc, and a wide dot every whole pair of them",
          "[dots][coverage]") {
    const auto field = DensityField::uniform({0.0, 0.0, 20.0, 20.0}, 100.0);
    const LayerGrid grid = buildLayerGrid(field, 1.0, false);
    const std::int64_t partCols = std::int64_t{grid.cols} << SpacingIndex::kCoverBits;
    const std::int64_t partRows = std::int64_t{grid.rows} << SpacingIndex::kCoverBits;
    // From the table's own radius (the densest skin) to a disc four times as wide (sparse skin).
    const std::array<double, 6> widths{1.0, 1.05, 1.2, 1.6, 2.5, 4.0};
    std::mt19937_64 random(7);
    std::uniform_int_distribution<std::int64_t> column(0, grid.cols * kLatticePerCell - 1);
    std::uniform_int_distribution<std::int64_t> row(0, grid.rows * kLatticePerCell - 1);
    int wideInside = 0, wideAcrossEdge = 0, wrong = 0, missed = 0;
    for (int trial = 0; trial < 240; ++trial) {
        SpacingIndex index(grid, 1);
        const LatticePoint at{column(random), row(random)};
        const double width = widths[static_cast<std::size_t>(trial) % widths.size()];
        const double rMm = width * SpacingIndex::kSqrt2Cells * index.step();
        index.insert(at, rMm, 1);
        const double r = rMm / index.step();  // as the index works it out
        const double cx = static_cast<double>(at.x), cy = static_cast<double>(at.y);
        const bool wide = r > 1.1 * SpacingIndex::kSqrt2Cells;
        if (wide) {
            const bool inside = cx - r >= 0.0 && cy - r >= 0.0 && cx + r < static_cast<double>(partCols * kPart) &&
                                cy + r < static_cast<double>(partRows * kPart);
            ++(inside ? wideInside : wideAcrossEdge);
        }
        for (std::int64_t pr = 0; pr < partRows; ++pr)
            for (std::int64_t pc = 0; pc < partCols; ++pc) {
                const double x0 = static_cast<double>(pc * kPart), y0 = static_cast<double>(pr * kPart);
                if (marked(index, pc, pr) && farthest2(x0, y0, kPart, cx, cy) > r * r) {
                    ++wrong;
                    UNSCOPED_INFO("part (" << pc << ", " << pr << ") marked outside the disc at (" << cx << ", " << cy
                                           << ") of radius " << r);
                }
                // Aligned pairs of part rows and columns wholly inside, with a hair of margin.
                if (!wide || (pc & 1) || (pr & 1) || pc + 1 >= partCols || pr + 1 >= partRows) continue;
                const double margin = r * (1.0 - 1e-6);
                if (farthest2(x0, y0, 2.0 * kPart, cx, cy) >= margin * margin) continue;
                if (!(marked(index, pc, pr) && marked(index, pc + 1, pr) && marked(index, pc, pr + 1) &&
                      marked(index, pc + 1, pr + 1))) {
                    ++missed;
                    UNSCOPED_INFO("parts (" << pc << ", " << pr << ") and their pair not marked inside the disc at ("
                                            << cx << ", " << cy << ") of radius " << r);
                }
            }
    }
    CHECK(wrong == 0);
    CHECK(missed == 0);
    // Both ways of marking a wide disc were tried.
    CHECK(wideInside >= 40);
    CHECK(wideAcrossEdge >= 10);
}
