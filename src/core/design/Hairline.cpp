#include "core/design/Hairline.h"

#include "core/Errors.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>
#include <string>

namespace smp::design {
namespace {

using core::Vec2;

// Closer than this, two consecutive control points make a spline span of no length.
constexpr double kMinPointGapMm = 0.1;

[[noreturn]] void refuse(const std::string& what) { throw core::UsageError("hairline: " + what); }

std::string pointName(int index) { return "control point " + std::to_string(index + 1); }

// Centripetal Catmull-Rom (alpha = 1/2) between p1 and p2, at u in [0, 1], by the
// Barry-Goldman pyramid over knots spaced by the square root of the chord lengths.
Vec2 catmullRom(Vec2 p0, Vec2 p1, Vec2 p2, Vec2 p3, double u) {
    const double t0 = 0.0;
    const double t1 = t0 + std::sqrt(core::distance(p0, p1));
    const double t2 = t1 + std::sqrt(core::distance(p1, p2));
    const double t3 = t2 + std::sqrt(core::distance(p2, p3));
    const double t = t1 + (t2 - t1) * u;
    const auto lerp = [](Vec2 a, Vec2 b, double ta, double tb, double tt) {
        return a * ((tb - tt) / (tb - ta)) + b * ((tt - ta) / (tb - ta));
    };
    const Vec2 a1 = lerp(p0, p1, t0, t1, t);
    const Vec2 a2 = lerp(p1, p2, t1, t2, t);
    const Vec2 a3 = lerp(p2, p3, t2, t3, t);
    const Vec2 b1 = lerp(a1, a2, t0, t2, t);
    const Vec2 b2 = lerp(a2, a3, t1, t3, t);
    return lerp(b1, b2, t1, t2, t);
}

// The four points that shape span i (from point i to point i+1). The ends get phantom points
// reflected through the end point, so the curve leaves its ends straight.
struct SpanPoints {
    Vec2 p0, p1, p2, p3;
};

SpanPoints spanPoints(const std::vector<Vec2>& pts, std::size_t i) {
    const std::size_t n = pts.size();
    const Vec2 p1 = pts[i];
    const Vec2 p2 = pts[i + 1];
    const Vec2 p0 = i > 0 ? pts[i - 1] : p1 * 2.0 - p2;
    const Vec2 p3 = i + 2 < n ? pts[i + 2] : p2 * 2.0 - p1;
    return {p0, p1, p2, p3};
}

Vec2 evaluate(const SpanPoints& s, double u) { return catmullRom(s.p0, s.p1, s.p2, s.p3, u); }

// Appends points of the span strictly after u0 up to and including u1, halving any step longer
// than maxStep: the step bound holds exactly, not just on average.
void appendSpan(const SpanPoints& s, double u0, Vec2 a, double u1, Vec2 b, double maxStepMm,
                std::vector<Vec2>& out, int depth = 0) {
    if (core::distance(a, b) > maxStepMm && depth < 40) {
        const double um = 0.5 * (u0 + u1);
        const Vec2 m = evaluate(s, um);
        appendSpan(s, u0, a, um, m, maxStepMm, out, depth + 1);
        appendSpan(s, um, m, u1, b, maxStepMm, out, depth + 1);
        return;
    }
    out.push_back(b);
}

void checkIndex(const Hairline& hairline, int index) {
    if (index < 0 || index >= static_cast<int>(hairline.points.size()))
        refuse(pointName(index) + " does not exist; the hairline has " + std::to_string(hairline.points.size()) +
               " points");
}

int partnerOf(const Hairline& hairline, int index) { return static_cast<int>(hairline.points.size()) - 1 - index; }

double distanceToSegment(Vec2 p, Vec2 a, Vec2 b) {
    const Vec2 ab = b - a;
    const double len2 = core::dot(ab, ab);
    const double t = len2 > 0.0 ? std::clamp(core::dot(p - a, ab) / len2, 0.0, 1.0) : 0.0;
    return core::distance(p, a + ab * t);
}

// The control span (point k to point k+1) whose traced curve passes nearest to mm.
int nearestSpan(const Hairline& hairline, Vec2 mm) {
    int best = 0;
    double bestDistance = std::numeric_limits<double>::infinity();
    for (std::size_t k = 0; k + 1 < hairline.points.size(); ++k) {
        const SpanPoints s = spanPoints(hairline.points, k);
        std::vector<Vec2> trace{s.p1};
        appendSpan(s, 0.0, s.p1, 1.0, s.p2, 0.5, trace);
        for (std::size_t i = 0; i + 1 < trace.size(); ++i) {
            const double d = distanceToSegment(mm, trace[i], trace[i + 1]);
            if (d < bestDistance) {
                bestDistance = d;
                best = static_cast<int>(k);
            }
        }
    }
    return best;
}

}  // namespace

void validateHairline(const Hairline& hairline) {
    const auto n = static_cast<int>(hairline.points.size());
    if (n < kMinHairlinePoints || n > kMaxHairlinePoints) {
        std::ostringstream message;
        message << "has " << n << " control points; it needs " << kMinHairlinePoints << " to " << kMaxHairlinePoints;
        refuse(message.str());
    }
    for (int i = 0; i < n; ++i) {
        const Vec2 p = hairline.points[static_cast<std::size_t>(i)];
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) refuse(pointName(i) + " is not a finite position");
        if (i > 0 && core::distance(p, hairline.points[static_cast<std::size_t>(i) - 1]) < kMinPointGapMm) {
            std::ostringstream message;
            message << pointName(i) << " lies on " << pointName(i - 1) << " (closer than " << kMinPointGapMm
                    << " mm); move or delete one of them";
            refuse(message.str());
        }
    }
    if (!std::isfinite(hairline.transitionMm) || hairline.transitionMm < 0.0 || hairline.transitionMm > kMaxTransitionMm) {
        std::ostringstream message;
        message << "transition width " << hairline.transitionMm << " mm is outside 0 to " << kMaxTransitionMm << " mm";
        refuse(message.str());
    }
}

std::vector<Vec2> traceHairline(const Hairline& hairline, double maxStepMm) {
    validateHairline(hairline);
    if (!(maxStepMm > 0.0)) refuse("trace step must be positive");
    std::vector<Vec2> trace{hairline.points.front()};
    for (std::size_t k = 0; k + 1 < hairline.points.size(); ++k) {
        const SpanPoints s = spanPoints(hairline.points, k);
        appendSpan(s, 0.0, s.p1, 1.0, s.p2, maxStepMm, trace);
        trace.back() = s.p2;  // the span ends exactly on its control point
    }
    return trace;
}

int hitControlPoint(const Hairline& hairline, Vec2 mm, double radiusMm) {
    int best = -1;
    double bestDistance = radiusMm;
    for (std::size_t i = 0; i < hairline.points.size(); ++i) {
        const double d = core::distance(hairline.points[i], mm);
        if (d <= bestDistance) {
            bestDistance = d;
            best = static_cast<int>(i);
        }
    }
    return best;
}

void moveControlPoint(Hairline& hairline, const FaceFrame& frame, int index, Vec2 to) {
    checkIndex(hairline, index);
    if (!std::isfinite(to.x) || !std::isfinite(to.y)) refuse(pointName(index) + " cannot move to a non-finite position");
    auto& pts = hairline.points;
    const int partner = partnerOf(hairline, index);
    if (!hairline.mirrored) {
        pts[static_cast<std::size_t>(index)] = to;
    } else if (partner == index) {
        pts[static_cast<std::size_t>(index)] = frame.toPhoto(0.0, frame.aboveOf(to));
    } else {
        pts[static_cast<std::size_t>(index)] = to;
        pts[static_cast<std::size_t>(partner)] = frame.mirror(to);
    }
}

int insertControlPoint(Hairline& hairline, const FaceFrame& frame, Vec2 mm) {
    validateHairline(hairline);
    auto& pts = hairline.points;
    const int n = static_cast<int>(pts.size());
    const int span = nearestSpan(hairline, mm);
    const int mirrorSpan = n - 2 - span;
    const auto at = [&pts](int index) { return pts.begin() + index; };
    if (!hairline.mirrored) {
        if (n + 1 > kMaxHairlinePoints) refuse("already has the most control points allowed");
        pts.insert(at(span + 1), mm);
        return span + 1;
    }
    if (mirrorSpan == span) {  // the span across the midline: one new point, on it
        if (n + 1 > kMaxHairlinePoints) refuse("already has the most control points allowed");
        pts.insert(at(span + 1), frame.toPhoto(0.0, frame.aboveOf(mm)));
        return span + 1;
    }
    if (n + 2 > kMaxHairlinePoints) refuse("already has the most control points allowed");
    const int low = std::min(span, mirrorSpan);
    const int high = std::max(span, mirrorSpan);
    const Vec2 lowPoint = span == low ? mm : frame.mirror(mm);
    const Vec2 highPoint = span == high ? mm : frame.mirror(mm);
    pts.insert(at(high + 1), highPoint);  // the later one first, so `low` still indexes the same span
    pts.insert(at(low + 1), lowPoint);
    return span == low ? low + 1 : high + 2;
}

void deleteControlPoint(Hairline& hairline, int index) {
    checkIndex(hairline, index);
    auto& pts = hairline.points;
    const int partner = partnerOf(hairline, index);
    const bool pair = hairline.mirrored && partner != index;
    const int remaining = static_cast<int>(pts.size()) - (pair ? 2 : 1);
    if (remaining < kMinHairlinePoints)
        refuse("cannot delete " + pointName(index) + ": a hairline needs at least " +
               std::to_string(kMinHairlinePoints) + " control points");
    if (pair) {
        pts.erase(pts.begin() + std::max(index, partner));
        pts.erase(pts.begin() + std::min(index, partner));
    } else {
        pts.erase(pts.begin() + index);
    }
}

void makeSymmetric(Hairline& hairline, const FaceFrame& frame) {
    auto& pts = hairline.points;
    const std::size_t n = pts.size();
    for (std::size_t i = 0; i < n / 2; ++i) pts[n - 1 - i] = frame.mirror(pts[i]);
    if (n % 2 == 1) pts[n / 2] = frame.toPhoto(0.0, frame.aboveOf(pts[n / 2]));
    hairline.mirrored = true;
}

}  // namespace smp::design
