#include "vision/SkinSampler.h"

#include "core/Errors.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace smp::vision {

namespace {

// The median needs no more pixels than this; a 40 px/mm forehead has millions, read with a stride.
constexpr double kMaxSamples = 250000.0;

std::string describe(core::RectPx r) {
    return "rectangle x " + std::to_string(r.x) + ", y " + std::to_string(r.y) + ", " + std::to_string(r.width) +
           "x" + std::to_string(r.height) + " px";
}

std::string describe(const core::Image& photo) {
    return std::to_string(photo.width) + "x" + std::to_string(photo.height) + " photo";
}

void checkPhoto(const core::Image& photo, const std::string& what) {
    if (photo.empty()) throw core::UsageError(what + ": the photo is empty");
    if ((photo.channels != 3 && photo.channels != 4) ||
        photo.pixels.size() != core::Image::byteCount(photo.width, photo.height, photo.channels))
        throw core::UsageError(what + ": malformed photo (" + std::to_string(photo.channels) + " channels, " +
                               std::to_string(photo.pixels.size()) + " bytes for " + describe(photo) + ")");
}

double median(std::vector<double>& values) {
    const auto mid = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), mid, values.end());
    return *mid;
}

// The robust colour of the pixels of `bounds` for which `inside` holds.
SkinReading readSkin(const core::Image& photo, core::RectPx bounds, const std::function<bool(int, int)>& inside,
                     const std::string& what) {
    const double area = static_cast<double>(bounds.width) * bounds.height;
    const int stride = std::max(1, static_cast<int>(std::ceil(std::sqrt(area / kMaxSamples))));
    std::vector<design::Lab> samples;
    for (int y = bounds.y; y < bounds.y + bounds.height; y += stride) {
        for (int x = bounds.x; x < bounds.x + bounds.width; x += stride) {
            const std::uint8_t* p = photo.at(x, y);
            if (photo.channels == 4 && p[3] < 128) continue;
            if (!inside(x, y)) continue;
            samples.push_back(design::labFromSrgb(p[0], p[1], p[2]));
        }
    }
    if (samples.empty())
        throw core::UsageError(what + ": no opaque skin pixels in the " + describe(bounds) + " of the " +
                               describe(photo));

    // Highlights are the brightest pixels and hair and shadow the darkest, whatever their hue,
    // so trimming both ends by lightness leaves the skin; the median then shrugs off what the
    // trim missed (freckles, a vein, soft highlight edges).
    std::sort(samples.begin(), samples.end(), [](const design::Lab& a, const design::Lab& b) { return a.L < b.L; });
    const auto n = samples.size();
    const auto dropDark = static_cast<std::size_t>(static_cast<double>(n) * kSkinShadowShare);
    const auto dropBright = static_cast<std::size_t>(static_cast<double>(n) * kSkinHighlightShare);
    std::vector<double> ls, as, bs;
    for (std::size_t i = dropDark; i < n - dropBright; ++i) {
        ls.push_back(samples[i].L);
        as.push_back(samples[i].a);
        bs.push_back(samples[i].b);
    }
    SkinReading reading;
    reading.lab = {median(ls), median(as), median(bs)};
    reading.itaDegrees = design::itaDegrees(reading.lab);
    reading.band = design::bandFromIta(reading.itaDegrees);
    reading.sampledPx = bounds;
    reading.pixelsUsed = static_cast<int>(ls.size());
    return reading;
}

}  // namespace

SkinReading sampleSkin(const core::Image& photo, core::RectPx rectPx) {
    const std::string what = "skin sample";
    checkPhoto(photo, what);
    const bool inside = rectPx.x >= 0 && rectPx.y >= 0 && rectPx.width > 0 && rectPx.height > 0 &&
                        rectPx.width <= photo.width - rectPx.x && rectPx.height <= photo.height - rectPx.y;
    if (!inside)
        throw core::UsageError(what + ": the " + describe(rectPx) + " is not inside the " + describe(photo));
    return readSkin(photo, rectPx, [](int, int) { return true; }, what);
}

SkinReading sampleForehead(const core::Image& photo, const design::FaceFrame& frame, const core::PhotoScale& scale,
                           double hairlineAboveGlabellaMm) {
    const std::string what = "forehead skin sample";
    checkPhoto(photo, what);
    if (!(std::isfinite(scale.pxPerMm) && scale.pxPerMm > 0.0)) {
        std::ostringstream message;
        message << what << ": photo scale is " << scale.pxPerMm << " px/mm, must be a positive number";
        throw core::UsageError(message.str());
    }
    const double bottomMm = kForeheadBrowClearMm;
    const double topMm = std::min(hairlineAboveGlabellaMm - kForeheadHairClearMm, bottomMm + kForeheadSampleMaxMm);
    if (!(topMm - bottomMm >= kForeheadMinHeightMm)) {
        std::ostringstream message;
        message << what << ": a hairline " << hairlineAboveGlabellaMm << " mm above the glabella leaves no forehead "
                << "(needs at least " << bottomMm + kForeheadMinHeightMm + kForeheadHairClearMm << " mm)";
        throw core::UsageError(message.str());
    }
    const double halfWidthMm = kForeheadHalfWidthShare * frame.outerEyeMm;
    if (!(std::isfinite(halfWidthMm) && halfWidthMm > 0.0)) {
        std::ostringstream message;
        message << what << ": outer-eye distance is " << frame.outerEyeMm << " mm, must be a positive number";
        throw core::UsageError(message.str());
    }

    // The tilted forehead rectangle's axis-aligned bounds in pixels, then clipped to the photo.
    double minX = INFINITY, minY = INFINITY, maxX = -INFINITY, maxY = -INFINITY;
    for (const double across : {-halfWidthMm, halfWidthMm}) {
        for (const double above : {bottomMm, topMm}) {
            const core::Vec2 px = frame.toPhoto(across, above) * scale.pxPerMm;
            minX = std::min(minX, px.x);
            minY = std::min(minY, px.y);
            maxX = std::max(maxX, px.x);
            maxY = std::max(maxY, px.y);
        }
    }
    if (!std::isfinite(minX + minY + maxX + maxY))
        throw core::UsageError(what + ": the face frame does not give a finite forehead position");
    const core::RectPx wanted{static_cast<int>(std::floor(std::clamp(minX, -1e9, 1e9))),
                              static_cast<int>(std::floor(std::clamp(minY, -1e9, 1e9))),
                              static_cast<int>(std::ceil(std::clamp(maxX - minX, 0.0, 1e9))),
                              static_cast<int>(std::ceil(std::clamp(maxY - minY, 0.0, 1e9)))};
    const int x0 = std::max(wanted.x, 0);
    const int y0 = std::max(wanted.y, 0);
    const int x1 = static_cast<int>(std::min<long long>(static_cast<long long>(wanted.x) + wanted.width, photo.width));
    const int y1 = static_cast<int>(std::min<long long>(static_cast<long long>(wanted.y) + wanted.height, photo.height));
    if (x1 <= x0 || y1 <= y0)
        throw core::UsageError(what + ": the forehead (" + describe(wanted) + ") lies outside the " + describe(photo) +
                               "; move the face frame onto the face");
    const core::RectPx bounds{x0, y0, x1 - x0, y1 - y0};

    const auto insideForehead = [&](int x, int y) {
        const core::Vec2 mm{(x + 0.5) / scale.pxPerMm, (y + 0.5) / scale.pxPerMm};
        const double across = frame.acrossOf(mm);
        const double above = frame.aboveOf(mm);
        return std::abs(across) <= halfWidthMm && above >= bottomMm && above <= topMm;
    };
    return readSkin(photo, bounds, insideForehead, what);
}

}  // namespace smp::vision
