#include "render/RednessField.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace smp::render {

RednessGrid rednessGrid(const PigmentGrid& grid, const PigmentOptics& optics) {
    const double sigmaTexels =
        std::max(0.0, optics.rednessSigmaMm) * std::sqrt(grid.texelsPerMm.x * grid.texelsPerMm.y);
    RednessGrid redness;
    redness.texelsPerCell = std::max(1, int(std::floor(sigmaTexels / 1.6)));
    const int perCell = redness.texelsPerCell;
    redness.cells = {(grid.texels.width + perCell - 1) / perCell, (grid.texels.height + perCell - 1) / perCell};
    // Depositing a puncture on its four nearest cells and sampling the cells bilinearly each
    // spread it by a tent of variance 1/6 cell^2: the blur makes up the rest.
    const double sigmaCells = sigmaTexels / perCell;
    redness.blurSigmaCells = std::sqrt(std::max(sigmaCells * sigmaCells - 1.0 / 3.0, 0.25));
    redness.blurRadiusCells = std::max(1, int(std::ceil(kSplatReachSigmas * redness.blurSigmaCells)));
    const double cellAreaMm2 = (perCell / grid.texelsPerMm.x) * (perCell / grid.texelsPerMm.y);
    redness.densityPerWeight = std::max(0.0, optics.rednessGainMm2) / cellAreaMm2;
    return redness;
}

void drawRedness(std::span<const RednessSource> sources, const RednessGrid& grid, std::vector<float>& cells) {
    const int width = grid.cells.width, height = grid.cells.height;
    cells.assign(std::size_t(width) * std::size_t(height), 0.0f);
    if (sources.empty() || width <= 0 || height <= 0) return;

    // Each puncture on the four cells around it, bilinearly: its weight lands where it is,
    // between cell centres too, and the sum over cells stays its weight.
    std::vector<float> deposits(cells.size(), 0.0f);
    std::vector<char> rowUsed(std::size_t(height), 0);
    const float perCell = float(grid.texelsPerCell);
    for (const RednessSource& source : sources) {
        const float u = source.xTexels / perCell - 0.5f, v = source.yTexels / perCell - 0.5f;
        if (!(u > -1.0f && v > -1.0f && u < float(width) && v < float(height))) continue;
        const int i = int(std::floor(u)), j = int(std::floor(v));
        const float fu = u - float(i), fv = v - float(j);
        const float weight = std::clamp(source.weight, 0.0f, 1.0f) * float(grid.densityPerWeight);
        for (int dj = 0; dj < 2; ++dj)
            for (int di = 0; di < 2; ++di) {
                const int x = i + di, y = j + dj;
                if (x < 0 || y < 0 || x >= width || y >= height) continue;
                deposits[std::size_t(y) * width + x] += weight * (di ? fu : 1.0f - fu) * (dj ? fv : 1.0f - fv);
                rowUsed[std::size_t(y)] = 1;
            }
    }

    const int radius = grid.blurRadiusCells;
    std::vector<float> kernel(std::size_t(2 * radius + 1));
    double kernelSum = 0.0;
    for (int k = -radius; k <= radius; ++k)
        kernelSum += kernel[std::size_t(k + radius)] =
            float(std::exp(-0.5 * k * k / (grid.blurSigmaCells * grid.blurSigmaCells)));
    for (float& w : kernel)
        w = float(w / kernelSum);

    // Separable: along rows into `across`, then down columns into `cells`. The inner loops run
    // over x so that they vectorise; rows with nothing on them are skipped.
    std::vector<float> across(cells.size(), 0.0f);
    std::vector<float> padded(std::size_t(width + 2 * radius), 0.0f);
    for (int y = 0; y < height; ++y) {
        if (!rowUsed[std::size_t(y)]) continue;
        std::copy_n(deposits.begin() + std::ptrdiff_t(y) * width, width, padded.begin() + radius);
        float* out = across.data() + std::size_t(y) * width;
        for (int k = 0; k <= 2 * radius; ++k) {
            const float w = kernel[std::size_t(k)];
            const float* in = padded.data() + k;
            for (int x = 0; x < width; ++x)
                out[x] += w * in[x];
        }
    }
    for (int y = 0; y < height; ++y) {
        float* out = cells.data() + std::size_t(y) * width;
        for (int k = -radius; k <= radius; ++k) {
            const int from = y + k;
            if (from < 0 || from >= height || !rowUsed[std::size_t(from)]) continue;
            const float w = kernel[std::size_t(k + radius)];
            const float* in = across.data() + std::size_t(from) * width;
            for (int x = 0; x < width; ++x)
                out[x] += w * in[x];
        }
    }
}

}  // namespace smp::render
