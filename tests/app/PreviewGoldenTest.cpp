// Golden images of the preview, rendered by the real command line from the bundled demo
// projects: the states a consultation shows (sessions 1-3 settled, the day after a session,
// sharp vs faded, light vs brown skin, a scar zone). A change to the look fails here with the
// new image written beside the reviewed one (tests/GoldenImage.h); SMP_UPDATE_GOLDENS=1
// rewrites them, for a person to look at before committing.
#include "vision/PhotoLoader.h"

#include "GoldenImage.h"
#include "RunProcess.h"
#include "TestFolder.h"

#include <catch2/catch.hpp>

using namespace smp;

namespace {

const std::string kDemo = SMP_SOURCE_DIR "/assets/demo/demo.smp.json";
const std::string kBrown = SMP_SOURCE_DIR "/assets/demo/demo_brown.smp.json";
const std::string kScar = SMP_SOURCE_DIR "/assets/demo/demo_scar.smp.json";
// The front of the hairline and the left temple corner, at the photo's own resolution.
const std::string kFront = " --region 640,70,320,180 --width 320";
const std::string kCorner = " --region 400,100,260,146 --width 260";
const std::string kScarArea = " --region 600,60,440,220 --width 440";

core::Image renderState(const std::string& name, const std::string& project, const std::string& args) {
    // A folder per state: CTest runs the test cases side by side, and a fresh folder is emptied.
    const auto out = test::freshFolder("preview_golden_" + name) / (name + ".png");
    const auto result = test::runCommand("env -u DISPLAY -u WAYLAND_DISPLAY " + test::studio() + " render " +
                                         test::quoted(project) + args + " --out " + test::quoted(out.string()));
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    return vision::loadPhoto(out);
}

void checkGolden(const std::string& name, const std::string& project, const std::string& args) {
    INFO("state " << name << ": render" << args);
    CHECK(test::matchesGolden(renderState(name, project, args), "preview/" + name));
}

}  // namespace

TEST_CASE("golden: the hairline's front after sessions 1, 2 and 3, settled", "[app][golden]") {
    for (int k = 1; k <= 3; ++k)
        checkGolden("front_session" + std::to_string(k) + "_settled", kDemo,
                    " --session " + std::to_string(k) + " --day settled" + kFront);
}

TEST_CASE("golden: the day after the first session", "[app][golden]") {
    checkGolden("front_session1_day1", kDemo, " --session 1 --day 1" + kFront);
}

TEST_CASE("golden: a sharp and a faded temple corner", "[app][golden]") {
    checkGolden("corner_sharp", kDemo, " --session 3 --day settled --transition 0" + kCorner);
    checkGolden("corner_faded", kDemo, " --session 3 --day settled --transition 8" + kCorner);
}

TEST_CASE("golden: light and brown skin", "[app][golden]") {
    checkGolden("skin_light", kDemo, " --session 3 --day settled" + kFront);
    checkGolden("skin_brown", kBrown, " --session 3 --day settled" + kFront);
}

TEST_CASE("golden: a scar zone after four sessions", "[app][golden]") {
    checkGolden("scar_after", kScar, " --session 4 --day settled" + kScarArea);
}
