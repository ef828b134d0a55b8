#pragma once
// Golden images: a render checked against a reviewed PNG kept in the source tree,
// tests/golden/<name>.png.
//
// Tolerance. Goldens are made on one machine's llvmpipe and checked on others, whose LLVM and Mesa
// versions round exp/pow and half floats slightly differently: smooth areas move by 1-2 levels
// and a few pixels on dot edges by more. A real change (a dot layer missing, a shifted view, a new
// tint) moves many pixels by a lot, or all pixels by a little. So three limits, all of which must
// hold (values per 8-bit channel, on the scale of ImageCompare.h):
//   maxChannelDiff      a pixel with a channel further off than this counts as "off"
//   maxOffPixelShare    the share of pixels allowed to be off
//   maxMeanChannelDiff  the mean |difference| over every channel of every pixel, which catches a
//                       change too gentle to push any pixel over maxChannelDiff
// The sizes and channel counts must match exactly.
//
// On failure <name>.actual.png is written beside the golden (to look at, or to copy over it) and
// into the test output folder (what CI keeps); the message names both. A missing golden fails the
// same way. With SMP_UPDATE_GOLDENS=1 in the environment the golden is (re)written instead and the
// check passes with a warning: review the new PNG before committing it.

#include "core/Image.h"

#include <filesystem>
#include <string>

namespace smp::test {

struct GoldenTolerance {
    int maxChannelDiff = 3;
    double maxOffPixelShare = 0.001;
    double maxMeanChannelDiff = 0.5;
};

// Where goldens are read and failures written; the defaults are the source tree's tests/golden
// and the build's test output folder. The helper's own tests point these at scratch folders.
struct GoldenFolders {
    std::filesystem::path golden = std::filesystem::path(SMP_SOURCE_DIR) / "tests" / "golden";
    std::filesystem::path output = SMP_TEST_OUTPUT_DIR;
};

// True when `actual` matches tests/golden/<name>.png within `tolerance` (or SMP_UPDATE_GOLDENS=1
// rewrote it). Otherwise writes the actual image as described above, reports why through Catch's
// UNSCOPED_INFO and stderr, and returns false: use it as REQUIRE(matchesGolden(...)).
// `name` may hold '/' to group goldens in subfolders.
bool matchesGolden(const core::Image& actual, const std::string& name, const GoldenTolerance& tolerance = {},
                   const GoldenFolders& folders = {});

// The environment variable that switches matchesGolden to writing goldens.
inline constexpr const char* kUpdateGoldensVariable = "SMP_UPDATE_GOLDENS";

}  // namespace smp::test
