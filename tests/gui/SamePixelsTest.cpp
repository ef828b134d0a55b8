// The canvas draws in the GLFW window's context and exports draw in a headless EGL context, both
// through SceneRenderer: the artist must get the pixels they looked at. SamePixelsProbe renders
// the demo project's canvas state in each context, each in its own process as the product does
// (the window one under xvfb-run, the headless one with no display at all), and the pixels are
// compared here.
//
// Tolerance 1 on ImageCompare.h's scale. Both contexts run the same shaders on the same llvmpipe,
// so anything but 0 means the contexts differ in state the renderer forgot to set (sRGB writes,
// blending, a default framebuffer format); 1 leaves room for an sRGB rounding step, no more. On
// real GPUs GLX and EGL can reach the same driver differently; widen it there only with a reason.

#include "vision/PhotoLoader.h"

#include "ImageCompare.h"
#include "RunProcess.h"
#include "TestFolder.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

using namespace smp;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {

constexpr int kTolerance = 1;
const std::string kDemoProject = SMP_SOURCE_DIR "/assets/demo/demo.smp.json";

// "dots: N" from the probe's output; -1 when it said none.
long dotCount(const std::string& output) {
    const auto at = output.find("dots: ");
    return at == std::string::npos ? -1 : std::stol(output.substr(at + 6));
}

struct ProbeRun {
    fs::path folder;
    test::ProcessResult result;
};

ProbeRun runProbe(const fs::path& root, const std::string& mode, const std::string& launcher) {
    ProbeRun run{root / mode, {}};
    fs::create_directories(run.folder);
    run.result = test::runCommand(launcher + " " + test::quoted(SMP_SAME_PIXELS_PROBE) + " --" + mode + " " +
                                  test::quoted(kDemoProject) + " " + test::quoted(run.folder.string()));
    return run;
}

}  // namespace

TEST_CASE("the window's context and the headless export context draw the same canvas pixels", "[gui]") {
    const fs::path root = test::freshFolder("gui_same_pixels");
    // No display at all for the headless side, as on a render server.
    const ProbeRun headless = runProbe(root, "headless", "env -u DISPLAY -u WAYLAND_DISPLAY");
    const ProbeRun window = runProbe(root, "window", test::quoted(SMP_XVFB_RUN) + " -a -s '-screen 0 1280x800x24'");
    INFO("headless probe:\n" << headless.result.output << "\nwindow probe:\n" << window.result.output);
    REQUIRE(headless.result.exitCode == 0);
    REQUIRE(window.result.exitCode == 0);
    REQUIRE_THAT(headless.result.output, Contains("context: headless EGL"));
    REQUIRE_THAT(window.result.output, Contains("context: GLFW window"));
    // The same document gave the same dots on both sides, and there are dots to compare.
    REQUIRE(dotCount(window.result.output) > 1000);
    REQUIRE(dotCount(window.result.output) == dotCount(headless.result.output));

    for (const std::string view : {"closeup", "overview"}) {
        INFO(view);
        const core::Image inWindow = vision::loadPhoto(window.folder / (view + ".png"));
        const core::Image exported = vision::loadPhoto(headless.folder / (view + ".png"));
        const test::ImageDifference difference = test::compareImages(inWindow, exported);
        CAPTURE(difference.maxChannelDiff, difference.meanChannelDiff);
        REQUIRE(test::imagesMatch(inWindow, exported, kTolerance, "same_pixels_" + view));
    }

    // The close-up shows dots, so the match above is about dots and not just the photo: without
    // them the same view is visibly different in both contexts alike.
    const core::Image withDots = vision::loadPhoto(headless.folder / "closeup.png");
    for (const ProbeRun* run : {&headless, &window}) {
        const test::ImageDifference dotsShown =
            test::compareImages(withDots, vision::loadPhoto(run->folder / "closeup-no-dots.png"));
        CAPTURE(run->folder.string(), dotsShown.maxChannelDiff, dotsShown.meanChannelDiff);
        REQUIRE(dotsShown.sameSize);
        REQUIRE(dotsShown.maxChannelDiff > 40);
        // The dots cover a few percent of the close-up: a mean of a quarter level over the whole
        // frame (about 0.49 measured) is far above what a stray pixel or rounding could give.
        REQUIRE(dotsShown.meanChannelDiff > 0.25);
    }
}
