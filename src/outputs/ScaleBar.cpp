#include "outputs/ScaleBar.h"

#include "outputs/Captions.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

namespace smp::outputs {

std::optional<ScaleBarLength> chooseScaleBar(double pxPerMm, int maxPx) {
    if (!(pxPerMm > 0.0) || maxPx <= 0) return std::nullopt;
    static constexpr std::array<int, 7> kLengthsMm{100, 50, 20, 10, 5, 2, 1};
    for (const int mm : kLengthsMm) {
        const int px = int(std::lround(mm * pxPerMm));
        if (px <= maxPx && px >= 3) return ScaleBarLength{mm, px};
    }
    return std::nullopt;
}

cv::Rect drawScaleBar(cv::Mat& image, cv::Rect area, double pxPerMm, bool assumed, int sizePx) {
    const std::optional<ScaleBarLength> bar = chooseScaleBar(pxPerMm, area.width / 4);
    if (!bar) return {};
    const std::string label = (assumed ? "\xE2\x89\x88 " : "") + std::to_string(bar->mm) + " mm";
    const LabelFont& font = LabelFont::get(FontWeight::Regular);
    const int textSize = std::max(10, int(std::lround(sizePx * 0.85)));
    const TextExtent text = font.measure(label, textSize);
    const int padX = int(std::lround(sizePx * 0.7));
    const int padY = int(std::lround(sizePx * 0.45));
    const int gap = int(std::lround(sizePx * 0.5));
    const int thickness = std::max(2, int(std::lround(sizePx * 0.16)));
    const int tick = std::max(4, int(std::lround(sizePx * 0.45)));
    const int width = bar->px + gap + text.width + 2 * padX;
    const int height = std::max(text.ascent + text.descent, tick) + 2 * padY;
    const int margin = int(std::lround(sizePx * 0.8));
    const cv::Rect band(area.x + area.width - margin - width, area.y + area.height - margin - height, width, height);
    shadeRect(image, band, palette::kInk, kBandOpacity, int(std::lround(sizePx * 0.35)));

    // The bar sits on the text's baseline-centre line, ticks at both ends like a ruler's.
    const int left = band.x + padX;
    const int right = left + bar->px - 1;
    const int middle = band.y + height / 2;
    cv::rectangle(image, cv::Point(left, middle - thickness / 2), cv::Point(right, middle - thickness / 2 + thickness - 1),
                  palette::kPaper, cv::FILLED);
    const int tickWidth = std::max(1, thickness / 2);
    for (const int x : {left, right - tickWidth + 1})
        cv::rectangle(image, cv::Point(x, middle - tick / 2), cv::Point(x + tickWidth - 1, middle + tick / 2),
                      palette::kPaper, cv::FILLED);
    font.draw(image, label, {right + gap, middle + (text.ascent - text.descent) / 2}, textSize, palette::kPaper);
    return band;
}

}  // namespace smp::outputs
