// `smp-studio export`, the real binary run headless with no X display at all.
#include "vision/PhotoLoader.h"

#include "RunProcess.h"
#include "TestFolder.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

using namespace smp;
using Catch::Matchers::Contains;

namespace {

const std::string kDemo = SMP_SOURCE_DIR "/assets/demo/demo.smp.json";

std::string exportCommand(const std::string& args, const std::string& environment = "") {
    return "env -u DISPLAY -u WAYLAND_DISPLAY " + environment + " " + test::studio() + " export " +
           test::quoted(kDemo) + " " + args;
}

std::size_t entriesIn(const std::filesystem::path& folder) {
    return std::size_t(std::distance(std::filesystem::directory_iterator(folder), std::filesystem::directory_iterator()));
}

}  // namespace

TEST_CASE("export before-after writes the picture and says what it wrote", "[app][export]") {
    const auto folder = test::freshFolder("cli_export_before_after");
    const auto out = folder / "before-after.jpg";
    const auto result = test::runCommand(exportCommand("--kind before-after --width 600 --quality 80 --client 'Alex M' "
                                                       "--start 2026-12-01 --out " + test::quoted(out.string())));
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    REQUIRE_THAT(result.output, Contains("wrote " + out.string()) && Contains("600 x"));
    const core::Image image = vision::loadPhoto(out);
    REQUIRE(image.width == 600);
    // stderr is not a terminal here: no progress line, no carriage returns.
    REQUIRE(result.output.find('\r') == std::string::npos);
}

TEST_CASE("export of each still kind from the demo", "[app][export]") {
    const auto folder = test::freshFolder("cli_export_kinds");
    for (const std::string kind : {"split", "sessions", "plan-sheet"}) {
        const auto out = folder / (kind + ".png");
        const auto result = test::runCommand(exportCommand("--kind " + kind + " --width 480 --day1 --out " +
                                                           test::quoted(out.string())));
        INFO(kind << ": " << result.output);
        REQUIRE(result.exitCode == 0);
        REQUIRE(vision::loadPhoto(out).width == 480);
    }
}

TEST_CASE("export timelapse falls back to PNG frames when no encoder works, and says so on stderr", "[app][export][video]") {
    const auto folder = test::freshFolder("cli_export_timelapse_fallback");
    const auto out = folder / "lapse.mp4";
    // Braces: stderr goes to its own file even though runCommand sends what is left to stdout.
    const auto result = test::runCommand(
        "{ " +
        exportCommand("--kind timelapse --width 96 --out " + test::quoted(out.string()) + " 2>" +
                          test::quoted((folder / "stderr.txt").string()),
                      "SMP_STUDIO_VIDEO_CODECS=") +
        "; }");
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    std::ifstream stderrFile(folder / "stderr.txt");
    const std::string stderrText((std::istreambuf_iterator<char>(stderrFile)), std::istreambuf_iterator<char>());
    REQUIRE_THAT(stderrText, Contains("no MP4 encoder available") && Contains("lapse-frames"));
    REQUIRE_FALSE(std::filesystem::exists(out));
    REQUIRE(entriesIn(folder / "lapse-frames") == 26);  // the demo's 3 sessions, 14 days apart
    REQUIRE_THAT(result.output, Contains("26 PNG frames"));  // stdout: what was written
    REQUIRE_THAT(result.output, !Contains("no MP4 encoder"));  // the note went to stderr only
}

TEST_CASE("export timelapse writes an MP4 that decodes", "[app][export][video]") {
    const auto folder = test::freshFolder("cli_export_timelapse_mp4");
    const auto out = folder / "lapse.mp4";
    const auto result = test::runCommand(exportCommand("--kind timelapse --width 96 --fps 2 --out " + test::quoted(out.string())));
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    // 2 frames a second: the photo 3, 24 moments 1 each, settled 5, 25 fades of 1.
    REQUIRE_THAT(result.output, Contains("57 frames"));
    REQUIRE(std::filesystem::file_size(out) > 1000);
}

TEST_CASE("export's bad requests name what and where, exit 2 or 3, and leave no file", "[app][export]") {
    const auto folder = test::freshFolder("cli_export_errors");
    const std::string out = test::quoted((folder / "x.png").string());

    const auto unknownKind = test::runCommand(exportCommand("--kind gif --out " + out));
    REQUIRE(unknownKind.exitCode == 2);
    REQUIRE_THAT(unknownKind.output, Contains("--kind: 'gif' is not an export") && Contains("plan-sheet"));

    const auto zeroWidth = test::runCommand(exportCommand("--kind split --width 0 --out " + out));
    REQUIRE(zeroWidth.exitCode == 2);
    REQUIRE_THAT(zeroWidth.output, Contains("--width 0 must be a positive number of pixels"));

    const auto negativeWidth = test::runCommand(exportCommand("--kind split --width -40 --out " + out));
    REQUIRE(negativeWidth.exitCode == 2);
    REQUIRE_THAT(negativeWidth.output, Contains("--width -40"));

    const auto noKind = test::runCommand(exportCommand("--out " + out));
    REQUIRE(noKind.exitCode == 2);
    REQUIRE_THAT(noKind.output, Contains("missing --kind"));

    const auto wrongExtension = test::runCommand(exportCommand("--kind timelapse --out " + out));
    REQUIRE(wrongExtension.exitCode == 2);
    REQUIRE_THAT(wrongExtension.output, Contains(".mp4"));

    const auto unwritable = test::runCommand(exportCommand("--kind split --out /nonexistent-folder/x.png"));
    REQUIRE(unwritable.exitCode == 3);
    REQUIRE_THAT(unwritable.output, Contains("/nonexistent-folder/x.png") && Contains("does not exist"));
    REQUIRE(std::count(unwritable.output.begin(), unwritable.output.end(), '\n') == 1);

    const auto missingInput = test::runCommand("env -u DISPLAY " + test::studio() +
                                               " export /nonexistent/head.smp.json --kind split --out " + out);
    REQUIRE(missingInput.exitCode == 3);
    REQUIRE_THAT(missingInput.output, Contains("/nonexistent/head.smp.json"));

    REQUIRE(entriesIn(folder) == 0);
}
