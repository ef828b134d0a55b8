#include "ui/CanvasMapping.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace smp::ui {
namespace {

double distanceToSegment(core::Vec2 p, core::Vec2 a, core::Vec2 b) {
    const core::Vec2 ab = b - a;
    const double lengthSquared = ab.x * ab.x + ab.y * ab.y;
    if (lengthSquared <= 0.0) return core::length(p - a);
    const double t = std::clamp(((p.x - a.x) * ab.x + (p.y - a.y) * ab.y) / lengthSquared, 0.0, 1.0);
    return core::length(p - (a + ab * t));
}

}  // namespace

int hitHandle(const std::vector<core::Vec2>& pointsMm, const CanvasMapping& mapping, core::Vec2 screen,
              double radiusPx) {
    int nearest = -1;
    double nearestDistance = radiusPx;
    for (std::size_t i = 0; i < pointsMm.size(); ++i) {
        const double distance = core::length(mapping.toScreen(pointsMm[i]) - screen);
        if (distance <= nearestDistance) {
            nearest = static_cast<int>(i);
            nearestDistance = distance;
        }
    }
    return nearest;
}

double distanceToCurvePx(const std::vector<core::Vec2>& traceMm, const CanvasMapping& mapping, core::Vec2 screen) {
    if (traceMm.empty()) return std::numeric_limits<double>::infinity();
    core::Vec2 previous = mapping.toScreen(traceMm.front());
    double nearest = core::length(previous - screen);
    for (std::size_t i = 1; i < traceMm.size(); ++i) {
        const core::Vec2 next = mapping.toScreen(traceMm[i]);
        nearest = std::min(nearest, distanceToSegment(screen, previous, next));
        previous = next;
    }
    return nearest;
}

}  // namespace smp::ui
