#include "app/CommandLine.h"
#include "core/Errors.h"

#include <catch2/catch.hpp>

using namespace smp::app;
using smp::core::UsageError;

TEST_CASE("no argument opens the window on the demo", "[app][cli]") {
    const Invocation invocation = parseCommandLine({});
    REQUIRE(invocation.mode == Invocation::Mode::Window);
    REQUIRE_FALSE(invocation.window.input);
    REQUIRE_FALSE(invocation.window.screenshot);
}

TEST_CASE("render takes an input, an output and an optional width", "[app][cli]") {
    const Invocation invocation = parseCommandLine({"render", "head.jpg", "--out", "after.png", "--width", "800"});
    REQUIRE(invocation.mode == Invocation::Mode::Render);
    REQUIRE(invocation.render.input == "head.jpg");
    REQUIRE(invocation.render.output == "after.png");
    REQUIRE(invocation.render.widthPx == 800);
    REQUIRE_FALSE(parseCommandLine({"render", "a.jpg", "--out", "b.png"}).render.widthPx);
}

TEST_CASE("malformed command lines are usage errors that say what is wrong", "[app][cli]") {
    using Args = std::vector<std::string>;
    const auto fails = [](const Args& args, const std::string& message) {
        REQUIRE_THROWS_AS(parseCommandLine(args), UsageError);
        REQUIRE_THROWS_WITH(parseCommandLine(args), message);
    };
    fails({"render", "--out", "b.png"}, "render: missing INPUT (a photo or a .smp.json project)");
    fails({"render", "a.jpg"}, "render: missing --out FILE");
    fails({"render", "a.jpg", "--out"}, "--out needs a value");
    fails({"render", "a.jpg", "--out", "b.png", "--width", "0"}, "--width: 0 is out of range (1 to 16384)");
    fails({"render", "a.jpg", "--out", "b.png", "--width", "12px"}, "--width: '12px' is not a whole number");
    fails({"render", "a.jpg", "--out", "b.png", "--bogus", "2"}, "render: unknown option --bogus");
    fails({"render", "a.jpg", "b.jpg", "--out", "c.png"}, "render: unexpected argument 'b.jpg' (one INPUT only)");
    fails({"--bogus"}, "unknown option --bogus (see --help)");
    fails({"--frames", "-1"}, "--frames: -1 is out of range (1 to 100000)");
    fails({"--screenshot"}, "--screenshot needs a value");
}

TEST_CASE("a screenshot request draws ten frames unless told otherwise", "[app][cli]") {
    REQUIRE(parseCommandLine({"--screenshot", "s.png"}).window.frames == 10);
    REQUIRE(parseCommandLine({"--screenshot", "s.png", "--frames", "3"}).window.frames == 3);
    REQUIRE(parseCommandLine({"client.smp.json"}).window.input == std::filesystem::path("client.smp.json"));
}

TEST_CASE("help and version", "[app][cli]") {
    REQUIRE(parseCommandLine({"--help"}).mode == Invocation::Mode::Help);
    REQUIRE(parseCommandLine({"--version"}).mode == Invocation::Mode::Version);
}

TEST_CASE("render takes sessions, a style and a transition width", "[app][cli]") {
    const Invocation invocation = parseCommandLine(
        {"render", "head.jpg", "--out", "a.png", "--session", "2", "--style", "peaked", "--transition", "7.5"});
    REQUIRE(invocation.render.sessions == 2);
    REQUIRE(invocation.render.style == smp::design::HairlineStyle::Peaked);
    REQUIRE(invocation.render.transitionMm == 7.5);
    REQUIRE_THROWS_WITH(parseCommandLine({"render", "a.jpg", "--out", "b.png", "--style", "mullet"}),
                        "--style: 'mullet' is not a style; say rounded, boxed, peaked, receded or natural");
    REQUIRE_THROWS_WITH(parseCommandLine({"render", "a.jpg", "--out", "b.png", "--transition", "31"}),
                        "--transition: 31 is out of range (0 to 30)");
    REQUIRE_THROWS_WITH(parseCommandLine({"render", "a.jpg", "--out", "b.png", "--session", "8"}),
                        "--session: 8 is out of range (0 to 7)");
}

TEST_CASE("render takes a day of healing and a compare view", "[app][cli]") {
    const Invocation day1 = parseCommandLine(
        {"render", "c.smp.json", "--out", "a.png", "--session", "1", "--day", "1", "--view", "split", "--divider", "0.3"});
    REQUIRE(day1.render.sessions == 1);
    REQUIRE(day1.render.day == 1);
    REQUIRE_FALSE(day1.render.settled);
    REQUIRE(day1.render.compare.mode == smp::core::CompareMode::Split);
    REQUIRE(day1.render.compare.divider == 0.3);

    const Invocation settled = parseCommandLine({"render", "c.smp.json", "--out", "a.png", "--day", "settled",
                                                 "--view", "side-by-side"});
    REQUIRE(settled.render.settled);
    REQUIRE_FALSE(settled.render.day);
    REQUIRE(settled.render.compare.mode == smp::core::CompareMode::SideBySide);
    // Neither: the project's own timeline, the after view.
    const Invocation plain = parseCommandLine({"render", "c.smp.json", "--out", "a.png"});
    REQUIRE_FALSE(plain.render.day);
    REQUIRE_FALSE(plain.render.settled);
    REQUIRE(plain.render.compare.mode == smp::core::CompareMode::After);

    REQUIRE_THROWS_WITH(parseCommandLine({"render", "a.jpg", "--out", "b.png", "--day", "366"}),
                        "--day: 366 is out of range (0 to 365)");
    REQUIRE_THROWS_WITH(parseCommandLine({"render", "a.jpg", "--out", "b.png", "--day", "soon"}),
                        "--day: 'soon' is not a whole number");
    REQUIRE_THROWS_WITH(parseCommandLine({"render", "a.jpg", "--out", "b.png", "--view", "during"}),
                        "--view: 'during' is not a view; say after, before, split or side-by-side");
    REQUIRE_THROWS_WITH(parseCommandLine({"render", "a.jpg", "--out", "b.png", "--divider", "1.5"}),
                        "--divider: 1.5 is out of range (0 to 1)");
}

TEST_CASE("analyze takes json, a reference rectangle and a pupil distance", "[app][cli]") {
    const Invocation invocation =
        parseCommandLine({"analyze", "head.jpg", "--json", "--reference", "10,20,300,200", "--pupil-distance", "61.5"});
    REQUIRE(invocation.mode == Invocation::Mode::Analyze);
    REQUIRE(invocation.analyze.input == "head.jpg");
    REQUIRE(invocation.analyze.json);
    REQUIRE(invocation.analyze.reference == smp::core::RectPx{10, 20, 300, 200});
    REQUIRE(invocation.analyze.pupilDistanceMm == 61.5);
    using Args = std::vector<std::string>;
    for (const Args& bad : {Args{"analyze", "a.jpg", "--reference", "1,2,3"}, Args{"analyze", "a.jpg", "--reference", "1,2,3,4,5"},
                            Args{"analyze", "a.jpg", "--reference", "a,b,c,d"}})
        REQUIRE_THROWS_AS(parseCommandLine(bad), UsageError);
    REQUIRE_THROWS_WITH(parseCommandLine({"analyze", "a.jpg", "--reference", "1,2,0,4"}),
                        "--reference: 0 is out of range (1 to 1048576)");
    REQUIRE_THROWS_WITH(parseCommandLine({"analyze", "a.jpg", "--pupil-distance", "0"}),
                        "--pupil-distance: 0 is out of range (40 to 90)");
    REQUIRE_THROWS_WITH(parseCommandLine({"analyze"}), "analyze: missing INPUT (a photo or a .smp.json project)");
}

TEST_CASE("dots takes a session and needs --csv", "[app][cli]") {
    const Invocation invocation = parseCommandLine({"dots", "head.jpg", "--session", "3", "--csv"});
    REQUIRE(invocation.mode == Invocation::Mode::Dots);
    REQUIRE(invocation.dots.session == 3);
    REQUIRE_FALSE(parseCommandLine({"dots", "head.jpg", "--csv"}).dots.session);
    REQUIRE_THROWS_WITH(parseCommandLine({"dots", "head.jpg"}), "dots: say --csv (the output format)");
    REQUIRE_THROWS_WITH(parseCommandLine({"dots", "head.jpg", "--session", "0", "--csv"}),
                        "--session: 0 is out of range (1 to 7)");
}

TEST_CASE("export takes a kind, an output and what the outputs show", "[app][cli]") {
    const Invocation invocation =
        parseCommandLine({"export", "head.smp.json", "--kind", "sessions", "--out", "sheet.jpg", "--width", "1800",
                          "--quality", "85", "--client", "Alex Morgan", "--start", "2026-12-01", "--date", "2026-11-21",
                          "--spacing", "21", "--day1", "--region", "10,20,300,400", "--no-scale-bar", "--whole-photo"});
    REQUIRE(invocation.mode == Invocation::Mode::Export);
    const ExportRequest& request = invocation.exportRequest;
    REQUIRE(request.input == "head.smp.json");
    REQUIRE(request.settings.kind == smp::outputs::ExportKind::Sessions);
    REQUIRE(request.settings.output == "sheet.jpg");
    REQUIRE(request.settings.widthPx == 1800);
    REQUIRE(request.settings.jpegQuality == 85);
    REQUIRE(request.settings.clientName == "Alex Morgan");
    REQUIRE(request.settings.start == smp::plan::CalendarDate::fromYmd(2026, 12, 1));
    REQUIRE(request.settings.date == smp::plan::CalendarDate::fromYmd(2026, 11, 21));
    REQUIRE(request.settings.daysBetweenSessions == 21);
    REQUIRE(request.settings.dayOne);
    REQUIRE(request.settings.region == smp::core::RectPx{10, 20, 300, 400});
    REQUIRE_FALSE(request.settings.scaleBar);
    REQUIRE(request.settings.wholePhoto);

    const Invocation video = parseCommandLine({"export", "a.jpg", "--kind", "timelapse", "--out", "clip.mp4", "--fps",
                                               "24", "--png-sequence"});
    REQUIRE(video.exportRequest.settings.framesPerSecond == 24);
    REQUIRE(video.exportRequest.settings.pngSequence);

    const Invocation after = parseCommandLine({"export", "a.jpg", "--kind", "split", "--out", "s.png", "--session",
                                               "2", "--day", "5", "--divider", "0.3"});
    REQUIRE(after.exportRequest.settings.after == smp::preview::TimelinePoint{2, 5.0});
    REQUIRE(after.exportRequest.settings.divider == 0.3);
    // By default the after side is every session, settled.
    REQUIRE_FALSE(parseCommandLine({"export", "a.jpg", "--kind", "split", "--out", "s.png"})
                      .exportRequest.settings.after.day);
}

TEST_CASE("malformed export requests are usage errors that say what is wrong", "[app][cli]") {
    using Args = std::vector<std::string>;
    const auto fails = [](const Args& args, const std::string& message) {
        REQUIRE_THROWS_AS(parseCommandLine(args), UsageError);
        REQUIRE_THROWS_WITH(parseCommandLine(args), Catch::Matchers::Contains(message));
    };
    fails({"export", "--kind", "split", "--out", "b.png"}, "export: missing INPUT");
    fails({"export", "a.jpg", "--out", "b.png"}, "export: missing --kind");
    fails({"export", "a.jpg", "--kind", "split"}, "export: missing --out FILE");
    fails({"export", "a.jpg", "--kind", "poster", "--out", "b.png"},
          "--kind: 'poster' is not an export; say before-after, split, sessions, timelapse or plan-sheet");
    fails({"export", "a.jpg", "--kind", "split", "--out", "b.png", "--width", "0"},
          "--width 0 must be a positive number of pixels");
    fails({"export", "a.jpg", "--kind", "split", "--out", "b.png", "--width", "-3"}, "--width -3");
    fails({"export", "a.jpg", "--kind", "split", "--out", "b.png", "--quality", "101"}, "--quality: 101 is out of range");
    fails({"export", "a.jpg", "--kind", "split", "--out", "b.gif"}, "unsupported output format '.gif'");
    fails({"export", "a.jpg", "--kind", "timelapse", "--out", "b.png"}, "a time-lapse is written as .mp4");
    fails({"export", "a.jpg", "--kind", "split", "--out", "b.png", "--start", "2026-02-30"}, "--start");
    fails({"export", "a.jpg", "--kind", "split", "--out", "b.png", "--bogus"}, "export: unknown option --bogus");
}
