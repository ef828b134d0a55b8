// Starts the real binary in a virtual X server, lets it draw, and checks its own screenshot.
#include "vision/ImageWriter.h"
#include "vision/PhotoLoader.h"

#include "RunProcess.h"
#include "TestFolder.h"

#include <catch2/catch.hpp>
#include <opencv2/imgproc.hpp>

#include <fstream>
#include <iterator>

using namespace smp;
using Catch::Matchers::Contains;

namespace {

const std::string kDemoProject = SMP_SOURCE_DIR "/assets/demo/demo.smp.json";
const std::string kDemoPhoto = SMP_SOURCE_DIR "/assets/demo/demo_head.jpg";

// Runs the window with private config and state folders (no recovery prompt from the machine's
// own autosaves) and returns its screenshot.
core::Image runWindow(const std::filesystem::path& folder, const std::string& args) {
    const auto shot = folder / "window.png";
    const std::string command = "env XDG_CONFIG_HOME=" + test::quoted((folder / "config").string()) +
                                " XDG_STATE_HOME=" + test::quoted((folder / "state").string()) + " " +
                                test::quoted(SMP_XVFB_RUN) + " -a -s '-screen 0 1280x800x24' " + test::studio() +
                                " --screenshot " + test::quoted(shot.string()) + " --frames 20 " + args;
    const auto result = test::runCommand(command);
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    REQUIRE(std::filesystem::exists(shot));
    return vision::loadPhoto(shot);
}

cv::Mat toGrey(const core::Image& image) {
    cv::Mat rgb(image.height, image.width, CV_8UC(image.channels), const_cast<std::uint8_t*>(image.pixels.data()));
    cv::Mat grey;
    cv::cvtColor(rgb, grey, image.channels == 4 ? cv::COLOR_RGBA2GRAY : cv::COLOR_RGB2GRAY);
    return grey;
}

struct Match {
    double score = -1.0;
    double scale = 0.0;
};

// Finds the photo in the screenshot at whatever size the canvas fitted it to: normalised
// cross-correlation over a range of scales (both at half size to keep it quick).
Match findPhotoOnScreen(const core::Image& screenshot, const core::Image& photo) {
    cv::Mat screen;
    cv::resize(toGrey(screenshot), screen, {}, 0.5, 0.5, cv::INTER_AREA);
    const cv::Mat source = toGrey(photo);
    Match best;
    for (double scale = 0.10; scale <= 0.60; scale += 0.0025) {
        cv::Mat templ;
        cv::resize(source, templ, {}, scale * 0.5, scale * 0.5, cv::INTER_AREA);
        if (templ.cols >= screen.cols || templ.rows >= screen.rows) break;
        cv::Mat response;
        cv::matchTemplate(screen, templ, response, cv::TM_CCOEFF_NORMED);
        double maxValue = 0.0;
        cv::minMaxLoc(response, nullptr, &maxValue);
        if (maxValue > best.score) best = {maxValue, scale};
    }
    return best;
}

bool hasPixelNear(const core::Image& image, int r, int g, int b, int tolerance) {
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x) {
            const std::uint8_t* p = image.at(x, y);
            if (std::abs(p[0] - r) <= tolerance && std::abs(p[1] - g) <= tolerance && std::abs(p[2] - b) <= tolerance)
                return true;
        }
    return false;
}

}  // namespace

TEST_CASE("the window opens on the demo head and shows it on the canvas", "[gui]") {
    const auto folder = test::freshFolder("gui_demo");
    const core::Image screenshot = runWindow(folder, test::quoted(kDemoProject));
    REQUIRE(screenshot.width == 1280);
    REQUIRE(screenshot.height == 800);

    const Match match = findPhotoOnScreen(screenshot, vision::loadPhoto(kDemoPhoto));
    INFO("best match " << match.score << " at scale " << match.scale);
    REQUIRE(match.score > 0.95);
    REQUIRE(match.scale > 0.2);  // fitted to the canvas, not a thumbnail

    // The window size and panel layout are remembered in the config folder.
    REQUIRE(std::filesystem::exists(folder / "config" / "smp-studio" / "imgui.ini"));
    std::ifstream settings(folder / "config" / "smp-studio" / "window.json");
    const std::string text(std::istreambuf_iterator<char>(settings), {});
    REQUIRE_THAT(text, Contains("\"windowWidth\": 1280"));
    REQUIRE_THAT(text, Contains("\"windowHeight\": 800"));
}

TEST_CASE("the window comes back at the size it was left", "[gui]") {
    const auto folder = test::freshFolder("gui_remembered_size");
    std::filesystem::create_directories(folder / "config" / "smp-studio");
    std::ofstream(folder / "config" / "smp-studio" / "window.json") << R"({"windowWidth": 1000, "windowHeight": 700})";
    const core::Image screenshot = runWindow(folder, test::quoted(kDemoProject));
    REQUIRE(screenshot.width == 1000);
    REQUIRE(screenshot.height == 700);
}

TEST_CASE("the files opened are remembered for File > Open recent, the bundled demo not", "[gui]") {
    const auto folder = test::freshFolder("gui_recent_files");
    const auto settings = folder / "config" / "smp-studio" / "window.json";
    std::filesystem::create_directories(settings.parent_path());
    std::ofstream(settings) << R"({"recentFiles": ["/clients/anna.smp.json"]})";
    std::filesystem::copy_file(kDemoPhoto, folder / "front.jpg");
    runWindow(folder, test::quoted((folder / "front.jpg").string()));
    std::ifstream in(settings);
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    INFO(text);
    const auto front = text.find((folder / "front.jpg").string());
    const auto anna = text.find("/clients/anna.smp.json");
    REQUIRE(front != std::string::npos);
    REQUIRE(anna != std::string::npos);
    REQUIRE(front < anna);  // newest first

    runWindow(folder, "");  // the demo, when no file is given
    std::ifstream again(settings);
    const std::string after{std::istreambuf_iterator<char>(again), std::istreambuf_iterator<char>()};
    REQUIRE(after.find("demo.smp.json") == std::string::npos);
    REQUIRE(after.find((folder / "front.jpg").string()) != std::string::npos);
}

TEST_CASE("a file that is not a photo opens a visible error and an empty canvas, not a crash", "[gui]") {
    const auto folder = test::freshFolder("gui_bad_photo");
    std::ofstream(folder / "notes.jpg") << "shopping list";
    const core::Image screenshot = runWindow(folder, test::quoted((folder / "notes.jpg").string()));
    // The error notice's red background (ui/Messages.cpp) is on screen.
    REQUIRE(hasPixelNear(screenshot, 115, 31, 31, 4));
}
