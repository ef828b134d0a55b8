#include "outputs/BeforeAfterImage.h"

#include "outputs/CalendarText.h"
#include "outputs/Captions.h"
#include "outputs/ImageMat.h"
#include "outputs/ScaleBar.h"

#include <algorithm>
#include <cmath>

namespace smp::outputs {
namespace {

int gutterForHalf(int halfWidthPx) { return std::max(2, int(std::lround(halfWidthPx * 0.006))); }

std::string afterDetail(const preview::TimelinePoint& after, int sessionCount, const LabelFacts& facts) {
    std::string detail = timelineText(after, sessionCount);
    if (const auto date = facts.dateOf(after, sessionCount))
        detail += (after.day ? " \xC2\xB7 " : " \xC2\xB7 from ") + shortDate(*date);
    return detail;
}

// The labels every before/after carries: what each side is, who, and the scale.
void labelPicture(ComposedPicture& picture, cv::Rect beforeArea, cv::Rect afterArea, bool afterTagOnRight,
                  const preview::TimelinePoint& after, int sessionCount, const LabelFacts& facts, double pxPerMm) {
    cv::Mat mat = matOf(picture.image);
    // A "before" with no session at all is still a picture of the photo; say so rather than "AFTER".
    const std::string afterTitle = std::min(after.sessionsDone, sessionCount) > 0 ? "AFTER" : "PHOTO";
    const std::string beforeText = shortDate(facts.consultation);
    const std::string afterText = afterDetail(after, sessionCount, facts);
    // Both tags at one size: the largest at which each fits its side.
    const int size = std::min(tagSizeToFit("BEFORE", beforeText, labelSizeFor(beforeArea.size()), beforeArea.width),
                              tagSizeToFit(afterTitle, afterText, labelSizeFor(beforeArea.size()), afterArea.width));
    const auto keep = [&](cv::Rect rect) {
        if (!rect.empty()) picture.labelAreas.push_back(rectPxOf(rect));
    };
    keep(drawTag(mat, beforeArea, Corner::TopLeft, "BEFORE", beforeText, size));
    keep(drawTag(mat, afterArea, afterTagOnRight ? Corner::TopRight : Corner::TopLeft, afterTitle, afterText, size));
    if (!facts.clientName.empty()) keep(drawTag(mat, beforeArea, Corner::BottomLeft, facts.clientName, "", size));
    if (facts.scaleBar) keep(drawScaleBar(mat, afterArea, pxPerMm, facts.assumedScale, size));
}

}  // namespace

int gutterWidth(int totalWidthPx) {
    const int half = (totalWidthPx - gutterForHalf(totalWidthPx / 2)) / 2;
    return totalWidthPx - 2 * half;
}

ComposedPicture beforeAfterPicture(PreviewRenderer& renderer, const ExportSettings& settings, const LabelFacts& facts,
                                   ExportSteps& steps) {
    const int photoWidth = renderer.framed().width;
    const int total = settings.widthPx ? *settings.widthPx : 2 * photoWidth + gutterForHalf(photoWidth);
    const int gutter = gutterWidth(total);
    const int half = (total - gutter) / 2;
    if (half < 1) throw core::UsageError("--width " + std::to_string(total) + " leaves no room for two halves");
    const core::ExportFrame frame = renderer.frameAtWidth(half);

    steps.begin("Rendering the photo as taken");
    const core::Image before = renderer.render({0, std::nullopt}, frame, {core::CompareMode::Before});
    steps.finish();
    steps.begin("Rendering " + timelineText(settings.after, renderer.sessionCount()));
    const core::Image after = renderer.render(settings.after, frame, {core::CompareMode::After});
    steps.finish();

    steps.begin("Adding the labels");
    ComposedPicture picture{blankPicture({total, frame.size.height}, palette::kSheet), {}};
    placePicture(picture.image, before, {0, 0});
    placePicture(picture.image, after, {half + gutter, 0});
    const cv::Rect beforeArea(0, 0, half, frame.size.height);
    const cv::Rect afterArea(half + gutter, 0, half, frame.size.height);
    labelPicture(picture, beforeArea, afterArea, false, settings.after, renderer.sessionCount(), facts,
                 renderer.pxPerMmAtWidth(half));
    steps.finish();
    return picture;
}

ComposedPicture splitPicture(PreviewRenderer& renderer, const ExportSettings& settings, const LabelFacts& facts,
                             ExportSteps& steps) {
    const int width = settings.widthPx.value_or(renderer.framed().width);
    const core::ExportFrame frame = renderer.frameAtWidth(width);
    steps.begin("Rendering the split view");
    ComposedPicture picture{renderer.render(settings.after, frame, {core::CompareMode::Split, settings.divider}), {}};
    steps.finish();

    steps.begin("Adding the labels");
    const int dividerX = int(std::lround(settings.divider * width));
    // Each tag sits on its own side of the divider; on a narrow side it still fits the picture.
    const cv::Rect whole(0, 0, width, frame.size.height);
    const cv::Rect beforeArea = dividerX > width / 4 ? cv::Rect(0, 0, dividerX, frame.size.height) : whole;
    const cv::Rect afterArea =
        width - dividerX > width / 4 ? cv::Rect(dividerX, 0, width - dividerX, frame.size.height) : whole;
    cv::Mat mat = matOf(picture.image);
    const std::string beforeText = shortDate(facts.consultation);
    const std::string afterText = afterDetail(settings.after, renderer.sessionCount(), facts);
    const int size = std::min(tagSizeToFit("BEFORE", beforeText, labelSizeFor(whole.size()), beforeArea.width),
                              tagSizeToFit("AFTER", afterText, labelSizeFor(whole.size()), afterArea.width));
    const auto keep = [&](cv::Rect rect) {
        if (!rect.empty()) picture.labelAreas.push_back(rectPxOf(rect));
    };
    keep(drawTag(mat, beforeArea, Corner::TopLeft, "BEFORE", beforeText, size));
    keep(drawTag(mat, afterArea, Corner::TopRight, "AFTER", afterText, size));
    if (!facts.clientName.empty()) keep(drawTag(mat, whole, Corner::BottomLeft, facts.clientName, "", size));
    if (facts.scaleBar)
        keep(drawScaleBar(mat, afterArea, renderer.pxPerMmAtWidth(width), facts.assumedScale, size));
    steps.finish();
    return picture;
}

}  // namespace smp::outputs
