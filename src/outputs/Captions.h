#pragma once
// Labels that read on any photo: text on a translucent dark band with rounded corners, sized
// from the picture so that a 24 MP export and a 1280 px video frame look alike. Images are RGB.

#include "outputs/LabelFont.h"

#include <opencv2/core.hpp>

#include <string>

namespace smp::outputs {

// The colours of every output, RGB.
namespace palette {
inline const cv::Scalar kInk(22, 24, 28);            // the translucent bands, near black
inline const cv::Scalar kPaper(255, 255, 255);       // text on the bands
inline const cv::Scalar kMuted(200, 204, 210);       // secondary text on the bands
inline const cv::Scalar kSheet(27, 29, 33);          // the session sheet's background
inline const cv::Scalar kAccent(214, 168, 96);       // a warm gold: titles, the timeline's progress
inline const cv::Scalar kPrintInk(33, 37, 41);       // text on the printed page
inline const cv::Scalar kPrintMuted(110, 117, 125);  // secondary text on the page
inline const cv::Scalar kPrintRule(222, 226, 230);   // rules and table stripes on the page
}  // namespace palette

inline constexpr double kBandOpacity = 0.62;

// The label size for a picture of this size: about 2.6% of its shorter side, 12 to 120 px.
[[nodiscard]] int labelSizeFor(cv::Size picture);

// Blends `color` over the rectangle (clipped to the image) at `opacity`, corners rounded by
// `radiusPx`.
void shadeRect(cv::Mat& image, cv::Rect rect, cv::Scalar color, double opacity, int radiusPx = 0);

enum class Corner { TopLeft, TopRight, BottomLeft, BottomRight };

// `sizePx`, or smaller (down to 10 px) until the tag fits an area `areaWidth` px wide: a caller
// with several tags uses the smallest, so that they match.
[[nodiscard]] int tagSizeToFit(const std::string& title, const std::string& detail, int sizePx, int areaWidth);

// A tag in one corner of `area` (inset by a margin): `title` in bold capitals-style weight, then
// `detail` in a lighter colour, on one translucent band, set smaller when it would not fit. Returns the band's rectangle.
cv::Rect drawTag(cv::Mat& image, cv::Rect area, Corner corner, const std::string& title, const std::string& detail,
                 int sizePx);

// Text with the left end of its baseline at `baseline`; returns its width.
int drawText(cv::Mat& image, const std::string& text, cv::Point baseline, int sizePx, cv::Scalar color,
             FontWeight weight = FontWeight::Regular);

}  // namespace smp::outputs
