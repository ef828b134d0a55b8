#include "ui/HoverReadout.h"

#include <cmath>
#include <cstdio>

namespace smp::ui {

std::optional<double> targetDensityAt(const dots::DensityField& field, core::Vec2 mm) {
    if (!field.inside(mm)) return std::nullopt;
    const dots::FieldValue value = field.at(mm);
    if (value.mask < 0.5) return std::nullopt;
    return value.density;
}

std::string hoverReadout(double zoom, std::optional<core::Vec2> cursorMm, const dots::DensityField* field) {
    char text[128];
    std::snprintf(text, sizeof text, "%.0f%%", zoom * 100.0);
    std::string readout = text;
    if (!cursorMm) return readout;
    std::snprintf(text, sizeof text, "   x %.1f mm  y %.1f mm", cursorMm->x, cursorMm->y);
    readout += text;
    if (!field) return readout;
    if (const auto density = targetDensityAt(*field, *cursorMm)) {
        std::snprintf(text, sizeof text, "   target %.0f dots/cm2", std::round(*density));
        readout += text;
    } else {
        readout += "   not treated";
    }
    return readout;
}

}  // namespace smp::ui
