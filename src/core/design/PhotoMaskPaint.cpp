// Painting shapes into a PhotoMask: polygons, discs and brush strokes, a row span at a time.
#include "core/design/PhotoMask.h"

#include "core/Errors.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <sstream>
#include <string>

namespace smp::design {

namespace {

// A real interval of x on one row.
struct Span {
    double lo = 0.0;
    double hi = 0.0;
};

void requireFinite(core::Vec2 p, const char* what, std::size_t index) {
    if (std::isfinite(p.x) && std::isfinite(p.y)) return;
    std::ostringstream message;
    message << "photo mask: " << what << " " << index << " is not a number (" << p.x << ", " << p.y << ")";
    throw core::UsageError(message.str());
}

void requireRadius(double radiusPx) {
    if (std::isfinite(radiusPx) && radiusPx >= 0.0) return;
    throw core::UsageError("photo mask: a brush radius must be a number of pixels >= 0, not " +
                           std::to_string(radiusPx));
}

// Photo coordinates can be anything a drag produces; clamp before turning them into ints.
int pixelIndex(double x, int limit) {
    return static_cast<int>(std::clamp(x, -1.0, static_cast<double>(limit) + 1.0));
}

// The x where lo <= slope * x + offset <= hi, as a span (possibly empty or unbounded).
Span linearRange(double slope, double offset, double lo, double hi) {
    if (slope == 0.0) {
        const bool all = offset >= lo && offset <= hi;
        return all ? Span{-HUGE_VAL, HUGE_VAL} : Span{1.0, 0.0};
    }
    const double a = (lo - offset) / slope, b = (hi - offset) / slope;
    return {std::min(a, b), std::max(a, b)};
}

// The squared distance from p to the segment ab: the exact rule a pixel centre is judged by.
double distanceSquared(core::Vec2 p, core::Vec2 a, core::Vec2 b) {
    const core::Vec2 d = b - a;
    const double lengthSquared = core::dot(d, d);
    const double t = lengthSquared > 0.0 ? std::clamp(core::dot(p - a, d) / lengthSquared, 0.0, 1.0) : 0.0;
    const core::Vec2 q = p - (a + d * t);
    return core::dot(q, q);
}

// Where the row through height y meets the capsule (all points within r of ab): the union of
// the two end discs and the slab between them, one interval since the capsule is convex.
std::optional<Span> capsuleSpan(core::Vec2 a, core::Vec2 b, double r, double y) {
    std::optional<Span> out;
    auto widen = [&](Span s) {
        if (s.lo > s.hi) return;
        out = out ? Span{std::min(out->lo, s.lo), std::max(out->hi, s.hi)} : s;
    };
    for (const core::Vec2 c : {a, b}) {
        const double dy = y - c.y;
        if (dy * dy <= r * r) {
            const double half = std::sqrt(r * r - dy * dy);
            widen({c.x - half, c.x + half});
        }
    }
    const core::Vec2 d = b - a;
    const double length = core::length(d);
    if (length > 0.0) {
        // Along the segment: 0 <= (p - a).d <= |d|^2; across it: |d x (p - a)| <= r |d|.
        const Span along = linearRange(d.x, (y - a.y) * d.y - a.x * d.x, 0.0, length * length);
        const Span across = linearRange(-d.y, d.x * (y - a.y) + d.y * a.x, -r * length, r * length);
        widen({std::max(along.lo, across.lo), std::min(along.hi, across.hi)});
    }
    return out;
}

}  // namespace

void PhotoMask::paintPolygon(std::span<const core::Vec2> cornersPx, bool add) {
    for (std::size_t i = 0; i < cornersPx.size(); ++i)
        requireFinite(cornersPx[i], "polygon corner", i);
    if (cornersPx.size() < 3) return;
    // Every edge's crossings with the rows' centre lines, half-open in y so a corner on a
    // centre line counts once; sorted by row, then pairs of crossings bound the inside.
    struct Crossing {
        int y;
        double x;
    };
    std::vector<Crossing> crossings;
    for (std::size_t i = 0; i < cornersPx.size(); ++i) {
        const core::Vec2 a = cornersPx[i], b = cornersPx[(i + 1) % cornersPx.size()];
        if (a.y == b.y) continue;
        const int yFirst = std::max(0, pixelIndex(std::ceil(std::min(a.y, b.y) - 0.5), size_.height));
        const int yEnd = std::min(size_.height, pixelIndex(std::ceil(std::max(a.y, b.y) - 0.5), size_.height));
        const double slope = (b.x - a.x) / (b.y - a.y);
        for (int y = yFirst; y < yEnd; ++y)
            crossings.push_back({y, a.x + (y + 0.5 - a.y) * slope});
    }
    std::sort(crossings.begin(), crossings.end(),
              [](const Crossing& l, const Crossing& r) { return l.y != r.y ? l.y < r.y : l.x < r.x; });
    // Centres x + 0.5 in [from, to): the pixels ceil(from - 0.5) .. ceil(to - 0.5) - 1.
    for (std::size_t i = 0; i + 1 < crossings.size(); i += 2)
        paintRow(crossings[i].y, pixelIndex(std::ceil(crossings[i].x - 0.5), size_.width),
                 pixelIndex(std::ceil(crossings[i + 1].x - 0.5), size_.width), add);
}

void PhotoMask::paintDisc(core::Vec2 centrePx, double radiusPx, bool add) {
    const core::Vec2 path[] = {centrePx};
    paintStroke(path, radiusPx, add);
}

void PhotoMask::paintStroke(std::span<const core::Vec2> pathPx, double radiusPx, bool add) {
    requireRadius(radiusPx);
    for (std::size_t i = 0; i < pathPx.size(); ++i)
        requireFinite(pathPx[i], "stroke point", i);
    const double r2 = radiusPx * radiusPx;
    // One capsule per segment (a lone point is a capsule of length 0), row span by row span.
    const std::size_t segments = pathPx.size() > 1 ? pathPx.size() - 1 : pathPx.size();
    for (std::size_t i = 0; i < segments; ++i) {
        const core::Vec2 a = pathPx[i], b = pathPx[std::min(i + 1, pathPx.size() - 1)];
        const int yFirst = std::max(0, pixelIndex(std::ceil(std::min(a.y, b.y) - radiusPx - 0.5), size_.height));
        const int yLast =
            std::min(size_.height - 1, pixelIndex(std::floor(std::max(a.y, b.y) + radiusPx - 0.5), size_.height));
        for (int y = yFirst; y <= yLast; ++y) {
            const std::optional<Span> span = capsuleSpan(a, b, radiusPx, y + 0.5);
            if (!span) continue;
            // The formula may be off by rounding at the ends: settle them with the exact rule.
            auto in = [&](int x) { return distanceSquared({x + 0.5, y + 0.5}, a, b) <= r2; };
            int x0 = std::max(0, pixelIndex(std::ceil(span->lo - 0.5), size_.width));
            int x1 = std::min(size_.width, pixelIndex(std::floor(span->hi - 0.5) + 1.0, size_.width));
            while (x0 < x1 && !in(x0))
                ++x0;
            while (x1 > x0 && !in(x1 - 1))
                --x1;
            if (x0 == x1) continue;
            while (x0 > 0 && in(x0 - 1))
                --x0;
            while (x1 < size_.width && in(x1))
                ++x1;
            paintRow(y, x0, x1, add);
        }
    }
}

}  // namespace smp::design
