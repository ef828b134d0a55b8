// `smp-studio analyze`: the real binary on the demo, on a real face photo from a Debian package
// and on a photo with no face.
#include "vision/ImageWriter.h"

#include "PaintedPhotos.h"
#include "RealPhotos.h"
#include "RunProcess.h"
#include "TestFolder.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>

using namespace smp;
using Catch::Matchers::Contains;
using nlohmann::json;

namespace {

const std::string kDemo = SMP_SOURCE_DIR "/assets/demo/demo.smp.json";

// stdout only: decoders may warn on stderr (libpng does about astronaut.png's colour profile).
json analyzeJson(const std::string& args) {
    const auto result = test::runCommand("( " + test::studio() + " analyze " + args + " --json 2>/dev/null )");
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    return json::parse(result.output);
}

}  // namespace

TEST_CASE("analyze finds the astronaut's face, eyes and scale", "[app][analyze]") {
    const json out = analyzeJson(test::quoted(test::realPhotoPath("astronaut.png").string()));
    REQUIRE(out["face"].is_object());
    const auto left = out["face"]["leftPupilPx"];
    const auto right = out["face"]["rightPupilPx"];
    REQUIRE(left.is_array());
    REQUIRE(right.is_array());
    const double pupilPx = std::hypot(right[0].get<double>() - left[0].get<double>(),
                                      right[1].get<double>() - left[1].get<double>());
    REQUIRE(out["scale"]["source"] == "interpupillary-distance");
    REQUIRE(out["scale"]["pxPerMm"].get<double>() == Approx(pupilPx / 63.0).epsilon(1e-9));
    REQUIRE(out["faceFrame"]["detected"] == true);
    REQUIRE(std::abs(out["faceFrame"]["tiltDegrees"].get<double>()) < 10.0);
    REQUIRE(out["hairline"]["pointsMm"].size() >= 3);
    // The hairline sits above the eyes: smaller y on the photo.
    const double eyeYmm = left[1].get<double>() / out["scale"]["pxPerMm"].get<double>();
    for (const auto& p : out["hairline"]["pointsMm"]) REQUIRE(p[1].get<double>() < eyeYmm);
    REQUIRE(out["skin"].is_object());
    REQUIRE(out["skin"]["suggestedShades"].size() == 3);
}

TEST_CASE("analyze --pupil-distance rescales from the client's own distance", "[app][analyze]") {
    const std::string photo = test::quoted(test::realPhotoPath("astronaut.png").string());
    const double standard = analyzeJson(photo)["scale"]["pxPerMm"].get<double>();
    const double own = analyzeJson(photo + " --pupil-distance 70")["scale"]["pxPerMm"].get<double>();
    REQUIRE(own == Approx(standard * 63.0 / 70.0).epsilon(1e-9));
}

TEST_CASE("analyze says when there is no face, and still places a hairline", "[app][analyze]") {
    const json out = analyzeJson(test::quoted(test::realPhotoPath("coffee.png").string()));
    REQUIRE(out["face"].is_null());
    REQUIRE(out["scale"]["source"] == "assumed");
    REQUIRE(out["hairline"]["pointsMm"].size() >= 3);
    REQUIRE_THAT(out["notes"].dump(), Contains("no face found"));

    const auto text = test::runCommand(test::studio() + " analyze " + test::quoted(test::realPhotoPath("coffee.png").string()));
    REQUIRE(text.exitCode == 0);
    REQUIRE_THAT(text.output, Contains("face: none found"));
    REQUIRE_THAT(text.output, Contains("note: no face found"));
}

TEST_CASE("analyze on the demo prints the face, scale, hairline and skin", "[app][analyze]") {
    const auto result = test::runCommand(test::studio() + " analyze " + test::quoted(kDemo));
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    REQUIRE_THAT(result.output, Contains("scale: "));
    REQUIRE_THAT(result.output, Contains("hairline: rounded, 80 mm above the glabella"));
    REQUIRE_THAT(result.output, Contains("skin: ITA "));
}

TEST_CASE("analyze measures the stubble density of a reference rectangle", "[app][analyze]") {
    const json out = analyzeJson(test::quoted(kDemo) + " --reference 40,40,200,200");
    REQUIRE(out["reference"].is_object());
    // 200 x 200 px at the measured scale; the demo's background there holds no stubble.
    const double mmPerPx = 1.0 / out["scale"]["pxPerMm"].get<double>();
    REQUIRE(out["reference"]["areaCm2"].get<double>() == Approx(200.0 * mmPerPx * 200.0 * mmPerPx / 100.0));
    REQUIRE(out["reference"]["dots"].get<int>() == 0);
    REQUIRE(out["reference"]["dotsPerCm2"].get<double>() == 0.0);
}

TEST_CASE("analyze refuses a reference rectangle outside the photo", "[app][analyze]") {
    auto result = test::runCommand(test::studio() + " analyze " + test::quoted(kDemo) + " --reference 90000,10,50,50");
    REQUIRE(result.exitCode == 2);
    REQUIRE_THAT(result.output, Contains("90000"));
    result = test::runCommand(test::studio() + " analyze " + test::quoted(kDemo) + " --reference 10,10,50");
    REQUIRE(result.exitCode == 2);
    REQUIRE_THAT(result.output, Contains("x,y,w,h"));
}
