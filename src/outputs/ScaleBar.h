#pragma once
// A scale bar in millimetres from the photo's scale, as a clinic's photos carry: a round length
// (1, 2, 5, 10, 20, 50 or 100 mm) as long as fits, on its own translucent band.

#include <opencv2/core.hpp>

#include <optional>

namespace smp::outputs {

struct ScaleBarLength {
    int mm = 0;
    int px = 0;  // in the picture, at its own resolution
};

// The longest round length no longer than maxPx at `pxPerMm` picture pixels a millimetre, and at
// least 3 px long; none when even 1 mm is longer than maxPx or pxPerMm is not positive.
[[nodiscard]] std::optional<ScaleBarLength> chooseScaleBar(double pxPerMm, int maxPx);

// Draws the bar with its label in the bottom-right corner of `area`, at most a quarter of the
// area's width long. `assumed`: the scale was not measured, so the label says "≈". Returns the
// band's rectangle, or an empty one when no bar fits.
cv::Rect drawScaleBar(cv::Mat& image, cv::Rect area, double pxPerMm, bool assumed, int sizePx);

}  // namespace smp::outputs
