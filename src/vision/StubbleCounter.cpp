#include "vision/StubbleCounter.h"

#include "core/Errors.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <numbers>
#include <sstream>
#include <string>
#include <vector>

namespace smp::vision {

namespace {

const std::string kWhat = "stubble reference";

// The weakest darkening counted as a dot, over the skin's own noise: pores and JPEG blocks
// stay below it, a hair (even a fair one on fair skin) does not.
constexpr double kMinDotContrast = 0.08;
// How far above the skin's noise a dot must reach, in robust standard deviations.
constexpr double kNoiseSigmas = 6.0;
// A dot's shade is the mean darkness of its darkest pixels covering a disc this wide (at least
// one pixel): its core, where a healed hair or dot is opaque, averaged just enough to tame noise.
constexpr double kDotCoreMm = 0.08;
// The skin around a dot is looked for this far out: wider than any dot that is counted.
constexpr double kSkinWindowMm = 1.25 * kStubbleMaxDotMm;

std::string describe(core::RectPx r) {
    return "rectangle x " + std::to_string(r.x) + ", y " + std::to_string(r.y) + ", " + std::to_string(r.width) +
           "x" + std::to_string(r.height) + " px";
}

void checkRequest(const core::Image& photo, core::RectPx r, const core::PhotoScale& scale) {
    if (photo.empty()) throw core::UsageError(kWhat + ": the photo is empty");
    if ((photo.channels != 3 && photo.channels != 4) ||
        photo.pixels.size() != core::Image::byteCount(photo.width, photo.height, photo.channels))
        throw core::UsageError(kWhat + ": malformed photo (" + std::to_string(photo.channels) + " channels, " +
                               std::to_string(photo.pixels.size()) + " bytes)");
    const double ppm = scale.pxPerMm;
    std::ostringstream message;
    message << kWhat << ": ";
    if (!(std::isfinite(ppm) && ppm > 0.0)) {
        message << "photo scale is " << ppm << " px/mm, must be a positive number (set the scale with a ruler)";
        throw core::UsageError(message.str());
    }
    const std::string size = std::to_string(photo.width) + "x" + std::to_string(photo.height) + " photo";
    if (!(r.x >= 0 && r.y >= 0 && r.width > 0 && r.height > 0 && r.width <= photo.width - r.x &&
          r.height <= photo.height - r.y))
        throw core::UsageError(kWhat + ": the " + describe(r) + " is not inside the " + size);
    if (r.width < kStubbleMinSideMm * ppm || r.height < kStubbleMinSideMm * ppm) {
        message.precision(2);
        message << "the " << describe(r) << " is " << r.width / ppm << " x " << r.height / ppm << " mm at " << ppm
                << " px/mm; it must be at least " << kStubbleMinSideMm << " mm a side to count on";
        throw core::UsageError(message.str());
    }
    if (ppm < kStubbleMinPxPerMm) {
        message << "the photo has " << ppm << " px/mm, too coarse to see stubble (needs " << kStubbleMinPxPerMm
                << " px/mm or more: a close-up of the sides or back with a ruler)";
        throw core::UsageError(message.str());
    }
}

// Relative luminance in linear light, so that darkness ratios mean what pigment does to skin.
cv::Mat linearLuminance(const core::Image& photo, core::RectPx r) {
    std::array<float, 256> linear{};
    for (int v = 0; v < 256; ++v) {
        const double e = v / 255.0;
        linear[static_cast<std::size_t>(v)] =
            static_cast<float>(e <= 0.04045 ? e / 12.92 : std::pow((e + 0.055) / 1.055, 2.4));
    }
    cv::Mat y(r.height, r.width, CV_32F);
    for (int row = 0; row < r.height; ++row) {
        const std::uint8_t* p = photo.at(r.x, r.y + row);
        auto* out = y.ptr<float>(row);
        for (int col = 0; col < r.width; ++col, p += photo.channels)
            out[col] = 0.2126f * linear[p[0]] + 0.7152f * linear[p[1]] + 0.0722f * linear[p[2]] + 1e-4f;
    }
    return y;
}

// 1 - Y / local skin: 0 on skin, 1 on black. A closing (max then min filter) wider than any dot
// erases the dots and keeps the skin's slow shading; the box blur then smooths out its blocks.
cv::Mat darknessOnSkin(const cv::Mat& luminance, int windowPx) {
    cv::Mat skin;
    const cv::Mat square = cv::getStructuringElement(cv::MORPH_RECT, {windowPx, windowPx});
    cv::morphologyEx(luminance, skin, cv::MORPH_CLOSE, square, {-1, -1}, 1, cv::BORDER_REPLICATE);
    cv::blur(skin, skin, {windowPx, windowPx}, {-1, -1}, cv::BORDER_REPLICATE);
    cv::Mat darkness;
    cv::divide(luminance, skin, darkness);
    cv::subtract(cv::Scalar(1.0), darkness, darkness);
    return darkness;
}

// The level a dot must reach: the skin's typical darkness plus a margin over its noise (median
// and median absolute deviation, which the few dots do not move).
float dotThreshold(const cv::Mat& darkness) {
    std::vector<float> values(darkness.begin<float>(), darkness.end<float>());
    const auto mid = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), mid, values.end());
    const float median = *mid;
    for (float& v : values) v = std::abs(v - median);
    std::nth_element(values.begin(), mid, values.end());
    const double sigma = 1.4826 * *mid;
    return median + static_cast<float>(std::max(kMinDotContrast, kNoiseSigmas * sigma));
}

}  // namespace

StubbleReading countStubble(const core::Image& photo, core::RectPx rectPx, const core::PhotoScale& scale) {
    checkRequest(photo, rectPx, scale);
    const double ppm = scale.pxPerMm;
    const int windowPx = 2 * static_cast<int>(std::ceil(kSkinWindowMm * ppm / 2.0)) + 1;

    // Work on the rectangle plus a window of margin where the photo has it, so a dot cut by the
    // rectangle's edge is seen whole and counted only when its centre lies inside.
    const int x0 = std::max(0, rectPx.x - windowPx);
    const int y0 = std::max(0, rectPx.y - windowPx);
    const int x1 = std::min(photo.width, rectPx.x + rectPx.width + windowPx);
    const int y1 = std::min(photo.height, rectPx.y + rectPx.height + windowPx);
    const core::RectPx region{x0, y0, x1 - x0, y1 - y0};

    const cv::Mat darkness = darknessOnSkin(linearLuminance(photo, region), windowPx);
    cv::Mat dotMask;
    cv::threshold(darkness, dotMask, dotThreshold(darkness), 255.0, cv::THRESH_BINARY);
    dotMask.convertTo(dotMask, CV_8U);

    cv::Mat labels, stats, centroids;
    const int count = cv::connectedComponentsWithStats(dotMask, labels, stats, centroids, 8, CV_32S);
    std::vector<std::vector<float>> dotDarkness(static_cast<std::size_t>(count));
    for (int row = 0; row < labels.rows; ++row) {
        const auto* label = labels.ptr<int>(row);
        const auto* dark = darkness.ptr<float>(row);
        for (int col = 0; col < labels.cols; ++col)
            if (label[col] > 0) dotDarkness[static_cast<std::size_t>(label[col])].push_back(dark[col]);
    }

    const auto corePx = static_cast<std::size_t>(
        std::max(1.0, std::round(std::numbers::pi / 4.0 * kDotCoreMm * kDotCoreMm * ppm * ppm)));
    StubbleReading reading;
    reading.rectPx = rectPx;
    double shadeSum = 0.0;
    for (int i = 1; i < count; ++i) {
        const double areaPx = stats.at<int>(i, cv::CC_STAT_AREA);
        const double widestMm = 2.0 * std::sqrt(areaPx / std::numbers::pi) / ppm;
        const double longestMm =
            std::max(stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT)) / ppm;
        if (widestMm > kStubbleMaxDotMm || longestMm > kStubbleMaxLengthMm) continue;
        const double cx = centroids.at<double>(i, 0) + region.x + 0.5;
        const double cy = centroids.at<double>(i, 1) + region.y + 0.5;
        if (cx < rectPx.x || cy < rectPx.y || cx >= rectPx.x + rectPx.width || cy >= rectPx.y + rectPx.height) continue;
        // The core of the dot, not its blurred rim: a pigment shade is the darkness where the
        // dot is fully pigmented.
        std::vector<float>& dark = dotDarkness[static_cast<std::size_t>(i)];
        std::sort(dark.begin(), dark.end(), std::greater<>());
        const std::size_t core = std::min(dark.size(), corePx);
        double sum = 0.0;
        for (std::size_t k = 0; k < core; ++k) sum += dark[k];
        shadeSum += std::clamp(sum / static_cast<double>(core), 0.0, 1.0);
        ++reading.dots;
    }
    reading.areaCm2 = static_cast<double>(rectPx.width) * rectPx.height / (ppm * ppm) / 100.0;
    reading.dotsPerCm2 = reading.dots / reading.areaCm2;
    reading.meanShade = reading.dots > 0 ? shadeSum / reading.dots : 0.0;
    return reading;
}

}  // namespace smp::vision
