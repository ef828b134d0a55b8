#include "GoldenImage.h"

#include "core/Errors.h"
#include "vision/ImageWriter.h"
#include "vision/PhotoLoader.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <sstream>

namespace smp::test {
namespace {

namespace fs = std::filesystem;

bool updateRequested() {
    const char* value = std::getenv(kUpdateGoldensVariable);
    return value && *value && std::string(value) != "0";
}

// Goldens live in git, so they are written small; speed does not matter at test sizes.
void writePng(const core::Image& image, const fs::path& file) {
    fs::create_directories(file.parent_path());
    vision::ImageWriteOptions options;
    options.pngCompression = 9;
    vision::writeImage(image, file, options);
}

struct GoldenDifference {
    double offPixelShare = 0.0;
    int maxChannelDiff = 0;
    double meanChannelDiff = 0.0;
};

GoldenDifference measure(const core::Image& actual, const core::Image& golden, int offOver) {
    GoldenDifference difference;
    long long sum = 0;
    long long offPixels = 0;
    const std::size_t pixelCount = std::size_t(actual.width) * std::size_t(actual.height);
    for (std::size_t p = 0; p < pixelCount; ++p) {
        bool off = false;
        for (int c = 0; c < actual.channels; ++c) {
            const std::size_t i = p * std::size_t(actual.channels) + std::size_t(c);
            const int d = std::abs(int(actual.pixels[i]) - int(golden.pixels[i]));
            difference.maxChannelDiff = std::max(difference.maxChannelDiff, d);
            sum += d;
            off = off || d > offOver;
        }
        offPixels += off ? 1 : 0;
    }
    if (pixelCount > 0) {
        difference.offPixelShare = double(offPixels) / double(pixelCount);
        difference.meanChannelDiff = double(sum) / double(actual.pixels.size());
    }
    return difference;
}

std::string describe(const core::Image& image) {
    return std::to_string(image.width) + "x" + std::to_string(image.height) + "x" + std::to_string(image.channels);
}

// Writes the actual image where a reviewer and CI will find it, and says so.
bool fail(const std::string& why, const core::Image& actual, const std::string& name, const GoldenFolders& folders) {
    const fs::path besideGolden = folders.golden / (name + ".actual.png");
    const fs::path inOutput = folders.output / "golden" / (name + ".actual.png");
    std::ostringstream message;
    message << "golden image '" << name << "': " << why << "\n  actual image written to " << besideGolden.string()
            << "\n  and to " << inOutput.string();
    try {
        writePng(actual, besideGolden);
        writePng(actual, inOutput);
        const fs::path golden = folders.golden / (name + ".png");
        if (fs::exists(golden))
            fs::copy_file(golden, folders.output / "golden" / (name + ".expected.png"),
                          fs::copy_options::overwrite_existing);
    } catch (const std::exception& error) {
        message << "\n  (writing them failed: " << error.what() << ")";
    }
    message << "\n  if the new look is intended, rerun with " << kUpdateGoldensVariable
            << "=1 to rewrite the golden, then review and commit it";
    std::cerr << message.str() << "\n";
    UNSCOPED_INFO(message.str());
    return false;
}

}  // namespace

bool matchesGolden(const core::Image& actual, const std::string& name, const GoldenTolerance& tolerance,
                   const GoldenFolders& folders) {
    const fs::path goldenFile = folders.golden / (name + ".png");
    const fs::path staleActual = folders.golden / (name + ".actual.png");

    if (updateRequested()) {
        writePng(actual, goldenFile);
        fs::remove(staleActual);
        WARN("golden image '" << name << "' rewritten at " << goldenFile.string()
                              << " (" << kUpdateGoldensVariable << " is set): review it before committing");
        return true;
    }

    if (!fs::exists(goldenFile))
        return fail("no golden at " + goldenFile.string() + "; create it by running this test with " +
                        kUpdateGoldensVariable + "=1",
                    actual, name, folders);

    core::Image golden;
    try {
        golden = vision::loadPhoto(goldenFile);
    } catch (const core::InputError& error) {
        return fail(std::string("the golden cannot be read: ") + error.what(), actual, name, folders);
    }
    if (golden.width != actual.width || golden.height != actual.height || golden.channels != actual.channels)
        return fail("size differs: actual " + describe(actual) + ", golden " + describe(golden), actual, name,
                    folders);

    const GoldenDifference difference = measure(actual, golden, tolerance.maxChannelDiff);
    if (difference.offPixelShare <= tolerance.maxOffPixelShare &&
        difference.meanChannelDiff <= tolerance.maxMeanChannelDiff) {
        fs::remove(staleActual);  // a leftover from an earlier failure would only mislead
        return true;
    }
    std::ostringstream why;
    why << difference.offPixelShare * 100.0 << "% of pixels differ by more than " << tolerance.maxChannelDiff
        << " (allowed " << tolerance.maxOffPixelShare * 100.0 << "%), mean channel difference "
        << difference.meanChannelDiff << " (allowed " << tolerance.maxMeanChannelDiff << "), largest "
        << difference.maxChannelDiff;
    return fail(why.str(), actual, name, folders);
}

}  // namespace smp::test
