#include "outputs/PlanSheet.h"

#include "core/Version.h"
#include "core/plan/Aftercare.h"
#include "outputs/CalendarText.h"
#include "outputs/Captions.h"
#include "outputs/ImageMat.h"
#include "outputs/ScaleBar.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace smp::outputs {
namespace {

int scaled(double value) { return int(std::lround(value)); }

const cv::Scalar kPrintAccent(150, 108, 44);  // the gold of the other outputs, dark enough for print

std::string thousands(std::size_t value) {
    std::string digits = std::to_string(value);
    for (int i = int(digits.size()) - 3; i > 0; i -= 3) digits.insert(std::size_t(i), ",");
    return digits;
}

std::string decimal(double value, int places) {
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", places, value);
    return text;
}

std::string dayRange(const plan::AftercareStep& step) {
    if (!step.lastDay) return "From day " + std::to_string(step.firstDay);
    if (*step.lastDay == step.firstDay) return "Day " + std::to_string(step.firstDay);
    return "Days " + std::to_string(step.firstDay) + "\xE2\x80\x93" + std::to_string(*step.lastDay);
}

std::string capitalised(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = char(text[0] - 'a' + 'A');
    return text;
}

// Draws the page's text top to bottom; on a scratch page first, to learn how tall it is.
class PagePen {
public:
    PagePen(cv::Mat& page, int unit, int margin) : page_(page), unit_(unit), margin_(margin), y_(0) {}

    void moveTo(int y) { y_ = y; }
    [[nodiscard]] int y() const { return y_; }
    [[nodiscard]] int unit() const { return unit_; }
    [[nodiscard]] int contentWidth() const { return page_.cols - 2 * margin_; }

    void heading(const std::string& text) {
        y_ += scaled(unit_ * 1.2);
        const int size = scaled(unit_ * 1.75);
        y_ += scaled(size * 0.8);
        drawText(page_, text, {margin_, y_}, size, kPrintAccent, FontWeight::Bold);
        y_ += scaled(size * 0.45);
        cv::line(page_, {margin_, y_}, {page_.cols - margin_, y_}, palette::kPrintRule, std::max(1, unit_ / 8));
        y_ += scaled(unit_ * 0.5);
    }

    // A paragraph wrapped to the content width, starting `indent` px in.
    void paragraph(const std::string& text, int size, cv::Scalar color, int indent = 0,
                   FontWeight weight = FontWeight::Regular) {
        const LabelFont& font = LabelFont::get(weight);
        for (const std::string& line : wrapText(font, text, size, contentWidth() - indent)) {
            y_ += scaled(size * 1.3);
            font.draw(page_, line, {margin_ + indent, y_}, size, color);
        }
        y_ += scaled(size * 0.35);
    }

    // One table row: cells at the given x offsets (share of the content width), the first bold.
    void row(const std::vector<std::string>& cells, const std::vector<double>& columns, int size, cv::Scalar color,
             bool striped, FontWeight weight = FontWeight::Regular) {
        const int height = scaled(size * 1.9);
        if (striped) shadeRect(page_, {margin_, y_, contentWidth(), height}, cv::Scalar(246, 247, 249), 1.0);
        const int baseline = y_ + scaled(height * 0.66);
        for (std::size_t i = 0; i < cells.size() && i < columns.size(); ++i)
            drawText(page_, cells[i], {margin_ + scaled(columns[i] * contentWidth()) + scaled(size * 0.4), baseline},
                     size, color, i == 0 ? FontWeight::Bold : weight);
        y_ += height;
    }

private:
    cv::Mat& page_;
    int unit_;
    int margin_;
    int y_;
};

// Everything below the pictures: the sessions table, scar notes, aftercare. Returns the y reached.
int drawPlanText(cv::Mat& page, int unit, int margin, int top, const plan::TreatmentPlan& plan) {
    PagePen pen(page, unit, margin);
    pen.moveTo(top);
    const int text = scaled(unit * 1.5);
    const int small = scaled(unit * 1.3);

    pen.heading("Sessions");
    const std::vector<double> columns{0.0, 0.09, 0.30, 0.42, 0.54, 0.67, 0.89};
    pen.row({"#", "Date", "Dots", "Area", "Time", "Dilution (pigment : water)", "Needle"}, columns, scaled(unit * 1.2),
            palette::kPrintMuted, false, FontWeight::Bold);
    bool striped = true;
    for (const plan::PlannedSession& session : plan.sessions) {
        std::string dilution = session.dilution;
        if (const auto parts = dilution.find(" : "); parts != std::string::npos) {
            // "1.2 parts pigment : 1 part water" -> "1.2 : 1" in the table; the header says which is which.
            const std::string left = dilution.substr(0, dilution.find(' '));
            const std::string rightPart = dilution.substr(parts + 3);
            dilution = left + " : " + rightPart.substr(0, rightPart.find(' ')) + "  (" +
                       std::to_string(int(std::lround(session.shade * 100))) + "%)";
        }
        pen.row({std::to_string(session.number), longDate(session.date), thousands(session.dots),
                 decimal(session.treatedAreaCm2, 1) + " cm\xC2\xB2", durationText(session.minutes), dilution,
                 decimal(session.needleMm, 2) + " mm"},
                columns, text, palette::kPrintInk, striped);
        striped = !striped;
    }
    pen.paragraph("In all: " + thousands(plan.totalDots) + " dots over " + decimal(plan.treatedAreaCm2, 1) +
                      " cm\xC2\xB2, about " + durationText(plan.totalMinutes) + " in the chair, sessions " +
                      std::to_string(plan.settings.daysBetweenSessions) + " days apart. Times are estimates; the "
                      "first session is the longest (drawing the hairline, testing the dilution).",
                  small, palette::kPrintMuted);

    if (plan.scar) {
        const plan::ScarNotes& scar = *plan.scar;
        pen.heading("Scar tissue");
        pen.paragraph(decimal(scar.areaCm2, 1) + " cm\xC2\xB2 of the treated skin is scar tissue (" +
                          thousands(scar.dotsOnScar) + " dots land on it). Expected to hold " +
                          std::to_string(int(std::lround(scar.scarRetention * 100))) + "% of its dots between sessions, " +
                          "against " + std::to_string(int(std::lround(scar.healthyRetention * 100))) +
                          "% on healthy skin.",
                      text, palette::kPrintInk);
        pen.paragraph(capitalised(scar.advice), text, palette::kPrintInk);
    }

    pen.heading("Aftercare after each session");
    const LabelFont& bold = LabelFont::get(FontWeight::Bold);
    int labelWidth = 0;
    for (const plan::AftercareStep& step : plan::aftercareSchedule())
        labelWidth = std::max(labelWidth, bold.measure(dayRange(step), text).width);
    for (const plan::AftercareStep& step : plan::aftercareSchedule()) {
        const int y = pen.y();
        drawText(page, dayRange(step), {margin, y + scaled(text * 1.3)}, text, palette::kPrintInk, FontWeight::Bold);
        pen.paragraph(capitalised(step.advice) + ".", text, palette::kPrintInk, labelWidth + scaled(unit * 1.5));
    }
    if (!plan.sessions.empty()) {
        const auto dated = plan::datedAftercare(plan.sessions.front().date);
        if (!dated.empty() && dated.front().until)
            pen.paragraph("After session 1, for example: keep the scalp dry from " + shortDate(dated.front().from) +
                              " to " + shortDate(*dated.front().until) + ".",
                          small, palette::kPrintMuted);
    }
    return pen.y();
}

// Ruled lines for the artist's own notes in what is left of the page above the footer.
void drawNotes(cv::Mat& page, int unit, int margin, int top, int bottom) {
    const int lineGap = scaled(unit * 3.2);
    if (bottom - top < 3 * lineGap) return;
    PagePen pen(page, unit, margin);
    pen.moveTo(top);
    pen.heading("Notes");
    for (int y = pen.y() + lineGap; y <= bottom; y += lineGap)
        cv::line(page, {margin, y}, {page.cols - margin, y}, palette::kPrintRule, std::max(1, unit / 8));
}

}  // namespace

core::SizePx a4PageAt(int dpi) { return {scaled(210.0 / 25.4 * dpi), scaled(297.0 / 25.4 * dpi)}; }

core::SizePx planPageSize(const ExportSettings& settings) {
    if (settings.widthPx) return {*settings.widthPx, scaled(*settings.widthPx * 297.0 / 210.0)};
    return a4PageAt(settings.dpi);
}

plan::TreatmentPlan planFor(const PreviewRenderer& renderer, const ExportSettings& settings, const LabelFacts& facts) {
    plan::PlanSettings planSettings;
    planSettings.start = settings.start.value_or(facts.consultation);
    planSettings.daysBetweenSessions = settings.daysBetweenSessions;
    return plan::computePlan(renderer.project(), renderer.layout(), renderer.field(), planSettings);
}

ComposedPicture planSheet(PreviewRenderer& renderer, const ExportSettings& settings, const LabelFacts& facts,
                          ExportSteps& steps) {
    steps.begin("Working out the plan");
    const plan::TreatmentPlan plan = planFor(renderer, settings, facts);
    const core::SizePx pageSize = planPageSize(settings);
    const int unit = std::max(4, scaled(pageSize.width / 100.0));
    const int margin = scaled(unit * 6.0);
    steps.finish();

    ComposedPicture page{blankPicture({pageSize.width, pageSize.height}, palette::kPaper), {}};
    cv::Mat mat = matOf(page.image);

    // Header: what it is, for whom, when.
    const int titleSize = scaled(unit * 3.3);
    int y = margin + scaled(titleSize * 0.78);
    drawText(mat, "Treatment plan", {margin, y}, titleSize, palette::kPrintInk, FontWeight::Bold);
    if (!facts.clientName.empty()) {
        const int width = LabelFont::get(FontWeight::Bold).measure(facts.clientName, scaled(titleSize * 0.62)).width;
        drawText(mat, facts.clientName, {pageSize.width - margin - width, y}, scaled(titleSize * 0.62), kPrintAccent,
                 FontWeight::Bold);
    }
    y += scaled(unit * 2.6);
    drawText(mat, "Scalp micropigmentation \xC2\xB7 consultation of " + shortDate(facts.consultation) + " \xC2\xB7 " +
                      std::to_string(plan.sessions.size()) + " sessions from " + shortDate(plan.settings.start),
             {margin, y}, scaled(unit * 1.4), palette::kPrintMuted);
    y += scaled(unit * 1.4);
    cv::line(mat, {margin, y}, {pageSize.width - margin, y}, kPrintAccent, std::max(1, unit / 5));
    const int picturesTop = y + scaled(unit * 2.0);

    // The text's height decides how tall the pictures may be: measured on a scratch page.
    cv::Mat scratch(mat.size(), mat.type(), palette::kPaper);
    const int textHeight = drawPlanText(scratch, unit, margin, 0, plan);
    const int footerHeight = scaled(unit * 4.0);
    const int captionHeight = scaled(unit * 3.0);
    const int gap = scaled(unit * 2.0);
    const int halfWidth = (pageSize.width - 2 * margin - gap) / 2;
    const core::ExportFrame fullFrame = renderer.frameAtWidth(halfWidth);
    const int room = pageSize.height - picturesTop - captionHeight - textHeight - footerHeight - margin;
    const int pictureHeight = std::clamp(room, pageSize.height / 6, fullFrame.size.height);
    // A picture that must be shorter than its width allows is narrowed, not cropped.
    const int pictureWidth = std::min(halfWidth, scaled(halfWidth * double(pictureHeight) / fullFrame.size.height));
    const core::ExportFrame frame = renderer.frameAtWidth(pictureWidth);
    const int left = margin + (halfWidth - pictureWidth) / 2;
    const int right = margin + halfWidth + gap + (halfWidth - pictureWidth) / 2;

    steps.begin("Rendering the photo as taken");
    core::Image before = renderer.render({0, std::nullopt}, frame, {core::CompareMode::Before});
    placePicture(page.image, before, {left, picturesTop});
    steps.finish();
    steps.begin("Rendering " + timelineText({dots::kMaxSessions, std::nullopt}, renderer.sessionCount()));
    core::Image after = renderer.render({dots::kMaxSessions, std::nullopt}, frame, {core::CompareMode::After});
    if (facts.scaleBar) {
        cv::Mat afterMat = matOf(after);
        drawScaleBar(afterMat, {0, 0, afterMat.cols, afterMat.rows}, renderer.pxPerMmAtWidth(pictureWidth),
                     facts.assumedScale, std::max(10, scaled(unit * 1.1)));
    }
    placePicture(page.image, after, {right, picturesTop});
    steps.finish();

    steps.begin("Laying out the page");
    const int captionBaseline = picturesTop + frame.size.height + scaled(unit * 2.0);
    const int captionSize = scaled(unit * 1.3);
    const int beforeWidth = drawText(mat, "Before", {left, captionBaseline}, captionSize, palette::kPrintInk, FontWeight::Bold);
    drawText(mat, "as photographed", {left + beforeWidth + unit, captionBaseline}, captionSize, palette::kPrintMuted);
    const int afterWidth = drawText(mat, "After", {right, captionBaseline}, captionSize, palette::kPrintInk, FontWeight::Bold);
    drawText(mat, "all " + std::to_string(plan.sessions.size()) + " sessions, healed and settled (preview)",
             {right + afterWidth + unit, captionBaseline}, captionSize, palette::kPrintMuted);
    const int textEnd = drawPlanText(mat, unit, margin, picturesTop + frame.size.height + captionHeight, plan);
    drawNotes(mat, unit, margin, textEnd + unit, pageSize.height - margin - scaled(unit * 1.0));

    const int footerBaseline = pageSize.height - margin + scaled(unit * 1.5);
    drawText(mat,
             std::string("A simulated preview and an estimated plan: the artist confirms each session, dilution and "
                         "date. SMP Studio ") + core::versionString(),
             {margin, footerBaseline}, scaled(unit * 1.0), palette::kPrintMuted);
    steps.finish();
    return page;
}

}  // namespace smp::outputs
