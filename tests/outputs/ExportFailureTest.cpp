// Bad requests fail with a message that names what and where, before any slow work, and a
// failed or cancelled export leaves no file behind and an earlier file as it was.
#include "core/Errors.h"

#include "ExportFixture.h"
#include "TestFolder.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <stop_token>

#include <unistd.h>

using namespace smp;
using outputs::ExportKind;
using Catch::Matchers::Contains;

namespace {

std::string contentOf(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST_CASE("a zero or negative width is refused, naming --width, and writes nothing", "[outputs][render]") {
    const auto folder = test::freshFolder("outputs_bad_width");
    for (const int width : {0, -5}) {
        auto settings = test::settingsFor(ExportKind::BeforeAfter, folder / "x.png");
        settings.widthPx = width;
        REQUIRE_THROWS_AS(outputs::exportConsultation(test::demoSource(), settings), core::UsageError);
        REQUIRE_THROWS_WITH(outputs::exportConsultation(test::demoSource(), settings),
                            Contains("--width " + std::to_string(width)) && Contains("positive"));
    }
    REQUIRE(test::folderEntries(folder).empty());
}

TEST_CASE("an output in a missing or unwritable folder names the path", "[outputs][render]") {
    const auto folder = test::freshFolder("outputs_bad_folder");
    auto settings = test::settingsFor(ExportKind::Split, folder / "missing" / "x.png");
    REQUIRE_THROWS_AS(outputs::checkExportRequest(settings), core::InputError);
    REQUIRE_THROWS_WITH(outputs::exportConsultation(test::demoSource(), settings),
                        Contains((folder / "missing" / "x.png").string()) && Contains("does not exist"));

    std::ofstream(folder / "a-file") << "not a folder";
    settings.output = folder / "a-file" / "x.png";
    REQUIRE_THROWS_WITH(outputs::checkExportRequest(settings), Contains("is not a folder"));

    std::filesystem::create_directory(folder / "x.png");
    settings.output = folder / "x.png";
    REQUIRE_THROWS_WITH(outputs::checkExportRequest(settings), Contains("is a folder"));

    if (::geteuid() != 0) {  // root writes anywhere
        std::filesystem::create_directory(folder / "locked");
        std::filesystem::permissions(folder / "locked", std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
        settings.output = folder / "locked" / "x.png";
        REQUIRE_THROWS_WITH(outputs::checkExportRequest(settings), Contains("not writable"));
        std::filesystem::permissions(folder / "locked", std::filesystem::perms::owner_all);
    }
}

TEST_CASE("the output's extension must suit the kind", "[outputs]") {
    auto settings = test::settingsFor(ExportKind::BeforeAfter, "out.gif");
    REQUIRE_THROWS_WITH(settings.validate(), Contains("out.gif") && Contains("unsupported output format"));
    settings.output = "clip.mp4";
    REQUIRE_THROWS_AS(settings.validate(), core::UsageError);
    settings.kind = ExportKind::Timelapse;
    REQUIRE_NOTHROW(settings.validate());
    settings.output = "clip.png";
    REQUIRE_THROWS_WITH(settings.validate(), Contains("clip.png") && Contains(".mp4"));
}

TEST_CASE("settings out of range are usage errors naming the setting", "[outputs]") {
    const auto fails = [](auto change, const std::string& message) {
        auto settings = test::settingsFor(ExportKind::Sessions, "sheet.png");
        change(settings);
        REQUIRE_THROWS_AS(settings.validate(), core::UsageError);
        REQUIRE_THROWS_WITH(settings.validate(), Contains(message));
    };
    fails([](auto& s) { s.jpegQuality = 0; }, "--quality 0");
    fails([](auto& s) { s.daysBetweenSessions = 3; }, "--spacing 3");
    fails([](auto& s) { s.framesPerSecond = 100; }, "--fps 100");
    fails([](auto& s) { s.dpi = 20; }, "--dpi 20");
    fails([](auto& s) { s.widthPx = 20; }, "--width 20");
    fails([](auto& s) { s.divider = 1.5; }, "--divider");
    fails([](auto& s) { s.output.clear(); }, "no output file");
}

TEST_CASE("a region outside the photo is refused", "[outputs][render]") {
    const auto folder = test::freshFolder("outputs_bad_region");
    auto settings = test::settingsFor(ExportKind::Split, folder / "x.png");
    settings.region = core::RectPx{1500, 0, 200, 200};
    REQUIRE_THROWS_WITH(outputs::exportConsultation(test::demoSource(), settings),
                        Contains("--region 1500,0,200,200") && Contains("1600 x 2000"));
    REQUIRE(test::folderEntries(folder).empty());
}

TEST_CASE("a region frames every picture on that part of the photo", "[outputs][render]") {
    const auto folder = test::freshFolder("outputs_region");
    auto settings = test::settingsFor(ExportKind::BeforeAfter, folder / "hairline.png");
    settings.region = core::RectPx{250, 40, 1100, 640};
    const outputs::ExportResult result = outputs::exportConsultation(test::demoSource(), settings);
    REQUIRE(result.size.height == 640);
    REQUIRE(result.size.width > 2 * 1100);
}

TEST_CASE("a cancelled picture export keeps the earlier file as it was", "[outputs][render]") {
    const auto folder = test::freshFolder("outputs_cancel_keeps_old");
    std::ofstream(folder / "sheet.png") << "the export of last week";
    auto settings = test::settingsFor(ExportKind::Sessions, folder / "sheet.png");
    settings.widthPx = 800;
    std::stop_source stop;
    const outputs::ExportControl control{[&](const outputs::ExportProgress& p) {
                                             if (p.done == 2) stop.request_stop();
                                         },
                                         stop.get_token()};
    REQUIRE_THROWS_AS(outputs::exportConsultation(test::demoSource(), settings, control), outputs::ExportCancelled);
    REQUIRE(contentOf(folder / "sheet.png") == "the export of last week");
    REQUIRE(test::folderEntries(folder) == std::vector<std::string>{"sheet.png"});

    // A stop asked before the start: nothing is even rendered.
    stop.request_stop();
    REQUIRE_THROWS_AS(outputs::exportConsultation(test::demoSource(), settings, {{}, stop.get_token()}),
                      outputs::ExportCancelled);
}
