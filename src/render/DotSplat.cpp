#include "render/DotSplat.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace smp::render {

PigmentGrid pigmentGrid(core::SizePx photoPx, double pxPerMm, int maxSide) {
    const int longest = std::max(photoPx.width, photoPx.height);
    const double scale = longest > maxSide ? double(maxSide) / longest : 1.0;
    PigmentGrid grid;
    grid.texels = {std::max(1, int(std::lround(photoPx.width * scale))),
                   std::max(1, int(std::lround(photoPx.height * scale)))};
    grid.texelsPerMm = {pxPerMm * grid.texels.width / photoPx.width, pxPerMm * grid.texels.height / photoPx.height};
    return grid;
}

double dotPigmentMm2(const dots::Dot& dot, const PigmentOptics& optics) {
    const double radius = 0.5 * std::max(0.0, dot.diameterMm);
    return std::clamp(double(dot.shade), 0.0, 1.0) * optics.absorbanceAtFullShade * std::numbers::pi * radius * radius;
}

DotSplat splatDot(const dots::Dot& dot, const PigmentGrid& grid, const PigmentOptics& optics) {
    const double radius = 0.5 * std::max(0.0, dot.diameterMm);
    const double stretch = std::sqrt(std::max(1.0, double(dot.ellipseRatio)));
    // A uniform ellipse with semi-axis a has variance a^2/4 along it; blurs add variances.
    const double scatter2 = optics.scatterSigmaMm * optics.scatterSigmaMm;
    const double long2Mm = 0.25 * (radius * stretch) * (radius * stretch) + scatter2;
    const double short2Mm = 0.25 * (radius / stretch) * (radius / stretch) + scatter2;
    const double texelsPerMm = std::sqrt(grid.texelsPerMm.x * grid.texelsPerMm.y);
    const double footprint2 = kTexelFootprintSigma * kTexelFootprintSigma;
    const double sigmaLong = std::sqrt(long2Mm * texelsPerMm * texelsPerMm + footprint2);
    const double sigmaShort = std::sqrt(short2Mm * texelsPerMm * texelsPerMm + footprint2);
    const double pigmentTexels2 = dotPigmentMm2(dot, optics) * grid.texelsPerMm.x * grid.texelsPerMm.y;

    DotSplat splat;
    splat.centreX = float(dot.positionMm.x * grid.texelsPerMm.x);
    splat.centreY = float(dot.positionMm.y * grid.texelsPerMm.y);
    splat.sigmaLong = float(sigmaLong);
    splat.sigmaShort = float(sigmaShort);
    splat.angleRad = dot.angleRad;
    splat.peakAbsorbance = float(pigmentTexels2 / (2.0 * std::numbers::pi * sigmaLong * sigmaShort));
    return splat;
}

}  // namespace smp::render
