#pragma once
// The client's skin colour read from the photo: a robust CIELAB median of a patch of skin, its
// ITA angle and band (core/design/SkinTone.h), to suggest the dilutions.

#include "core/Geometry.h"
#include "core/Image.h"
#include "core/PhotoScale.h"
#include "core/design/FaceFrame.h"
#include "core/design/SkinTone.h"

namespace smp::vision {

struct SkinReading {
    design::Lab lab;            // median skin colour, highlights and dark specks left out
    double itaDegrees = 0.0;
    design::SkinBand band = design::SkinBand::Intermediate;
    core::RectPx sampledPx;     // the pixels looked at (inside the photo)
    int pixelsUsed = 0;         // how many of them made the median
};

// Of the pixels looked at, this share of the brightest (L*) is dropped as specular highlights
// and this share of the darkest as brows, hair, pores and shadows.
inline constexpr double kSkinHighlightShare = 0.10;
inline constexpr double kSkinShadowShare = 0.10;

// The skin colour of a rectangle of the photo. Transparent pixels (alpha < 128) are not skin and
// are skipped. Throws core::UsageError for an empty or malformed photo and for a rectangle that
// is empty or not wholly inside the photo (the message names both).
[[nodiscard]] SkinReading sampleSkin(const core::Image& photo, core::RectPx rectPx);

// Where the forehead is sampled, in the face frame: from kForeheadBrowClearMm above the glabella
// to kForeheadHairClearMm below the hairline, at most kForeheadSampleMaxMm tall, across
// kForeheadHalfWidthShare of the outer-eye distance either side of the midline. The clearances
// keep brows and the first hairs out; the cap keeps a receded hairline's scalp out.
inline constexpr double kForeheadBrowClearMm = 10.0;
inline constexpr double kForeheadHairClearMm = 10.0;
inline constexpr double kForeheadSampleMaxMm = 40.0;
inline constexpr double kForeheadMinHeightMm = 5.0;
inline constexpr double kForeheadHalfWidthShare = 0.6;

// The skin colour of the forehead, where ITA is conventionally read. Only pixels inside the
// (possibly tilted) forehead rectangle count; sampledPx is its axis-aligned bounds clipped to the
// photo. Throws core::UsageError for a scale that is not a positive number, a hairline too close
// to the glabella to leave a forehead, or a forehead that lies outside the photo.
[[nodiscard]] SkinReading sampleForehead(const core::Image& photo, const design::FaceFrame& frame,
                                         const core::PhotoScale& scale, double hairlineAboveGlabellaMm);

}  // namespace smp::vision
