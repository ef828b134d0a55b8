#include "render/DotSplat.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
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
    return dotPigmentMm2(preview::settledLook(dot), optics);
}

double dotPigmentMm2(const preview::DotLook& dot, const PigmentOptics& optics) {
    const double radius = 0.5 * std::max(0.0, dot.diameterMm);
    // Fresh dots go past shade 1 (darker than healed, up to about +50%); 2 caps a runaway value.
    return std::clamp(double(dot.shade), 0.0, 2.0) * optics.absorbanceAtFullShade * std::numbers::pi * radius * radius;
}

DotSplat splatDot(const dots::Dot& dot, const PigmentGrid& grid, const PigmentOptics& optics) {
    return splatDot(preview::settledLook(dot), grid, optics);
}

DotSplat splatDot(const preview::DotLook& dot, const PigmentGrid& grid, const PigmentOptics& optics) {
    const double radius = 0.5 * std::max(0.0, dot.diameterMm);
    const double stretch = std::sqrt(std::max(1.0, double(dot.ellipseRatio)));
    // A uniform ellipse with semi-axis a has variance a^2/4 along it; blurs add variances.
    const double scatter2 = optics.scatterSigmaMm * optics.scatterSigmaMm + double(dot.blurMm) * double(dot.blurMm);
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

namespace {

// Texel indices whose centres (i + 0.5) lie in [lo, hi], clamped to ints far past any texture.
int firstTexelFrom(double lo) {
    return int(std::clamp(std::ceil(lo - 0.5), -1e9, 1e9));
}
int lastTexelTo(double hi) {
    return int(std::clamp(std::floor(hi - 0.5), -1e9, 1e9));
}

}  // namespace

SplatShape shapeOf(const DotSplat& splat) {
    const double cosA = std::cos(double(splat.angleRad)), sinA = std::sin(double(splat.angleRad));
    const double long2 = double(splat.sigmaLong) * splat.sigmaLong,
                 short2 = double(splat.sigmaShort) * splat.sigmaShort;
    SplatShape shape;
    shape.centreX = splat.centreX;
    shape.centreY = splat.centreY;
    shape.peakAbsorbance = splat.peakAbsorbance;
    shape.a = float(cosA * cosA / long2 + sinA * sinA / short2);
    shape.b = float(cosA * sinA * (1.0 / long2 - 1.0 / short2));
    shape.c = float(sinA * sinA / long2 + cosA * cosA / short2);
    // R sqrt(variance along the axis).
    shape.reachX = float(kSplatReachSigmas * std::sqrt(long2 * cosA * cosA + short2 * sinA * sinA));
    shape.reachY = float(kSplatReachSigmas * std::sqrt(long2 * sinA * sinA + short2 * cosA * cosA));
    return shape;
}

core::RectPx splatReach(const SplatShape& shape) {
    if (!(shape.peakAbsorbance > 0.0f)) return {};
    const int x0 = firstTexelFrom(double(shape.centreX) - shape.reachX),
              x1 = lastTexelTo(double(shape.centreX) + shape.reachX);
    const int y0 = firstTexelFrom(double(shape.centreY) - shape.reachY),
              y1 = lastTexelTo(double(shape.centreY) + shape.reachY);
    return {x0, y0, x1 - x0 + 1, y1 - y0 + 1};
}

void addSplat(const SplatShape& shape, float* raster, int rowStride, core::RectPx clip, int texelStride) {
    if (!(shape.peakAbsorbance > 0.0f) || clip.empty()) return;
    const double a = shape.a, b = shape.b, c = shape.c, cx = shape.centreX, cy = shape.centreY;
    const double reach2 = double(kSplatReachSigmas) * kSplatReachSigmas;
    const int y0 = std::max(clip.y, firstTexelFrom(cy - shape.reachY));
    const int y1 = std::min(clip.y + clip.height - 1, lastTexelTo(cy + shape.reachY));
    if (y0 > y1 || clip.x > lastTexelTo(cx + shape.reachX) ||
        clip.x + clip.width - 1 < firstTexelFrom(cx - shape.reachX))
        return;
    // Along a row the exponent is quadratic in x, so each texel's value is the last one times a
    // ratio that itself shrinks by exp(-a) per texel: two exp() a row instead of one a texel, which
    // would be most of the splat's cost.
    const double ratioStep = std::exp(-a), overA = 1.0 / a;
    for (int y = y0; y <= y1; ++y) {
        const double dy = y + 0.5 - cy;
        // The row's stretch inside the reach: a dx^2 + 2b dy dx + c dy^2 <= R^2.
        const double discriminant = b * b * dy * dy - a * (c * dy * dy - reach2);
        if (discriminant < 0.0) continue;
        const double root = std::sqrt(discriminant);
        const int x0 = std::max(clip.x, firstTexelFrom(cx + (-b * dy - root) * overA));
        const int x1 = std::min(clip.x + clip.width - 1, lastTexelTo(cx + (-b * dy + root) * overA));
        if (x0 > x1) continue;
        const double dx = x0 + 0.5 - cx;
        double value = shape.peakAbsorbance * std::exp(-0.5 * (a * dx * dx + 2.0 * b * dx * dy + c * dy * dy));
        double ratio = std::exp(-0.5 * (a * (2.0 * dx + 1.0) + 2.0 * b * dy));
        float* texel = raster + std::ptrdiff_t(y) * rowStride + std::ptrdiff_t(x0) * texelStride;
        for (int x = x0; x <= x1; ++x, texel += texelStride) {
            *texel += float(value);
            value *= ratio;
            ratio *= ratioStep;
        }
    }
}

}  // namespace smp::render
