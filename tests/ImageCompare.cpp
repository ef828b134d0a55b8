#include "ImageCompare.h"

#include "vision/ImageWriter.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace smp::test {

ImageDifference compareImages(const core::Image& actual, const core::Image& expected) {
    ImageDifference difference;
    difference.sameSize = actual.width == expected.width && actual.height == expected.height &&
                          actual.channels == expected.channels;
    if (!difference.sameSize) return difference;
    long long sum = 0;
    for (std::size_t i = 0; i < actual.pixels.size(); ++i) {
        const int d = std::abs(int(actual.pixels[i]) - int(expected.pixels[i]));
        difference.maxChannelDiff = std::max(difference.maxChannelDiff, d);
        sum += d;
    }
    difference.meanChannelDiff = actual.pixels.empty() ? 0.0 : double(sum) / double(actual.pixels.size());
    return difference;
}

bool imagesMatch(const core::Image& actual, const core::Image& expected, int maxChannelDiff, const std::string& name) {
    const ImageDifference difference = compareImages(actual, expected);
    if (difference.sameSize && difference.maxChannelDiff <= maxChannelDiff) return true;
    const auto folder = std::filesystem::path(SMP_TEST_OUTPUT_DIR);
    vision::writeImage(actual, folder / (name + ".actual.png"));
    vision::writeImage(expected, folder / (name + ".expected.png"));
    std::cerr << name << ": " << (difference.sameSize ? "" : "sizes differ; ") << "max channel difference "
              << difference.maxChannelDiff << " (allowed " << maxChannelDiff << "), mean "
              << difference.meanChannelDiff << "; images saved in " << folder.string() << "\n";
    return false;
}

}  // namespace smp::test
