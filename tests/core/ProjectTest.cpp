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
          "anna.smp.json: version: is 7; this SMP Studio reads up to version 1, a newer SMP Studio is needed");
    fails(R"({"format":"smp-studio-project","version":1})", "anna.smp.json: photo: is missing");
    fails(R"({"format":"smp-studio-project","version":4294967297})",
          "anna.smp.json: version: is 4294967297; this SMP Studio reads up to version 1, a newer SMP Studio is needed");
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
