#include "vision/HeadOutline.h"

#include "core/Errors.h"
#include "vision/OpenCvQuiet.h"
#include "vision/PhotoView.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

// How: GrabCut (colour models of head and background, refined against each other with a graph cut)
// seeded with what a portrait nearly always is: a border band that is background, an ellipse around
// and above the face that is probably head, and the face's centre and forehead that surely are.
//
// Limits, for the artist and whoever tunes this:
// - Colour decides. Hair, a hat or a background close to the skin's or the hair's colour (a beige
//   wall behind a blond client) leaks in or bites out; so can the neck and shoulders, which join the
//   head without an edge. The brush is there for that.
// - It works on a copy at most kWorkLongSidePx long, so the edge is only as exact as that copy:
//   a few photo pixels on a phone photo. Fine strands of hair are smoothed over.
// - One head: the largest region is kept; a second person or a reflection is dropped.
// - The seed assumes an upright head roughly in the frame: a head cut off at the top still works
//   (the border there is not forced to background), a profile or a photo of the back of the head
//   only with the centred-ellipse seed, which assumes the head is centred and fills the frame.

namespace smp::vision {
namespace {

constexpr int kWorkLongSidePx = 280;
constexpr int kGrabCutIterations = 3;
// Below this there is no head to tell from its background.
constexpr int kMinSidePx = 32;
// The border band taken as background, as a share of the shorter side.
constexpr double kBorderShare = 0.03;
// Fixed seed for GrabCut's k-means, so the same photo always gives the same outline.
constexpr std::uint64_t kSeed = 0x5eed;

struct Ellipse {
    cv::Point2d centre;
    cv::Size2d semiAxes;
};

// The head's likely extent, and the part of it that is surely head, in work pixels.
// Portrait proportions: the cascade's face box spans brows to mouth; the cranium rises about
// 0.6-0.7 box heights above its top and is ~1.6 box widths across at the hair (astronaut.png).
std::pair<Ellipse, Ellipse> seedEllipses(cv::Size work, double scale, const std::optional<FaceFinding>& face) {
    if (!face || face->face.empty()) {
        const cv::Point2d centre(work.width * 0.5, work.height * 0.45);
        return {{centre, {work.width * 0.36, work.height * 0.42}}, {centre, {work.width * 0.08, work.height * 0.08}}};
    }
    const double x = face->face.x * scale, y = face->face.y * scale;
    const double w = face->face.width * scale, h = face->face.height * scale;
    return {{{x + w * 0.5, y + h * 0.30}, {w * 0.80, h * 1.05}},  // cranium, face and chin
            {{x + w * 0.5, y + h * 0.40}, {w * 0.25, h * 0.30}}};  // forehead down to the nose
}

void fillEllipse(cv::Mat& mask, const Ellipse& e, int label) {
    const cv::RotatedRect shape(e.centre, cv::Size2f(float(e.semiAxes.width * 2), float(e.semiAxes.height * 2)), 0.f);
    cv::ellipse(mask, shape, cv::Scalar(label), cv::FILLED);
}

cv::Mat grabCutSeed(cv::Size work, const Ellipse& head, const Ellipse& core) {
    cv::Mat seed(work, CV_8UC1, cv::Scalar(cv::GC_PR_BGD));
    const int band = std::max(2, int(std::lround(std::min(work.width, work.height) * kBorderShare)));
    cv::Mat border(work, CV_8UC1, cv::Scalar(1));
    border(cv::Rect(band, band, std::max(0, work.width - 2 * band), std::max(0, work.height - 2 * band))) = 0;
    seed.setTo(cv::GC_BGD, border);
    // Where the head runs off the photo, its part of the border is left probable...
    fillEllipse(seed, head, cv::GC_PR_FGD);
    fillEllipse(seed, core, cv::GC_FGD);
    // ...but never the corners: GrabCut needs some background to learn its colours from.
    for (const cv::Point corner : {cv::Point(0, 0), cv::Point(work.width - band, 0), cv::Point(0, work.height - band),
                                   cv::Point(work.width - band, work.height - band)})
        seed(cv::Rect(corner, cv::Size(band, band)) & cv::Rect(cv::Point(), work)) = cv::GC_BGD;
    return seed;
}

// GrabCut only looks at the head's seed ellipse and a margin around it: far from the head is surely
// background, and leaving it out makes a small head in a wide photo several times cheaper (and the
// background's colours the ones next to the head).
cv::Rect regionAround(const Ellipse& head, cv::Size work) {
    constexpr double kMargin = 1.3;
    const cv::Point2d half(head.semiAxes.width * kMargin, head.semiAxes.height * kMargin);
    const cv::Rect around(cv::Point(int(std::floor(head.centre.x - half.x)), int(std::floor(head.centre.y - half.y))),
                          cv::Point(int(std::ceil(head.centre.x + half.x)), int(std::ceil(head.centre.y + half.y))));
    return around & cv::Rect(cv::Point(), work);
}

// GrabCut fits five colours to each side: it needs pixels of both, more than five of each.
bool enoughToLearnFrom(const cv::Mat& seed) {
    constexpr int kMinSamples = 32;
    if (seed.empty()) return false;
    const int background = cv::countNonZero((seed == cv::GC_BGD) | (seed == cv::GC_PR_BGD));
    return background >= kMinSamples && int(seed.total()) - background >= kMinSamples;
}

// The largest foreground region, holes filled, edges softened: 0 or 255.
cv::Mat largestFilledRegion(const cv::Mat& grabCutMask) {
    const cv::Mat foreground = (grabCutMask == cv::GC_FGD) | (grabCutMask == cv::GC_PR_FGD);
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(foreground, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_NONE);
    cv::Mat region(grabCutMask.size(), CV_8UC1, cv::Scalar(0));
    if (contours.empty()) return region;
    const auto largest = std::max_element(contours.begin(), contours.end(), [](const auto& a, const auto& b) {
        return cv::contourArea(a) < cv::contourArea(b);
    });
    cv::drawContours(region, contours, int(largest - contours.begin()), cv::Scalar(255), cv::FILLED);
    // Opening drops hair strands and one-pixel bridges to the background; the blur turns the
    // staircase of work pixels into a smooth edge once scaled up.
    const cv::Mat round = cv::getStructuringElement(cv::MORPH_ELLIPSE, {5, 5});
    cv::morphologyEx(region, region, cv::MORPH_OPEN, round);
    cv::GaussianBlur(region, region, cv::Size(), 1.0);
    return region;
}

// Where the soft edge is cut: past its middle, toward the inside. GrabCut's edge on the small copy
// wanders by about a work pixel, and a dot beyond the head shows on the background for all to
// see, while a dot short of the edge is skin the artist brushes back in.
constexpr int kInsideLevel = 192;

design::PhotoMask toPhotoMask(const cv::Mat& softRegion, core::SizePx size) {
    cv::Mat full;
    cv::resize(softRegion, full, cv::Size(size.width, size.height), 0, 0, cv::INTER_LINEAR);
    std::vector<std::vector<design::PixelRun>> rows(static_cast<std::size_t>(size.height));
    for (int y = 0; y < size.height; ++y) {
        const auto* row = full.ptr<std::uint8_t>(y);
        auto& runs = rows[static_cast<std::size_t>(y)];
        int x = 0;
        while (x < size.width) {
            while (x < size.width && row[x] < kInsideLevel) ++x;
            if (x == size.width) break;
            const int x0 = x;
            while (x < size.width && row[x] >= kInsideLevel) ++x;
            runs.push_back({x0, x});
        }
    }
    return design::PhotoMask::fromRows(size, std::move(rows));
}

}  // namespace

design::PhotoMask proposeHeadOutline(const core::Image& photo, const std::optional<FaceFinding>& face) {
    const cv::Mat rgb = photoView(photo, "head outline");
    if (std::min(photo.width, photo.height) < kMinSidePx)
        throw core::UsageError("head outline: the photo is " + std::to_string(photo.width) + "x" +
                               std::to_string(photo.height) + " pixels; it needs at least " +
                               std::to_string(kMinSidePx) + " on each side to tell a head from its background");
    quietOpenCvLogging();
    const double scale = std::min(1.0, double(kWorkLongSidePx) / std::max(rgb.cols, rgb.rows));
    const cv::Size work(std::max(1, int(std::lround(rgb.cols * scale))), std::max(1, int(std::lround(rgb.rows * scale))));
    cv::Mat small;
    cv::resize(rgb, small, work, 0, 0, scale < 1.0 ? cv::INTER_AREA : cv::INTER_LINEAR);
    if (small.channels() == 4) cv::cvtColor(small, small, cv::COLOR_RGBA2RGB);

    const auto [head, core] = seedEllipses(work, scale, face);
    cv::Mat mask = grabCutSeed(work, head, core);
    const cv::Rect around = regionAround(head, work);
    cv::Mat aroundMask = mask(around);
    if (enoughToLearnFrom(aroundMask)) {
        cv::Mat backgroundModel, headModel;
        // GrabCut's k-means draws from OpenCV's per-thread generator: seed it, give the caller's back.
        const cv::RNG callers = cv::theRNG();
        cv::theRNG() = cv::RNG(kSeed);
        cv::grabCut(small(around), aroundMask, cv::Rect(), backgroundModel, headModel, kGrabCutIterations,
                    cv::GC_INIT_WITH_MASK);
        cv::theRNG() = callers;
    }  // else (a face box off the photo) the seed stands as it is
    cv::Mat outside(work, CV_8UC1, cv::Scalar(1));
    outside(around) = 0;
    mask.setTo(cv::GC_BGD, outside);

    return toPhotoMask(largestFilledRegion(mask), {photo.width, photo.height});
}

}  // namespace smp::vision
