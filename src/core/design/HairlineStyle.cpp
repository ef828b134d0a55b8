#include "core/design/HairlineStyle.h"

#include "core/Errors.h"
#include "core/dots/DotHash.h"

#include <array>
#include <cmath>
#include <sstream>

namespace smp::design {
namespace {

// A control point in the face frame: mm across the midline (image-right positive) and above
// the glabella.
struct FramePoint {
    double across;
    double above;
};

// The temporal points: where the line turns down the side of the head, a centimetre beyond the
// corner (DOMAIN.md) and well below it.
constexpr double kTempleBeyondCornerMm = 11.0;
constexpr double kTempleHeightShare = 0.55;  // of the mid-frontal height

// Tags the hash stream of the natural style's irregularity, apart from every dot stream.
constexpr std::uint64_t kNaturalStream = 0x4e61747572616cULL;

void checkRange(const char* name, double value, double low, double high) {
    if (!std::isfinite(value) || value < low || value > high) {
        std::ostringstream message;
        message << "hairline style: " << name << " " << value << " mm is outside " << low << " to " << high << " mm";
        throw core::UsageError(message.str());
    }
}

// Left half and the middle (across <= 0), ordered from the image-left temple to the midline;
// the right half is its mirror image.
std::vector<FramePoint> leftHalf(const StyleParams& p, double eyeMm) {
    const double h = p.heightMm;
    const double temple = -(eyeMm + kTempleBeyondCornerMm);
    const double templeAbove = kTempleHeightShare * h;
    switch (p.style) {
    case HairlineStyle::Rounded:
    case HairlineStyle::Natural:
        return {{temple, templeAbove}, {-eyeMm, h + p.cornerRiseMm}, {-0.55 * eyeMm, h + 0.4 * p.cornerRiseMm}, {0.0, h}};
    case HairlineStyle::Boxed:
        // Three collinear points each side of the middle: the span between the inner ones
        // (and so the whole centre) is an exactly straight, flat segment.
        return {{temple, templeAbove},
                {-eyeMm, h + 0.5 * p.cornerRiseMm},
                {-0.92 * eyeMm, h + 0.15 * p.cornerRiseMm},
                {-0.6 * eyeMm, h},
                {-0.3 * eyeMm, h},
                {0.0, h}};
    case HairlineStyle::Peaked:
        // The shoulders sit level with the rounded style's centre; the peak dips below them.
        return {{temple, templeAbove},
                {-eyeMm, h + p.cornerRiseMm},
                {-0.4 * eyeMm, h + 0.2 * p.cornerRiseMm},
                {-0.13 * eyeMm, h - 0.55 * p.peakDepthMm},
                {0.0, h - p.peakDepthMm}};
    case HairlineStyle::Receded:
        // M-shaped: the corners are set back by the recession depth, the centre stays forward.
        return {{temple, templeAbove + 0.5 * p.recessionMm},
                {-0.9 * eyeMm, h + p.recessionMm},
                {-0.45 * eyeMm, h + 0.35 * p.recessionMm},
                {0.0, h}};
    }
    return {};
}

// Natural lines are not symmetric: each point moves along the line's normal by up to the
// irregularity, from the seed; the end points stay put so the temples do not wander.
void roughen(std::vector<core::Vec2>& pts, const StyleParams& p) {
    for (std::size_t i = 1; i + 1 < pts.size(); ++i) {
        const core::Vec2 tangent = pts[i + 1] - pts[i - 1];
        const double len = core::length(tangent);
        if (len <= 0.0) continue;
        const core::Vec2 normal{-tangent.y / len, tangent.x / len};
        const double u = dots::DotHash(p.seed).combine(kNaturalStream).combine(i).uniform() * 2.0 - 1.0;
        pts[i] = pts[i] + normal * (u * p.irregularityMm);
    }
}

}  // namespace

std::string_view styleName(HairlineStyle style) {
    switch (style) {
    case HairlineStyle::Rounded: return "rounded";
    case HairlineStyle::Boxed: return "boxed";
    case HairlineStyle::Peaked: return "peaked";
    case HairlineStyle::Receded: return "receded";
    case HairlineStyle::Natural: return "natural";
    }
    return "rounded";
}

std::optional<HairlineStyle> styleFromName(std::string_view name) {
    for (HairlineStyle s : {HairlineStyle::Rounded, HairlineStyle::Boxed, HairlineStyle::Peaked, HairlineStyle::Receded,
                            HairlineStyle::Natural})
        if (styleName(s) == name) return s;
    return std::nullopt;
}

void validateStyle(const StyleParams& params) {
    checkRange("height above the glabella", params.heightMm, 20.0, 150.0);
    checkRange("corner rise", params.cornerRiseMm, 0.0, 40.0);
    checkRange("peak depth", params.peakDepthMm, 0.0, 60.0);
    checkRange("recession depth", params.recessionMm, 0.0, 60.0);
    checkRange("irregularity", params.irregularityMm, 0.0, 10.0);
    checkRange("transition width", params.transitionMm, 0.0, kMaxTransitionMm);
}

Hairline makeHairline(const StyleParams& params, const FaceFrame& frame) {
    validateStyle(params);
    const std::vector<FramePoint> half = leftHalf(params, frame.outerEyeMm);
    Hairline hairline;
    hairline.transitionMm = params.transitionMm;
    for (const FramePoint& f : half) hairline.points.push_back(frame.toPhoto(f.across, frame.projectedAbove(f.above)));
    for (std::size_t i = half.size() - 1; i-- > 0;)
        hairline.points.push_back(frame.mirror(hairline.points[i]));
    hairline.mirrored = true;
    if (params.style == HairlineStyle::Natural) {
        hairline.mirrored = false;
        roughen(hairline.points, params);
    }
    validateHairline(hairline);
    return hairline;
}

}  // namespace smp::design
