#pragma once
// Image comparison for the render and GUI tests.
//
// Tolerance scale (per 8-bit channel, sRGB-encoded values):
//   0     bit-exact
//   1     quantisation only: an 8-bit sRGB value decoded to linear light and encoded again
//   2-3   one resampling step in linear light (mipmap or bilinear filtering) vs a reference filter
//   > 8   visibly different: never accepted as "the same picture"
// On failure both images are written to the test output folder as <name>.actual.png and
// <name>.expected.png for a look.

#include "core/Image.h"

#include <string>

namespace smp::test {

struct ImageDifference {
    bool sameSize = false;
    int maxChannelDiff = 0;
    double meanChannelDiff = 0.0;
};

ImageDifference compareImages(const core::Image& actual, const core::Image& expected);

// True when the images match within maxChannelDiff; otherwise saves both and returns false.
bool imagesMatch(const core::Image& actual, const core::Image& expected, int maxChannelDiff, const std::string& name);

}  // namespace smp::test
