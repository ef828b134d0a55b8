#pragma once
// Density fields and small helpers shared by the dot engine's tests.

#include "DotMetrics.h"
#include "core/dots/DensityField.h"
#include "core/dots/LayerSampler.h"
#include "core/dots/Spacing.h"

#include <vector>

namespace smp::test {

inline dots::RectMm square(double side) {
    return {0.0, 0.0, side, side};
}

// Density rising linearly along x from `left` to `right` dots/cm2 (10:1 in the tests).
inline dots::DensityField gradientField(dots::RectMm area, double left, double right) {
    return dots::DensityField::fromFunction(area, 1.0, [&](core::Vec2 p) {
        const double t = (p.x - area.x0) / area.width();
        return dots::FieldValue{left + (right - left) * t, 1.0, 0.0, 0.0};
    });
}

inline std::vector<core::Vec2> positions(const std::vector<dots::SampledDot>& dots) {
    std::vector<core::Vec2> out;
    for (const auto& d : dots)
        out.push_back(d.position);
    return out;
}

inline std::vector<double> spacings(const std::vector<dots::SampledDot>& dots) {
    std::vector<double> out;
    for (const auto& d : dots)
        out.push_back(d.spacing);
    return out;
}

inline Area areaOf(const dots::RectMm& r, bool periodic = false) {
    return {r.x0, r.y0, r.x1, r.y1, periodic};
}

}  // namespace smp::test
