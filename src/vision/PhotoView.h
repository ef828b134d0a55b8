#pragma once
// Internal to smp_vision: an OpenCV header over a photo's own pixels, for OpenCV to read without
// a copy. Not for public headers: it exposes OpenCV types.

#include "core/Errors.h"
#include "core/Image.h"

#include <opencv2/core.hpp>

#include <cstdint>
#include <string>

namespace smp::vision {

// The photo as an 8-bit RGB(A) Mat sharing its buffer. Throws core::UsageError, starting with
// `what` (the analysis asking), for an empty photo or one that is not 3 or 4 whole channels.
inline cv::Mat photoView(const core::Image& photo, const std::string& what) {
    if (photo.empty())
        throw core::UsageError(what + ": the photo is empty (" + std::to_string(photo.width) + "x" +
                               std::to_string(photo.height) + " pixels)");
    if ((photo.channels != 3 && photo.channels != 4) ||
        photo.pixels.size() != core::Image::byteCount(photo.width, photo.height, photo.channels))
        throw core::UsageError(what + ": the photo must be 8-bit RGB or RGBA with width x height x channels "
                                      "bytes (got " + std::to_string(photo.channels) + " channels, " +
                               std::to_string(photo.pixels.size()) + " bytes)");
    // OpenCV only reads through this header; the const_cast is how a Mat wraps a buffer without a copy.
    return {photo.height, photo.width, CV_8UC(photo.channels), const_cast<std::uint8_t*>(photo.pixels.data())};
}

}  // namespace smp::vision
