#include "outputs/SessionSheet.h"

#include "outputs/CalendarText.h"
#include "outputs/Captions.h"
#include "outputs/ImageMat.h"
#include "outputs/ScaleBar.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace smp::outputs {
namespace {

int scaled(double value) { return int(std::lround(value)); }

struct SheetLayout {
    int width = 0;
    int margin = 0;
    int gap = 0;
    int titleSize = 0;
    int textSize = 0;
    int captionSize = 0;
    int tileWidth = 0;
    int tileHeight = 0;
    int headerHeight = 0;
    int captionHeight = 0;
    int footerHeight = 0;
    int rows = 1;
    int columns = 1;

    [[nodiscard]] cv::Point tileAt(int row, int column) const {
        return {margin + column * (tileWidth + gap), headerHeight + row * (tileHeight + captionHeight + gap)};
    }
    [[nodiscard]] int height() const {
        return headerHeight + rows * (tileHeight + captionHeight) + (rows - 1) * gap + footerHeight;
    }
};

SheetLayout layoutFor(int width, int sessionCount, bool dayOne, const PreviewRenderer& renderer) {
    SheetLayout layout;
    layout.width = width;
    layout.columns = 1 + std::max(1, sessionCount);
    layout.rows = dayOne ? 2 : 1;
    layout.margin = std::max(8, scaled(width * 0.03));
    layout.gap = std::max(4, scaled(width * 0.012));
    layout.tileWidth = (width - 2 * layout.margin - (layout.columns - 1) * layout.gap) / layout.columns;
    if (layout.tileWidth < 16)
        throw core::UsageError("--width " + std::to_string(width) + " is too narrow for " +
                               std::to_string(layout.columns) + " pictures side by side");
    layout.tileHeight = renderer.frameAtWidth(layout.tileWidth).size.height;
    layout.titleSize = std::max(14, scaled(width * 0.019));
    layout.textSize = std::max(11, scaled(layout.titleSize * 0.58));
    layout.captionSize = std::clamp(scaled(layout.tileWidth * 0.05), 11, layout.titleSize);
    layout.headerHeight = layout.margin + scaled(layout.titleSize * 2.6) + layout.margin / 2;
    layout.captionHeight = scaled(layout.captionSize * 2.3);
    layout.footerHeight = scaled(layout.textSize * 2.4) + layout.margin / 2;
    return layout;
}

void drawHeader(cv::Mat& sheet, const SheetLayout& layout, const LabelFacts& facts, int sessionCount, int spacingDays) {
    const int titleBaseline = layout.margin + scaled(layout.titleSize * 0.9);
    drawText(sheet, "Your scalp micropigmentation preview", {layout.margin, titleBaseline}, layout.titleSize,
             palette::kPaper, FontWeight::Bold);
    if (!facts.clientName.empty()) {
        const int nameWidth = LabelFont::get(FontWeight::Bold).measure(facts.clientName, layout.titleSize).width;
        drawText(sheet, facts.clientName, {layout.width - layout.margin - nameWidth, titleBaseline}, layout.titleSize,
                 palette::kAccent, FontWeight::Bold);
    }
    std::string subtitle = "Consultation " + shortDate(facts.consultation) + " \xC2\xB7 " +
                           std::to_string(sessionCount) + (sessionCount == 1 ? " session" : " sessions");
    if (sessionCount > 1) subtitle += ", " + std::to_string(spacingDays) + " days apart";
    if (facts.start) subtitle += ", from " + shortDate(*facts.start);
    drawText(sheet, subtitle, {layout.margin, titleBaseline + scaled(layout.titleSize * 1.25)}, layout.textSize,
             palette::kMuted);
    const int ruleY = layout.headerHeight - layout.margin / 2 + 2;
    cv::line(sheet, {layout.margin, ruleY}, {layout.width - layout.margin, ruleY}, palette::kAccent,
             std::max(1, layout.titleSize / 14), cv::LINE_AA);
}

void drawCaption(cv::Mat& sheet, const SheetLayout& layout, cv::Point tile, const std::string& title,
                 const std::string& detail) {
    const int baseline = tile.y + layout.tileHeight + scaled(layout.captionSize * 1.45);
    const int titleWidth = drawText(sheet, title, {tile.x, baseline}, layout.captionSize, palette::kPaper, FontWeight::Bold);
    if (!detail.empty())
        drawText(sheet, detail, {tile.x + titleWidth + scaled(layout.captionSize * 0.5), baseline}, layout.captionSize,
                 palette::kMuted);
}

std::string sessionDetail(const preview::TimelinePoint& when, int sessionCount, const LabelFacts& facts) {
    std::string detail = when.day ? "day " + std::to_string(scaled(*when.day)) : "settled";
    if (const auto date = facts.dateOf(when, sessionCount)) detail += " \xC2\xB7 " + shortDate(*date);
    return detail;
}

// The cell beside the day-1 row's first picture: what the two rows mean.
void drawLegend(cv::Mat& sheet, const SheetLayout& layout, cv::Point cell) {
    const LabelFont& font = LabelFont::get(FontWeight::Regular);
    const int size = layout.captionSize;
    int baseline = cell.y + scaled(size * 1.2);
    const auto paragraph = [&](const std::string& title, const std::string& text) {
        drawText(sheet, title, {cell.x, baseline}, size, palette::kAccent, FontWeight::Bold);
        baseline += scaled(size * 1.45);
        for (const std::string& line : wrapText(font, text, size, layout.tileWidth)) {
            font.draw(sheet, line, {cell.x, baseline}, size, palette::kMuted);
            baseline += scaled(size * 1.35);
        }
        baseline += scaled(size * 0.9);
    };
    paragraph("Day 1", "The day after each session: the skin is red and the dots look darker and larger "
                       "while tiny scabs form. This fades within about ten days.");
    paragraph("Settled", "About five weeks after the session, once healed: the shade the client keeps.");
}

}  // namespace

int sessionSheetSteps(int sessionCount, bool dayOne) { return 1 + sessionCount * (dayOne ? 2 : 1) + 1; }

ComposedPicture sessionSheet(PreviewRenderer& renderer, const ExportSettings& settings, const LabelFacts& facts,
                             ExportSteps& steps) {
    const int sessions = renderer.sessionCount();
    const SheetLayout layout = layoutFor(settings.widthPx.value_or(kDefaultSheetWidthPx), sessions,
                                         settings.dayOne, renderer);
    ComposedPicture sheet{blankPicture({layout.width, layout.height()}, palette::kSheet), {}};
    cv::Mat mat = matOf(sheet.image);
    const core::ExportFrame frame = renderer.frameAtWidth(layout.tileWidth);
    const int settledRow = layout.rows - 1;

    steps.begin("Rendering the photo as taken");
    const cv::Point beforeAt = layout.tileAt(settledRow, 0);
    core::Image before = renderer.render({0, std::nullopt}, frame, {core::CompareMode::Before});
    if (facts.scaleBar) {
        cv::Mat tile = matOf(before);
        // In the top corner, over the background beside the head rather than over the face.
        drawScaleBar(tile, {0, 0, tile.cols, std::max(1, tile.rows / 4)}, renderer.pxPerMmAtWidth(layout.tileWidth),
                     facts.assumedScale,
                     std::max(10, scaled(layout.captionSize * 0.8)));
    }
    placePicture(sheet.image, before, beforeAt);
    drawCaption(mat, layout, beforeAt, "Before", "as photographed");
    steps.finish();

    for (int session = 1; session <= sessions; ++session) {
        for (int row = 0; row < layout.rows; ++row) {
            const bool settled = row == settledRow;
            const preview::TimelinePoint when{session, settled ? std::nullopt : std::optional<double>(1.0)};
            steps.begin("Rendering " + timelineText(when, sessions));
            const cv::Point at = layout.tileAt(row, session);
            placePicture(sheet.image, renderer.render(when, frame), at);
            drawCaption(mat, layout, at, "Session " + std::to_string(session), sessionDetail(when, sessions, facts));
            steps.finish();
        }
    }

    steps.begin("Adding the labels");
    drawHeader(mat, layout, facts, sessions, settings.daysBetweenSessions);
    if (settings.dayOne) drawLegend(mat, layout, layout.tileAt(0, 0));
    const int footerBaseline = layout.height() - layout.margin / 2 - scaled(layout.textSize * 0.6);
    drawText(mat,
             "A simulated preview made with SMP Studio. Healed results depend on the skin, the aftercare and "
             "the artist's work.",
             {layout.margin, footerBaseline}, layout.textSize, palette::kMuted);
    steps.finish();
    return sheet;
}

}  // namespace smp::outputs
