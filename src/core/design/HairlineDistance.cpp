#include "core/design/HairlineDistance.h"

#include "core/Errors.h"

#include <algorithm>
#include <cmath>

namespace smp::design {

using core::Vec2;

namespace {

// A 0.5 mm chord strays 0.003 mm from a 10 mm-radius temple corner: far below a dot.
constexpr double kTraceStepMm = 0.5;
// Where the downward extensions of the line are closed off into a polygon: beyond any photo.
constexpr double kFarMm = 1e6;

Vec2 unitUp(const FaceFrame& frame) {
    const double length = core::length(frame.up);
    if (!(std::isfinite(length) && length > 0.0))
        throw core::UsageError("face frame: the up direction must be a finite, non-zero vector");
    return frame.up * (1.0 / length);
}

// A piece of the line, ready for the many distance queries of a raster: no division, no root.
struct Segment {
    Vec2 a, d;
    double inverseLengthSquared;

    Segment(Vec2 from, Vec2 to) : a(from), d(to - from) {
        const double lengthSquared = core::dot(d, d);
        inverseLengthSquared = lengthSquared > 0.0 ? 1.0 / lengthSquared : 0.0;
    }
    [[nodiscard]] double squaredDistance(Vec2 p) const {
        const double px = p.x - a.x, py = p.y - a.y;
        const double t = std::min(1.0, std::max(0.0, (px * d.x + py * d.y) * inverseLengthSquared));
        const double qx = px - d.x * t, qy = py - d.y * t;
        return qx * qx + qy * qy;
    }
};

// The face side of the edge is the inside of a closed polygon: the edge, straight down from
// both its far ends to kFarMm, and the segment that joins those. Its inside is decided by the
// even-odd rule, so the side is defined exactly however the artist bends or even loops the
// line, and a point's side and a raster's sides (scanned row by row) come from the very same
// crossings.
template <class EdgeFn> void forEachFrontEdge(const std::vector<Vec2>& edge, Vec2 down, EdgeFn visit) {
    const Vec2 farFirst = edge.front() + down * kFarMm, farLast = edge.back() + down * kFarMm;
    visit(farFirst, edge.front());
    for (std::size_t i = 0; i + 1 < edge.size(); ++i)
        visit(edge[i], edge[i + 1]);
    visit(edge.back(), farLast);
    visit(farLast, farFirst);
}

// The treated scalp's edge: from each temple point down to the eye line (where sideburns end),
// then outward, away from the face, far beyond the photo. The sideburn slants outward as it goes
// down: the temporal hairline runs back toward the ear, which a frontal photo shows as outward.
constexpr double kSideburnOutwardMm = 10.0;

std::vector<Vec2> scalpEdge(const std::vector<Vec2>& trace, const FaceFrame& frame, Vec2 up) {
    FaceFrame unit = frame;
    unit.up = up;
    const Vec2 across = unit.across();
    const double sideburnAbove = -std::max(0.0, frame.eyeLineMm);
    // Outward is away from the midline, whichever way the artist drew the line.
    const double leftSide = unit.acrossOf(trace.front()) <= unit.acrossOf(trace.back()) ? -1.0 : 1.0;
    const auto sideburn = [&](Vec2 end, double outward) {
        const double drop = unit.aboveOf(end) - sideburnAbove;
        return drop > 0.0 ? end - up * drop + across * (outward * kSideburnOutwardMm) : end;
    };
    const Vec2 left = sideburn(trace.front(), leftSide), right = sideburn(trace.back(), -leftSide);
    std::vector<Vec2> edge{left + across * (leftSide * kFarMm)};
    if (left != trace.front()) edge.push_back(left);
    edge.insert(edge.end(), trace.begin(), trace.end());
    if (right != trace.back()) edge.push_back(right);
    edge.push_back(right + across * (-leftSide * kFarMm));
    return edge;
}

// Calls hit(x) for every edge crossing the horizontal line at y, half-open in y so that a
// vertex on the line counts once.
template <class HitFn> void forEachCrossing(const std::vector<Vec2>& trace, Vec2 down, double y, HitFn hit) {
    forEachFrontEdge(trace, down, [&](Vec2 a, Vec2 b) {
        if ((a.y <= y) != (b.y <= y)) hit(a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y));
    });
}

}  // namespace

HairlineDistance::HairlineDistance(const Hairline& hairline, const FaceFrame& frame) {
    const Vec2 up = unitUp(frame);
    edge_ = scalpEdge(traceHairline(hairline, kTraceStepMm), frame, up);
    down_ = up * -1.0;
}

double HairlineDistance::at(Vec2 mm) const {
    double nearestSquared = HUGE_VAL;
    for (std::size_t i = 0; i + 1 < edge_.size(); ++i)
        nearestSquared = std::min(nearestSquared, Segment(edge_[i], edge_[i + 1]).squaredDistance(mm));
    int crossings = 0;
    forEachCrossing(edge_, down_, mm.y, [&](double x) { crossings += x <= mm.x; });
    const double nearest = std::sqrt(nearestSquared);
    return crossings % 2 == 1 ? -nearest : nearest;
}

std::vector<double> HairlineDistance::onRaster(Vec2 originMm, double spacingMm, int columns, int rows,
                                               double bandMm) const {
    if (columns <= 0 || rows <= 0 || !(spacingMm > 0.0) || !(bandMm >= 0.0) || !std::isfinite(spacingMm + bandMm))
        throw core::UsageError("hairline distance: a raster needs nodes, a positive spacing and a band >= 0 mm");
    const Vec2 down = down_;
    const auto node = [&](int c, int r) { return Vec2{originMm.x + c * spacingMm, originMm.y + r * spacingMm}; };
    const auto index = [&](int c, int r) { return static_cast<std::size_t>(r) * columns + c; };
    std::vector<double> out(static_cast<std::size_t>(columns) * rows, HUGE_VAL);
    // The sides, row by row: a node is in front when an odd number of crossings lie at or left of it.
    std::vector<double> xs;
    for (int r = 0; r < rows; ++r) {
        xs.clear();
        forEachCrossing(edge_, down, node(0, r).y, [&](double x) { xs.push_back(x); });
        std::sort(xs.begin(), xs.end());
        std::size_t k = 0;
        for (int c = 0; c < columns; ++c) {
            while (k < xs.size() && xs[k] <= node(c, r).x)
                ++k;
            if (k % 2 == 1) out[index(c, r)] = -HUGE_VAL;
        }
    }
    // The distances, segment by segment over the nodes its band can reach: per row, the part
    // of the segment within bandMm of the row, widened by bandMm.
    std::vector<double> nearestSquared(out.size(), HUGE_VAL);
    auto visit = [&](Vec2 a, Vec2 b) {
        const Segment segment(a, b);
        const double dy = b.y - a.y;
        const Vec2 middle = (a + b) * 0.5;
        const double reachSquared = std::pow(bandMm + 0.5 * core::distance(a, b), 2);
        const int r0 = std::max(0, static_cast<int>(std::ceil((std::min(a.y, b.y) - bandMm - originMm.y) / spacingMm)));
        const int r1 =
            std::min(rows - 1, static_cast<int>(std::floor((std::max(a.y, b.y) + bandMm - originMm.y) / spacingMm)));
        for (int r = r0; r <= r1; ++r) {
            const double y = node(0, r).y;
            double t0 = 0.0, t1 = 1.0;
            if (dy != 0.0) {
                const double ta = (y - bandMm - a.y) / dy, tb = (y + bandMm - a.y) / dy;
                t0 = std::max(0.0, std::min(ta, tb)), t1 = std::min(1.0, std::max(ta, tb));
                if (t0 > t1) continue;
            }
            const double xa = a.x + (b.x - a.x) * t0, xb = a.x + (b.x - a.x) * t1;
            double lo = std::min(xa, xb) - bandMm, hi = std::max(xa, xb) + bandMm;
            // A short segment's band also lies in a disc about its middle: a quarter fewer nodes.
            const double across = reachSquared - (y - middle.y) * (y - middle.y);
            if (across < 0.0) continue;
            lo = std::max(lo, middle.x - std::sqrt(across)), hi = std::min(hi, middle.x + std::sqrt(across));
            const int c0 = std::max(0, static_cast<int>(std::ceil((lo - originMm.x) / spacingMm)));
            const int c1 = std::min(columns - 1, static_cast<int>(std::floor((hi - originMm.x) / spacingMm)));
            double* best = nearestSquared.data() + index(0, r);
            const double py = y - a.y;
            for (int c = c0; c <= c1; ++c) {  // Segment::squaredDistance, spelled out to vectorise
                const double px = originMm.x + c * spacingMm - a.x;
                double t = (px * segment.d.x + py * segment.d.y) * segment.inverseLengthSquared;
                t = t < 0.0 ? 0.0 : t;
                t = t > 1.0 ? 1.0 : t;
                const double qx = px - segment.d.x * t, qy = py - segment.d.y * t;
                const double squared = qx * qx + qy * qy;
                best[c] = squared < best[c] ? squared : best[c];
            }
        }
    };
    for (std::size_t i = 0; i + 1 < edge_.size(); ++i)
        visit(edge_[i], edge_[i + 1]);
    for (std::size_t i = 0; i < out.size(); ++i)
        if (nearestSquared[i] <= bandMm * bandMm) out[i] = std::copysign(std::sqrt(nearestSquared[i]), out[i]);
    return out;
}

}  // namespace smp::design
