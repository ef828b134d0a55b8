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
    fails({"render", "a.jpg", "--out", "b.png", "--session", "2"}, "render: unknown option --session");
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
