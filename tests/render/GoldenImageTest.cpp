// The golden-image helper itself, on scratch folders (never the source tree's tests/golden).
#include "vision/ImageWriter.h"
#include "vision/PhotoLoader.h"

#include "GoldenImage.h"
#include "ImageCompare.h"
#include "PaintedPhotos.h"
#include "TestFolder.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>

using namespace smp;
namespace fs = std::filesystem;

namespace {

// Sets or clears an environment variable for one test and puts the old value back.
class ScopedEnvironment {
public:
    ScopedEnvironment(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value) ::setenv(name, value, 1);
        else ::unsetenv(name);
    }
    ~ScopedEnvironment() {
        if (old_) ::setenv(name_, old_->c_str(), 1);
        else ::unsetenv(name_);
    }
    ScopedEnvironment(const ScopedEnvironment&) = delete;
    ScopedEnvironment& operator=(const ScopedEnvironment&) = delete;

private:
    const char* name_;
    std::optional<std::string> old_;
};

struct Scratch {
    test::GoldenFolders folders;
    explicit Scratch(const std::string& name) {
        const fs::path root = test::freshFolder("golden_helper_" + name);
        folders.golden = root / "golden";
        folders.output = root / "output";
        fs::create_directories(folders.golden);
    }
    [[nodiscard]] fs::path golden(const std::string& name) const { return folders.golden / (name + ".png"); }
    [[nodiscard]] fs::path actualBeside(const std::string& name) const {
        return folders.golden / (name + ".actual.png");
    }
    [[nodiscard]] fs::path actualInOutput(const std::string& name) const {
        return folders.output / "golden" / (name + ".actual.png");
    }
};

// Adds `delta` to every channel of the pixels in the rectangle, clamped.
core::Image shifted(core::Image image, int delta, int x0, int y0, int x1, int y1) {
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x)
            for (int c = 0; c < image.channels; ++c) {
                std::uint8_t& v = image.at(x, y)[c];
                v = static_cast<std::uint8_t>(std::clamp(int(v) + delta, 0, 255));
            }
    return image;
}

}  // namespace

TEST_CASE("golden: the image it was made from matches, and a stale actual is cleared", "[render][golden]") {
    const ScopedEnvironment noUpdate(test::kUpdateGoldensVariable, nullptr);
    const Scratch scratch("identical");
    const core::Image image = test::paintTestPhoto(64, 48);
    vision::writeImage(image, scratch.golden("photo"));
    vision::writeImage(image, scratch.actualBeside("photo"));  // left by an earlier failure

    REQUIRE(test::matchesGolden(image, "photo", {}, scratch.folders));
    REQUIRE_FALSE(fs::exists(scratch.actualBeside("photo")));
    REQUIRE_FALSE(fs::exists(scratch.actualInOutput("photo")));
}

TEST_CASE("golden: a changed image fails and leaves the actual beside the golden and in the output",
          "[render][golden]") {
    const ScopedEnvironment noUpdate(test::kUpdateGoldensVariable, nullptr);
    const Scratch scratch("changed");
    const core::Image image = test::paintTestPhoto(64, 48);
    vision::writeImage(image, scratch.golden("photo"));
    // An 8x8 patch darkened by 40 levels: 2% of the pixels, a dot drawn where none was.
    const core::Image changed = shifted(image, -40, 20, 20, 28, 28);

    REQUIRE_FALSE(test::matchesGolden(changed, "photo", {}, scratch.folders));
    for (const fs::path& written : {scratch.actualBeside("photo"), scratch.actualInOutput("photo")}) {
        INFO(written.string());
        REQUIRE(fs::exists(written));
        REQUIRE(test::compareImages(vision::loadPhoto(written), changed).maxChannelDiff == 0);
    }
    // The golden itself is left alone.
    REQUIRE(test::compareImages(vision::loadPhoto(scratch.golden("photo")), image).maxChannelDiff == 0);
}

TEST_CASE("golden: the tolerance takes llvmpipe's rounding but not a real change", "[render][golden]") {
    const ScopedEnvironment noUpdate(test::kUpdateGoldensVariable, nullptr);
    const Scratch scratch("tolerance");
    const core::Image image = test::paintTestPhoto(100, 100);
    vision::writeImage(image, scratch.golden("photo"));
    const test::GoldenTolerance tolerance;  // the defaults: off over 3, 0.1% off, mean 0.5

    // Every channel off by one in a quarter of the image: mean 0.25, nothing over 3.
    REQUIRE(test::matchesGolden(shifted(image, 1, 0, 0, 50, 50), "photo", tolerance, scratch.folders));
    // 10 of 10000 pixels far off: exactly the share allowed.
    REQUIRE(test::matchesGolden(shifted(image, 60, 0, 0, 10, 1), "photo", tolerance, scratch.folders));
    // One more is over it.
    REQUIRE_FALSE(test::matchesGolden(shifted(image, 60, 0, 0, 11, 1), "photo", tolerance, scratch.folders));
    // The whole image one level brighter, nothing over 3: too gentle for any pixel to count as
    // off, caught by the mean.
    REQUIRE_FALSE(test::matchesGolden(shifted(image, 1, 0, 0, 100, 100), "photo", tolerance, scratch.folders));
    // A looser tolerance takes what the default refuses.
    REQUIRE(test::matchesGolden(shifted(image, 1, 0, 0, 100, 100), "photo", {3, 0.001, 1.5}, scratch.folders));
}

TEST_CASE("golden: another size fails, whatever the pixels", "[render][golden]") {
    const ScopedEnvironment noUpdate(test::kUpdateGoldensVariable, nullptr);
    const Scratch scratch("size");
    vision::writeImage(test::paintTestPhoto(64, 48), scratch.golden("photo"));
    REQUIRE_FALSE(test::matchesGolden(test::paintTestPhoto(64, 47), "photo", {}, scratch.folders));
    REQUIRE(fs::exists(scratch.actualBeside("photo")));
}

TEST_CASE("golden: a missing golden fails and leaves the actual to review", "[render][golden]") {
    const ScopedEnvironment noUpdate(test::kUpdateGoldensVariable, nullptr);
    const Scratch scratch("missing");
    REQUIRE_FALSE(test::matchesGolden(test::paintTestPhoto(32, 32), "scene/new", {}, scratch.folders));
    REQUIRE_FALSE(fs::exists(scratch.golden("scene/new")));  // never created behind the reviewer's back
    REQUIRE(fs::exists(scratch.actualBeside("scene/new")));
    REQUIRE(fs::exists(scratch.actualInOutput("scene/new")));
}

TEST_CASE("golden: update mode writes the golden, which then matches", "[render][golden]") {
    const Scratch scratch("update");
    const core::Image image = test::paintTestPhoto(64, 48);
    const core::Image changed = shifted(image, -40, 0, 0, 64, 24);
    fs::create_directories(scratch.folders.golden / "scene");
    vision::writeImage(image, scratch.actualBeside("scene/photo"));  // left by an earlier failure
    {
        const ScopedEnvironment update(test::kUpdateGoldensVariable, "1");
        REQUIRE(test::matchesGolden(image, "scene/photo", {}, scratch.folders));  // created
        REQUIRE(test::matchesGolden(changed, "scene/photo", {}, scratch.folders));  // replaced
    }
    REQUIRE(test::compareImages(vision::loadPhoto(scratch.golden("scene/photo")), changed).maxChannelDiff == 0);
    REQUIRE_FALSE(fs::exists(scratch.actualBeside("scene/photo")));

    const ScopedEnvironment noUpdate(test::kUpdateGoldensVariable, nullptr);
    REQUIRE(test::matchesGolden(changed, "scene/photo", {}, scratch.folders));
    REQUIRE_FALSE(test::matchesGolden(image, "scene/photo", {}, scratch.folders));
    // "0" means off, as a CI setting the variable to 0 would expect.
    const ScopedEnvironment off(test::kUpdateGoldensVariable, "0");
    REQUIRE_FALSE(test::matchesGolden(image, "scene/photo", {}, scratch.folders));
}
