#pragma once
// The hairline styles artists name (DOMAIN.md), each built from a few measurements in mm in the
// face frame: height of the mid-frontal point above the glabella, the frontotemporal corners
// on the vertical through the outer eye corners, the centre lower than the temples.

#include "core/design/FaceFrame.h"
#include "core/design/Hairline.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace smp::design {

enum class HairlineStyle { Rounded, Boxed, Peaked, Receded, Natural };

std::string_view styleName(HairlineStyle style);
std::optional<HairlineStyle> styleFromName(std::string_view name);

// Published placement of the mid-frontal point above the glabella (DOMAIN.md).
inline constexpr double kMaleHairlineHeightMm = 80.0;    // 70 aggressive .. 100 conservative
inline constexpr double kFemaleHairlineHeightMm = 55.0;

struct StyleParams {
    HairlineStyle style = HairlineStyle::Rounded;
    double heightMm = kMaleHairlineHeightMm;  // mid-frontal point above the glabella
    double cornerRiseMm = 8.0;     // frontotemporal corners above the mid-frontal point (rounded, boxed, natural)
    double peakDepthMm = 12.0;     // peaked: how far the widow's peak dips below its shoulders
    double recessionMm = 20.0;     // receded: how much higher the temple corners sit than the centre
    double irregularityMm = 2.0;   // natural: largest offset of a control point along the line's normal
    double transitionMm = 6.0;     // 0 sharp/defined .. 5-10 soft/faded/scattered
    std::uint64_t seed = 1;        // natural: which irregularity

    friend bool operator==(const StyleParams&, const StyleParams&) = default;
};

// Throws core::UsageError naming the parameter when one is out of range (height 20-150 mm,
// depths 0-60 mm, irregularity 0-10 mm, transition 0-30 mm).
void validateStyle(const StyleParams& params);

// Control points for the style. Heights are measured on the skin and projected onto the photo
// with the frame's forehead radius. Every style but natural comes out mirrored.
[[nodiscard]] Hairline makeHairline(const StyleParams& params, const FaceFrame& frame);

}  // namespace smp::design
