// `smp-studio dots`: the real binary's CSV against the same dots computed in this process.
#include "core/ProjectDots.h"
#include "vision/ClientDocument.h"
#include "vision/ImageWriter.h"

#include "PaintedPhotos.h"
#include "RunProcess.h"
#include "TestFolder.h"

#include <catch2/catch.hpp>

#include <sstream>

using namespace smp;
using Catch::Matchers::Contains;

namespace {

const std::string kDemo = SMP_SOURCE_DIR "/assets/demo/demo.smp.json";

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

}  // namespace

TEST_CASE("dots prints every dot of the demo, the same ones the engine makes", "[app][dots]") {
    const auto result = test::runCommand(test::studio() + " dots " + test::quoted(kDemo) + " --csv");
    INFO(result.output.substr(0, 400));
    REQUIRE(result.exitCode == 0);
    const auto rows = lines(result.output);
    REQUIRE(rows.front() == "x_mm,y_mm,diameter_mm,shade,session,shed");

    const vision::ClientDocument document = vision::openClientDocument(kDemo);
    const dots::DotLayout layout = core::projectDots(document.project, {document.photo.width, document.photo.height});
    // A frontal photo shows the scalp from the hairline up and down the temples: ~50 cm2 at 60/cm2.
    REQUIRE(layout.dots.size() > 2000);
    REQUIRE(rows.size() == layout.dots.size() + 1);
    for (std::size_t i : {std::size_t{0}, layout.dots.size() / 2, layout.dots.size() - 1}) {
        const dots::Dot& d = layout.dots[i];
        double x = 0, y = 0, diameter = 0, shade = 0;
        int session = 0, shed = 0;
        REQUIRE(std::sscanf(rows[i + 1].c_str(), "%lf,%lf,%lf,%lf,%d,%d", &x, &y, &diameter, &shade, &session, &shed) == 6);
        REQUIRE(x == Approx(d.positionMm.x).margin(1e-4));
        REQUIRE(y == Approx(d.positionMm.y).margin(1e-4));
        REQUIRE(diameter == Approx(d.diameterMm).margin(1e-4));
        REQUIRE(session == d.session + 1);
        REQUIRE(shed == (d.shedBeforeNext ? 1 : 0));
    }

    // Deterministic: a second run prints the same bytes.
    REQUIRE(test::runCommand(test::studio() + " dots " + test::quoted(kDemo) + " --csv").output == result.output);
}

TEST_CASE("dots --session keeps only what that session places", "[app][dots]") {
    const auto all = lines(test::runCommand(test::studio() + " dots " + test::quoted(kDemo) + " --csv").output);
    const auto result = test::runCommand(test::studio() + " dots " + test::quoted(kDemo) + " --session 2 --csv");
    REQUIRE(result.exitCode == 0);
    const auto rows = lines(result.output);
    std::size_t inSession2 = 0;
    for (std::size_t i = 1; i < all.size(); ++i)
        if (all[i].find(",2,") != std::string::npos && all[i].rfind(",2,") == all[i].size() - 4) ++inSession2;
    REQUIRE(rows.size() - 1 == inSession2);
    REQUIRE(inSession2 > 500);
    for (std::size_t i = 1; i < rows.size(); ++i) REQUIRE(rows[i].substr(rows[i].size() - 4, 3) == ",2,");
}

TEST_CASE("dots on a bare photo with no face uses the default hairline", "[app][dots]") {
    const auto folder = test::freshFolder("cli_dots_bare");
    vision::writeImage(test::paintTestPhoto(400, 500), folder / "photo.png");
    const auto result = test::runCommand(test::studio() + " dots " + test::quoted((folder / "photo.png").string()) + " --csv");
    INFO(result.output.substr(0, 400));
    REQUIRE(result.exitCode == 0);
    REQUIRE(lines(result.output).size() > 100);
}

TEST_CASE("dots refuses bad requests with the reason", "[app][dots]") {
    auto result = test::runCommand(test::studio() + " dots " + test::quoted(kDemo));
    REQUIRE(result.exitCode == 2);
    REQUIRE_THAT(result.output, Contains("say --csv"));
    result = test::runCommand(test::studio() + " dots " + test::quoted(kDemo) + " --session 5 --csv");
    REQUIRE(result.exitCode == 2);
    REQUIRE_THAT(result.output, Contains("--session 5: the plan has 3 sessions"));
    result = test::runCommand(test::studio() + " dots /no/such/photo.jpg --csv");
    REQUIRE(result.exitCode == 3);
    REQUIRE_THAT(result.output, Contains("/no/such/photo.jpg"));
}
