#pragma once
// core::Image seen as an OpenCV matrix, without a copy: labels are drawn straight into the
// rendered pixels. The channel order stays RGB.

#include "core/Errors.h"
#include "core/Image.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

namespace smp::outputs {

// Throws core::UsageError for an image that is not 8-bit RGB.
inline cv::Mat matOf(core::Image& image) {
    if (image.channels != 3 || image.empty()) throw core::UsageError("outputs: expected an RGB picture");
    return cv::Mat(image.height, image.width, CV_8UC3, image.pixels.data());
}
// Read-only use only: OpenCV has no const matrix header.
inline cv::Mat matOf(const core::Image& image) { return matOf(const_cast<core::Image&>(image)); }

// A picture of `size` filled with `color` (RGB).
inline core::Image blankPicture(cv::Size size, cv::Scalar color) {
    core::Image image(size.width, size.height, 3);
    matOf(image).setTo(color);
    return image;
}

// Copies `picture` into `canvas` with its top-left corner at `at` (clipped to the canvas).
inline void placePicture(core::Image& canvas, const core::Image& picture, cv::Point at) {
    cv::Mat target = matOf(canvas);
    const cv::Mat source = matOf(picture);
    const cv::Rect where = cv::Rect(at, source.size()) & cv::Rect(0, 0, target.cols, target.rows);
    if (where.empty()) return;
    source(cv::Rect(where.tl() - at, where.size())).copyTo(target(where));
}

inline core::RectPx rectPxOf(cv::Rect rect) { return {rect.x, rect.y, rect.width, rect.height}; }

}  // namespace smp::outputs
