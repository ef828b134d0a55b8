// The real smp-studio binary, run headless with no X display at all.
#include "vision/ImageWriter.h"
#include "vision/PhotoLoader.h"

#include "ImageCompare.h"
#include "RunProcess.h"
#include "TestFolder.h"
#include "PaintedPhotos.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

using namespace smp;
using Catch::Matchers::Contains;

namespace {

// DISPLAY and WAYLAND_DISPLAY are removed, so only EGL's surfaceless platform can draw.
std::string headless(const std::string& args) {
    return "env -u DISPLAY -u WAYLAND_DISPLAY " + test::studio() + " " + args;
}

}  // namespace

TEST_CASE("render with no sessions done writes the photo itself, with no display", "[app][render]") {
    const auto folder = test::freshFolder("cli_render_match");
    const core::Image photo = test::paintTestPhoto(480, 360);
    vision::writeImage(photo, folder / "photo.png");

    const auto render = test::runCommand(headless("render " + test::quoted((folder / "photo.png").string()) +
                                                  " --session 0 --out " + test::quoted((folder / "out.png").string())));
    INFO(render.output);
    REQUIRE(render.exitCode == 0);
    REQUIRE(test::imagesMatch(vision::loadPhoto(folder / "out.png"), photo, 1, "cli_render_match"));
}

TEST_CASE("render scales to --width and writes JPEG by the extension", "[app][render]") {
    const auto folder = test::freshFolder("cli_render_width");
    vision::writeImage(test::paintTestPhoto(480, 360), folder / "photo.png");
    const auto render = test::runCommand(headless("render " + test::quoted((folder / "photo.png").string()) +
                                                  " --out " + test::quoted((folder / "small.jpg").string()) +
                                                  " --width 240"));
    INFO(render.output);
    REQUIRE(render.exitCode == 0);
    std::ifstream jpeg(folder / "small.jpg", std::ios::binary);
    REQUIRE(jpeg.get() == 0xFF);
    REQUIRE(jpeg.get() == 0xD8);  // a JPEG start-of-image marker
    const core::Image small = vision::loadPhoto(folder / "small.jpg");
    REQUIRE(small.width == 240);
    REQUIRE(small.height == 180);
}

TEST_CASE("render of a project uses the project's photo", "[app][render]") {
    const auto result = test::runCommand(headless("render " + test::quoted(SMP_SOURCE_DIR "/assets/demo/demo.smp.json") +
                                                  " --out " + test::quoted((test::freshFolder("cli_render_demo") / "demo.png").string()) +
                                                  " --width 400"));
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
}

TEST_CASE("render errors are one line with the file and the reason, and exit codes 2 or 3", "[app][render]") {
    const auto folder = test::freshFolder("cli_render_errors");
    std::ofstream(folder / "notes.jpg") << "not a photo at all";
    vision::writeImage(test::paintTestPhoto(32, 32), folder / "photo.png");
    std::ofstream(folder / "keep.png") << "previous export";

    const auto usage = test::runCommand(headless("render --out x.png"));
    REQUIRE(usage.exitCode == 2);
    REQUIRE_THAT(usage.output, Contains("missing INPUT"));

    const auto missing = test::runCommand(headless("render /nonexistent/head.jpg --out " +
                                                   test::quoted((folder / "x.png").string())));
    REQUIRE(missing.exitCode == 3);
    REQUIRE_THAT(missing.output, Contains("/nonexistent/head.jpg"));
    REQUIRE(std::count(missing.output.begin(), missing.output.end(), '\n') == 1);

    // A failed render aimed at an existing export leaves that export as it was.
    const auto notPhoto = test::runCommand(headless("render " + test::quoted((folder / "notes.jpg").string()) +
                                                    " --out " + test::quoted((folder / "keep.png").string())));
    REQUIRE(notPhoto.exitCode == 3);
    REQUIRE_THAT(notPhoto.output, Contains("notes.jpg"));

    // The output format is checked before the input is even read.
    const auto badFormat = test::runCommand(headless("render /nonexistent/head.jpg --out " +
                                                     test::quoted((folder / "x.gif").string())));
    REQUIRE(badFormat.exitCode == 2);
    REQUIRE_THAT(badFormat.output, Contains("x.gif"));
    REQUIRE_THAT(badFormat.output, Contains("unsupported output format"));

    vision::writeImage(test::paintTestPhoto(32, 64), folder / "tall.png");
    const auto tooTall = test::runCommand(headless("render " + test::quoted((folder / "tall.png").string()) +
                                                   " --out " + test::quoted((folder / "keep.png").string()) +
                                                   " --width 16384"));
    REQUIRE(tooTall.exitCode == 2);  // 16384x32768 is over the 16384 px side limit
    REQUIRE_THAT(tooTall.output, Contains("16384x32768 px is larger than 16384 px on a side"));
    const auto nameTooLong = test::runCommand(headless("render " + test::quoted((folder / "photo.png").string()) +
                                                       " --out " + test::quoted((folder / (std::string(300, 'a') + ".png")).string())));
    REQUIRE(nameTooLong.exitCode == 3);
    REQUIRE_THAT(nameTooLong.output, Contains("File name too long"));

    const auto noFolder = test::runCommand(headless("render " + test::quoted((folder / "photo.png").string()) +
                                                    " --out " + test::quoted((folder / "gone" / "x.png").string())));
    REQUIRE(noFolder.exitCode == 3);
    REQUIRE_THAT(noFolder.output, Contains("gone/x.png"));

    std::ifstream kept(folder / "keep.png");
    REQUIRE(std::string(std::istreambuf_iterator<char>(kept), {}) == "previous export");
}

TEST_CASE("--help and --version answer without a window", "[app]") {
    const auto help = test::runCommand(headless("--help"));
    REQUIRE(help.exitCode == 0);
    REQUIRE_THAT(help.output, Contains("smp-studio render INPUT --out FILE"));
    const auto version = test::runCommand(headless("--version"));
    REQUIRE(version.exitCode == 0);
    REQUIRE_THAT(version.output, Contains("smp-studio 0.1.0"));
}

namespace {

// Mean darkening of the render against the photo-only render, over the whole image.
double meanDarkening(const core::Image& render, const core::Image& photo) {
    REQUIRE(render.width == photo.width);
    REQUIRE(render.height == photo.height);
    double sum = 0.0;
    for (std::size_t i = 0; i < render.pixels.size(); ++i) sum += std::max(0, photo.pixels[i] - render.pixels[i]);
    return sum / static_cast<double>(render.pixels.size());
}

core::Image renderDemo(const std::string& name, const std::string& args) {
    // A folder per image: CTest runs the test cases side by side, and a fresh folder is emptied.
    const auto out = test::freshFolder("cli_render_" + name) / name;
    const auto result = test::runCommand(headless("render " + test::quoted(SMP_SOURCE_DIR "/assets/demo/demo.smp.json") +
                                                  " --width 400 " + args + " --out " + test::quoted(out.string())));
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    return vision::loadPhoto(out);
}

}  // namespace

TEST_CASE("render shows the dots building up session by session", "[app][render]") {
    const core::Image bare = renderDemo("s0.png", "--session 0");
    const double one = meanDarkening(renderDemo("s1.png", "--session 1"), bare);
    const double three = meanDarkening(renderDemo("s3.png", "--session 3"), bare);
    REQUIRE(one > 0.01);  // levels per channel over the whole photo: the scalp is a small part of it
    REQUIRE(three > 1.5 * one);  // more dots, darker pigment
    REQUIRE(meanDarkening(renderDemo("all.png", ""), bare) == Approx(three).margin(1e-9));
}

TEST_CASE("render --region makes a close-up and refuses one outside the photo", "[app][render]") {
    const auto folder = test::freshFolder("cli_render_region");
    const std::string demo = test::quoted(SMP_SOURCE_DIR "/assets/demo/demo.smp.json");
    auto result = test::runCommand(headless("render " + demo + " --region 300,50,1000,500 --width 600 --out " +
                                            test::quoted((folder / "close.png").string())));
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    const core::Image close = vision::loadPhoto(folder / "close.png");
    REQUIRE(close.width == 600);
    REQUIRE(close.height == 300);
    result = test::runCommand(headless("render " + demo + " --region 1000,50,1000,500 --out " +
                                       test::quoted((folder / "outside.png").string())));
    REQUIRE(result.exitCode == 2);
    REQUIRE_THAT(result.output, Contains("--region 1000,50,1000,500 reaches outside the 1600 x 2000 px photo"));
    REQUIRE_FALSE(std::filesystem::exists(folder / "outside.png"));
}

TEST_CASE("render --style replaces the hairline: a receded line leaves more forehead bare", "[app][render]") {
    const core::Image bare = renderDemo("bare.png", "--session 0");
    const double rounded = meanDarkening(renderDemo("rounded.png", "--style rounded --transition 0"), bare);
    const double receded = meanDarkening(renderDemo("receded.png", "--style receded --transition 0"), bare);
    REQUIRE(receded < rounded);
}

namespace {

// Mean darkening of one channel (0 red, 1 green, 2 blue) against the photo-only render.
double channelDarkening(const core::Image& render, const core::Image& photo, int channel) {
    double sum = 0.0;
    for (std::size_t i = static_cast<std::size_t>(channel); i < render.pixels.size(); i += 3)
        sum += std::max(0, photo.pixels[i] - render.pixels[i]);
    return sum / static_cast<double>(render.pixels.size() / 3);
}

core::Image crop(const core::Image& image, int x0, int width) {
    core::Image part(width, image.height, image.channels);
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < width; ++x)
            for (int c = 0; c < image.channels; ++c) part.at(x, y)[c] = image.at(x0 + x, y)[c];
    return part;
}

}  // namespace

TEST_CASE("render --day shows fresh work red and darker, settled work neither", "[app][render]") {
    const core::Image bare = renderDemo("bare.png", "--session 0");
    const core::Image day1 = renderDemo("day1.png", "--session 1 --day 1");
    const core::Image settled = renderDemo("settled.png", "--session 1 --day settled");
    REQUIRE(meanDarkening(day1, bare) > 1.3 * meanDarkening(settled, bare));
    // Settled carbon takes more red than green (blue-grey); inflamed skin loses green, not red.
    const double settledGreenOverRed = channelDarkening(settled, bare, 1) / channelDarkening(settled, bare, 0);
    const double day1GreenOverRed = channelDarkening(day1, bare, 1) / channelDarkening(day1, bare, 0);
    INFO("green/red darkening: settled " << settledGreenOverRed << ", day 1 " << day1GreenOverRed);
    REQUIRE(settledGreenOverRed < 1.0);
    REQUIRE(day1GreenOverRed > 1.2);
}

TEST_CASE("render --view compares the photo with the preview", "[app][render]") {
    const core::Image bare = renderDemo("bare.png", "--session 0");
    const core::Image after = renderDemo("after.png", "--session 3");
    REQUIRE(test::imagesMatch(renderDemo("before.png", "--session 3 --view before"), bare, 0, "cli_view_before"));

    // --width 800 is both halves together: each is the 400 px render.
    const auto out = test::freshFolder("cli_render_views") / "side.png";
    const auto result = test::runCommand(headless("render " + test::quoted(SMP_SOURCE_DIR "/assets/demo/demo.smp.json") +
                                                  " --session 3 --view side-by-side --width 800 --out " +
                                                  test::quoted(out.string())));
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    const core::Image side = vision::loadPhoto(out);
    REQUIRE(side.width == 800);
    REQUIRE(side.height == bare.height);
    CHECK(test::imagesMatch(crop(side, 0, 400), bare, 1, "cli_view_side_before"));
    CHECK(test::imagesMatch(crop(side, 400, 400), after, 1, "cli_view_side_after"));

    // Split at 30%: before on the left of the divider, after on the right.
    const core::Image split = renderDemo("split.png", "--session 3 --view split --divider 0.3");
    REQUIRE(split.width == 400);
    CHECK(test::imagesMatch(crop(split, 0, 110), crop(bare, 0, 110), 1, "cli_view_split_before"));
    CHECK(test::imagesMatch(crop(split, 130, 270), crop(after, 130, 270), 1, "cli_view_split_after"));
    // The divider line itself, at x = 120, stands out from both.
    CHECK(test::compareImages(crop(split, 116, 8), crop(after, 116, 8)).maxChannelDiff > 40);
}
