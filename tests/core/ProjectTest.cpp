#include "core/Errors.h"
#include "core/Project.h"

#include "TestFolder.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace smp::core;
using Catch::Matchers::Contains;

namespace {

const std::filesystem::path kFolder = "/clients/anna";

std::string withScale(const std::string& scale) {
    return R"({"format":"smp-studio-project","version":1,"photo":{"path":"front.jpg"},"scale":)" + scale + "}";
}

}  // namespace

TEST_CASE("a project survives save and load unchanged", "[core][project]") {
    const auto folder = smp::test::freshFolder("project_roundtrip");
    Project project;
    project.photoPath = folder / "photos" / "front.jpg";
    project.scale = {6.35, ScaleSource::InterpupillaryDistance};

    const auto file = folder / "anna.smp.json";
    saveProject(project, file);
    REQUIRE(loadProject(file) == project);

    std::ifstream in(file);
    const std::string text((std::istreambuf_iterator<char>(in)), {});
    REQUIRE_THAT(text, Contains("\"path\": \"photos/front.jpg\""));  // relative to the project
    REQUIRE_THAT(text, Contains("\"format\": \"smp-studio-project\""));
    REQUIRE_THAT(text, Contains("\"source\": \"interpupillary-distance\""));
}

TEST_CASE("the photo path is resolved against the project's folder", "[core][project]") {
    const Project project = parseProject(withScale(R"({"pxPerMm":4.5,"source":"ruler"})"), kFolder, "anna.smp.json");
    REQUIRE(project.photoPath == kFolder / "front.jpg");
    REQUIRE(project.scale == PhotoScale{4.5, ScaleSource::Ruler});
}

TEST_CASE("bad project files name the field and the rule", "[core][project]") {
    const auto fails = [](const std::string& json, const std::string& message) {
        REQUIRE_THROWS_WITH(parseProject(json, kFolder, "anna.smp.json"), message);
    };
    fails("{not json", "anna.smp.json: not valid JSON");
    fails("[]", "anna.smp.json: (root): must be an object");
    fails(R"({"format":"other","version":1})", "anna.smp.json: format: must be \"smp-studio-project\"");
    fails(R"({"format":"smp-studio-project","version":"1"})", "anna.smp.json: version: must be a whole number");
    fails(R"({"format":"smp-studio-project","version":7})",
          "anna.smp.json: version: is 7; this SMP Studio reads up to version 2, a newer SMP Studio is needed");
    fails(R"({"format":"smp-studio-project","version":1})", "anna.smp.json: photo: is missing");
    fails(R"({"format":"smp-studio-project","version":4294967297})",
          "anna.smp.json: version: is 4294967297; this SMP Studio reads up to version 2, a newer SMP Studio is needed");
    fails(R"({"format":"smp-studio-project","version":18446744073709551615})", "anna.smp.json: version: is out of range");
    fails(R"({"format":"smp-studio-project","version":1,"photo":{"path":""}})",
          "anna.smp.json: photo.path: must not be empty");
    fails(withScale(R"({"pxPerMm":-2,"source":"ruler"})"), "anna.smp.json: scale.pxPerMm: must be between 0.01 and 1000");
    fails(withScale(R"({"pxPerMm":"big","source":"ruler"})"), "anna.smp.json: scale.pxPerMm: must be a number");
    fails(withScale(R"({"pxPerMm":5,"source":"guess"})"),
          "anna.smp.json: scale.source: must be one of assumed, ruler, interpupillary-distance");
}

TEST_CASE("a missing project file is an input error naming it", "[core][project]") {
    REQUIRE_THROWS_AS(loadProject("/nonexistent/x.smp.json"), InputError);
    REQUIRE_THROWS_WITH(loadProject("/nonexistent/x.smp.json"), "/nonexistent/x.smp.json: cannot open the project file");
}

TEST_CASE("project files are recognised by their double extension", "[core][project]") {
    REQUIRE(hasProjectExtension("a/b/anna.smp.json"));
    REQUIRE_FALSE(hasProjectExtension("a/b/anna.json"));
    REQUIRE_FALSE(hasProjectExtension(".smp.json"));
    REQUIRE_FALSE(hasProjectExtension("photo.jpg"));
}

TEST_CASE("an unmeasured photo is assumed to be 25 cm wide", "[core][project]") {
    REQUIRE(assumedScale(4000).pxPerMm == Approx(16.0));
    REQUIRE(assumedScale(4000).source == ScaleSource::Assumed);
}

namespace {

// A project with every part filled in, none of it at its default.
Project designedProject(const std::filesystem::path& folder) {
    Project project;
    project.photoPath = folder / "front.jpg";
    project.scale = {5.25, ScaleSource::Ruler};
    project.pupilDistanceMm = 61.5;
    smp::design::Design d;
    d.face.glabella = {101.25, 140.125};
    d.face.up = {0.6, -0.8};
    d.face.outerEyeMm = 44.0;
    d.face.detected = true;
    d.style.style = smp::design::HairlineStyle::Peaked;
    d.style.peakDepthMm = 9.5;
    d.style.seed = 0xfedcba9876543210ULL;
    d.hairline = smp::design::makeHairline(d.style, d.face);
    d.hairline.points[2].x += 0.1;  // a hand edit, one ulp-sensitive digit deep
    d.hairline.mirrored = false;
    d.zones.head = smp::design::PhotoMask({640, 480});
    d.zones.head.paintDisc({320, 200}, 150.5);
    d.zones.scar = smp::design::PhotoMask({640, 480});
    d.zones.scar.paintRect({100, 50, 40, 12});
    d.density.fullDotsPerCm2 = 72.5;
    d.density.blendShare = 0.4;
    project.design = d;
    project.plan = smp::dots::SessionPlan::standard(4);
    project.plan.sessions[1].shade = 0.71;
    project.plan.imperfection.follicularChance = 0.05;
    project.seed = 987654321;
    return project;
}

std::string designedJson() {
    const Project project = designedProject(kFolder);
    return serializeProject(project, kFolder);
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("a designed project survives save and load bit for bit", "[core][project]") {
    const auto folder = smp::test::freshFolder("project_design_roundtrip");
    const Project project = designedProject(folder);
    const auto file = folder / "anna.smp.json";
    saveProject(project, file);
    const Project loaded = loadProject(file);
    REQUIRE(loaded == project);  // doubles compare exactly: 17 significant digits are written
    REQUIRE(loaded.design->zones.head.area() == project.design->zones.head.area());
    saveProject(loaded, folder / "again.smp.json");
    REQUIRE(serializeProject(loadProject(folder / "again.smp.json"), folder) == serializeProject(project, folder));
}

TEST_CASE("a version 1 project loads with no design, the standard plan and seed 1", "[core][project]") {
    const Project project = parseProject(withScale(R"({"pxPerMm":4.5,"source":"ruler"})"), kFolder, "anna.smp.json");
    REQUIRE_FALSE(project.design.has_value());
    REQUIRE(project.plan == smp::dots::SessionPlan::standard(3));
    REQUIRE(project.seed == 1);
    REQUIRE(project.pupilDistanceMm == 63.0);
}

TEST_CASE("bad design and session values name their JSON path", "[core][project]") {
    const std::string good = designedJson();
    REQUIRE_NOTHROW(parseProject(good, kFolder, "anna.smp.json"));
    const auto fails = [](const std::string& json, const std::string& message) {
        REQUIRE_THROWS_WITH(parseProject(json, kFolder, "anna.smp.json"), Contains(message));
    };
    fails(replaced(good, "\"share\": 0.35", "\"share\": 1.5"), "anna.smp.json: sessions[0].share: must be between 0.001 and 1");
    fails(replaced(good, "\"shade\": 0.71", "\"shade\": \"dark\""), "anna.smp.json: sessions[1].shade: must be a number");
    fails(replaced(good, "\"name\": \"peaked\"", "\"name\": \"mohawk\""),
          "anna.smp.json: design.style.name: must be one of rounded, boxed, peaked, receded, natural");
    fails(replaced(good, "\"peakDepthMm\": 9.5", "\"peakDepthMm\": 90"), "anna.smp.json: design.style: hairline style: peak depth 90 mm");
    fails(replaced(good, "\"pupilDistanceMm\": 61.5", "\"pupilDistanceMm\": 0"),
          "anna.smp.json: pupilDistanceMm: must be between 40 and 90");
    fails(replaced(good, "\"up\": [\n        0.6,", "\"up\": [\n        0.7,"), "anna.smp.json: design.face.up: must be a unit vector");
    fails(replaced(good, "\"seed\": 987654321", "\"seed\": -4"), "anna.smp.json: seed: must be a whole number, 0 or more");
    fails(replaced(good, "\"points\": [", "\"points\": [[1], "), "anna.smp.json: design.hairline.points[0]: must be a pair");
    fails(replaced(good, "\"mirrored\": false", "\"mirrored\": 1"), "anna.smp.json: design.hairline.mirrored: must be true or false");
    fails(replaced(good, "\"runs\": [", "\"runs\": [[479, 5, 2], "), "anna.smp.json: design.zones.head.runs[0]: must satisfy");
    fails(replaced(good, "\"runs\": [", "\"runs\": [[480, 1, 2], "), "anna.smp.json: design.zones.head.runs[0]: row 480 is outside");
    fails(replaced(good, "\"fullDotsPerCm2\": 72.5", "\"fullDotsPerCm2\": -1"), "anna.smp.json: design.density: ");
}
