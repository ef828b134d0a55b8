#include "outputs/Captions.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace smp::outputs {

int labelSizeFor(cv::Size picture) {
    const int shorter = std::min(picture.width, picture.height);
    return std::clamp(int(std::lround(shorter * 0.026)), 12, 120);
}

void shadeRect(cv::Mat& image, cv::Rect rect, cv::Scalar color, double opacity, int radiusPx) {
    const cv::Rect clipped = rect & cv::Rect(0, 0, image.cols, image.rows);
    if (clipped.empty()) return;
    // Coverage of the rounded rectangle, anti-aliased, in the rectangle's own coordinates.
    cv::Mat coverage(rect.height, rect.width, CV_8UC1, cv::Scalar(0));
    const int r = std::clamp(radiusPx, 0, std::min(rect.width, rect.height) / 2);
    if (r == 0) {
        coverage.setTo(255);
    } else {
        cv::rectangle(coverage, cv::Rect(r, 0, rect.width - 2 * r, rect.height), 255, cv::FILLED);
        cv::rectangle(coverage, cv::Rect(0, r, rect.width, rect.height - 2 * r), 255, cv::FILLED);
        for (const cv::Point centre : {cv::Point(r, r), cv::Point(rect.width - 1 - r, r),
                                       cv::Point(r, rect.height - 1 - r), cv::Point(rect.width - 1 - r, rect.height - 1 - r)})
            cv::circle(coverage, centre, r, 255, cv::FILLED, cv::LINE_AA);
    }
    const int channels = image.channels();
    for (int y = clipped.y; y < clipped.y + clipped.height; ++y) {
        uchar* row = image.ptr<uchar>(y);
        const uchar* cover = coverage.ptr<uchar>(y - rect.y);
        for (int x = clipped.x; x < clipped.x + clipped.width; ++x) {
            const double a = opacity * cover[x - rect.x] / 255.0;
            if (a <= 0.0) continue;
            uchar* pixel = row + x * channels;
            for (int c = 0; c < std::min(channels, 3); ++c)
                pixel[c] = cv::saturate_cast<uchar>(pixel[c] * (1.0 - a) + color[c] * a);
        }
    }
}

int drawText(cv::Mat& image, const std::string& text, cv::Point baseline, int sizePx, cv::Scalar color,
             FontWeight weight) {
    const LabelFont& font = LabelFont::get(weight);
    font.draw(image, text, baseline, sizePx, color);
    return font.measure(text, sizePx).width;
}

int tagSizeToFit(const std::string& title, const std::string& detail, int sizePx, int areaWidth) {
    const LabelFont& bold = LabelFont::get(FontWeight::Bold);
    const LabelFont& regular = LabelFont::get(FontWeight::Regular);
    const auto tagWidth = [&](int size) {
        const int detailWidth =
            detail.empty() ? 0 : int(std::lround(size * 0.55)) + regular.measure(detail, size).width;
        // The text, its padding and the margins on both sides.
        return bold.measure(title, size).width + detailWidth + 2 * int(std::lround(size * 0.7)) +
               2 * int(std::lround(size * 0.8));
    };
    while (sizePx > 10 && tagWidth(sizePx) > areaWidth) sizePx = std::max(10, sizePx * 9 / 10);
    return sizePx;
}

cv::Rect drawTag(cv::Mat& image, cv::Rect area, Corner corner, const std::string& title, const std::string& detail,
                 int sizePx) {
    const LabelFont& bold = LabelFont::get(FontWeight::Bold);
    const LabelFont& regular = LabelFont::get(FontWeight::Regular);
    sizePx = tagSizeToFit(title, detail, sizePx, area.width);
    const TextExtent titleExtent = bold.measure(title, sizePx);
    const int gap = detail.empty() ? 0 : int(std::lround(sizePx * 0.55));
    const int detailWidth = detail.empty() ? 0 : regular.measure(detail, sizePx).width;
    const int padX = int(std::lround(sizePx * 0.7));
    const int padY = int(std::lround(sizePx * 0.45));
    const int width = titleExtent.width + gap + detailWidth + 2 * padX;
    const int height = titleExtent.ascent + titleExtent.descent + 2 * padY;
    const int margin = int(std::lround(sizePx * 0.8));

    const bool left = corner == Corner::TopLeft || corner == Corner::BottomLeft;
    const bool top = corner == Corner::TopLeft || corner == Corner::TopRight;
    const int x = left ? area.x + margin : area.x + area.width - margin - width;
    const int y = top ? area.y + margin : area.y + area.height - margin - height;
    const cv::Rect band(x, y, width, height);
    shadeRect(image, band, palette::kInk, kBandOpacity, int(std::lround(sizePx * 0.35)));

    const cv::Point baseline(x + padX, y + padY + titleExtent.ascent);
    bold.draw(image, title, baseline, sizePx, palette::kPaper);
    if (!detail.empty())
        regular.draw(image, detail, {baseline.x + titleExtent.width + gap, baseline.y}, sizePx, palette::kMuted);
    return band;
}

}  // namespace smp::outputs
