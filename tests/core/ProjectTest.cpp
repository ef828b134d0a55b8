#include "core/Errors.h"
#include "core/Project.h"
#include "core/ProjectDots.h"

#include "TestFolder.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <limits>

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
          "anna.smp.json: version: is 7; this SMP Studio reads up to version 3, a newer SMP Studio is needed");
    fails(R"({"format":"smp-studio-project","version":1})", "anna.smp.json: photo: is missing");
    fails(R"({"format":"smp-studio-project","version":4294967297})",
          "anna.smp.json: version: is 4294967297; this SMP Studio reads up to version 3, a newer SMP Studio is needed");
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
    project.photoHash = "0123456789abcdef";
    project.timeline = {2, 5};
    project.view = ProjectView{2.5, {310.25, -40.5}};
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

TEST_CASE("a version 3 project stores the photo fingerprint, the timeline and the view", "[core][project]") {
    const std::string designed = designedJson();
    REQUIRE_THAT(designed, Contains("\"version\": 3"));
    REQUIRE_THAT(designed, Contains("\"contentHash\": \"0123456789abcdef\""));
    REQUIRE_THAT(designed, Contains("\"timeline\": {\n    \"day\": 5,\n    \"sessionsShown\": 2\n  }"));
    REQUIRE_THAT(designed, Contains("\"zoom\": 2.5"));
    REQUIRE(parseProject(designed, kFolder, "anna.smp.json") == designedProject(kFolder));

    Project fresh;
    fresh.photoPath = kFolder / "front.jpg";
    const std::string plain = serializeProject(fresh, kFolder);
    REQUIRE_THAT(plain, Contains("\"contentHash\": \"\""));  // unknown until the photo is opened
    REQUIRE_THAT(plain, Contains("\"sessionsShown\": \"all\""));
    REQUIRE_THAT(plain, Contains("\"day\": null"));
    REQUIRE_THAT(plain, Contains("\"view\": null"));
    REQUIRE(parseProject(plain, kFolder, "anna.smp.json") == fresh);
}

namespace {

// A 250 x 330 mm photo at 4 px/mm with a hairline in the default frame and a painted head.
Project dottedProject(const std::filesystem::path& folder) {
    Project project;
    project.photoPath = folder / "front.jpg";
    project.photoHash = "fedcba9876543210";
    project.scale = {4.0, ScaleSource::Ruler};
    smp::design::Design d;
    d.face = smp::design::defaultFaceFrame({250.0, 330.0});
    d.style.seed = 4242;
    d.hairline = smp::design::makeHairline(d.style, d.face);
    d.zones.head = smp::design::PhotoMask({1000, 1320});
    d.zones.head.paintDisc({500, 520}, 430.25);
    d.zones.avoid = smp::design::PhotoMask({1000, 1320});
    d.zones.avoid.paintDisc({620, 300}, 40);
    project.design = d;
    project.plan = smp::dots::SessionPlan::standard(2);
    project.seed = 0x123456789abcdefULL;
    project.timeline.sessionsShown = 1;
    return project;
}

void requireSameDots(const smp::dots::DotLayout& a, const smp::dots::DotLayout& b) {
    REQUIRE(a.sessionStart == b.sessionStart);
    REQUIRE(a.dots.size() == b.dots.size());
    for (std::size_t i = 0; i < a.dots.size(); ++i) {
        const smp::dots::Dot& p = a.dots[i];
        const smp::dots::Dot& q = b.dots[i];
        const bool same = p.positionMm == q.positionMm && p.diameterMm == q.diameterMm && p.shade == q.shade &&
                          p.ellipseRatio == q.ellipseRatio && p.angleRad == q.angleRad && p.session == q.session &&
                          p.shedBeforeNext == q.shedBeforeNext && p.follicularUnit == q.follicularUnit;
        if (!same) FAIL("dot " << i << " differs after save and load");
    }
}

}  // namespace

TEST_CASE("a saved and loaded project lays out exactly the same dots", "[core][project]") {
    const auto folder = smp::test::freshFolder("project_dots_roundtrip");
    const Project project = dottedProject(folder);
    saveProject(project, folder / "anna.smp.json");
    const Project loaded = loadProject(folder / "anna.smp.json");
    REQUIRE(loaded == project);
    const smp::dots::DotLayout before = projectDots(project, {1000, 1320});
    REQUIRE(before.dots.size() > 1000);
    requireSameDots(projectDots(loaded, {1000, 1320}), before);
}

TEST_CASE("a literal version 1 file migrates to the project it always meant", "[core][project][migration]") {
    // Version 1 held the photo and the scale only; whatever else a file held was never read.
    const std::string v1 = R"({
  "format": "smp-studio-project",
  "version": 1,
  "photo": {"path": "photos/front.jpg"},
  "scale": {"pxPerMm": 6.1, "source": "interpupillary-distance"},
  "seed": 77,
  "design": {"never": "read"}
})";
    Project expected;
    expected.photoPath = kFolder / "photos" / "front.jpg";
    expected.scale = {6.1, ScaleSource::InterpupillaryDistance};
    // Everything else as a version 1 project always opened: no design, standard plan, seed 1,
    // fingerprint unknown, all sessions shown healed, the photo fitted.
    REQUIRE(parseProject(v1, kFolder, "anna.smp.json") == expected);
    const Project loaded = parseProject(v1, kFolder, "anna.smp.json");
    REQUIRE(loaded.photoHash.empty());
    REQUIRE(loaded.timeline.sessionsShown == ProjectTimeline::kAllSessions);
    REQUIRE_FALSE(loaded.view.has_value());
}

TEST_CASE("a literal version 2 file migrates with its fingerprint unknown", "[core][project][migration]") {
    const std::string v2 = R"({
  "format": "smp-studio-project",
  "version": 2,
  "photo": {"path": "front.jpg"},
  "scale": {"pxPerMm": 5.5, "source": "ruler"},
  "pupilDistanceMm": 60.5,
  "design": null,
  "sessions": [
    {"share": 0.6, "shade": 0.5, "needleMm": 0.2, "retention": 0.8, "scarRetention": 0.5},
    {"share": 0.4, "shade": 0.7, "needleMm": 0.25, "retention": 0.9, "scarRetention": 0.6}
  ],
  "imperfection": {"sizeJitter": 0.1, "shadeJitter": 0.04, "maxEllipse": 1.2, "follicularChance": 0.07,
                   "tripleChance": 0.25, "unitSpacing": 0.35, "transitionScatter": 0.2, "scarSpread": 0.3},
  "seed": 31337
})";
    Project expected;
    expected.photoPath = kFolder / "front.jpg";
    expected.scale = {5.5, ScaleSource::Ruler};
    expected.pupilDistanceMm = 60.5;
    expected.plan.sessions = {{0.6, 0.5, 0.2, 0.8, 0.5}, {0.4, 0.7, 0.25, 0.9, 0.6}};
    expected.plan.imperfection = {0.1, 0.04, 1.2, 0.07, 0.25, 0.35, 0.2, 0.3};
    expected.seed = 31337;
    REQUIRE(parseProject(v2, kFolder, "anna.smp.json") == expected);
}

TEST_CASE("a version 2 file with a design keeps all of it", "[core][project][migration]") {
    // The designed project as version 2 wrote it: no fingerprint, timeline or view.
    std::string v2 = designedJson();
    v2 = replaced(v2, "\"version\": 3", "\"version\": 2");
    v2 = replaced(v2, "\"contentHash\": \"0123456789abcdef\",\n    ", "");
    v2 = replaced(v2, "\"timeline\": {\n    \"day\": 5,\n    \"sessionsShown\": 2\n  },\n  ", "");
    v2 = replaced(
        v2, ",\n  \"view\": {\n    \"centerPx\": [\n      310.25,\n      -40.5\n    ],\n    \"zoom\": 2.5\n  }", "");
    Project expected = designedProject(kFolder);
    expected.photoHash.clear();
    expected.timeline = {};
    expected.view.reset();
    REQUIRE(parseProject(v2, kFolder, "anna.smp.json") == expected);
}

TEST_CASE("bad fingerprint, timeline and view values name their JSON path", "[core][project]") {
    const std::string good = designedJson();
    const auto fails = [](const std::string& json, const std::string& message) {
        REQUIRE_THROWS_WITH(parseProject(json, kFolder, "anna.smp.json"), message);
    };
    const std::string hash = "\"contentHash\": \"0123456789abcdef\"";
    const std::string hashRule =
        "anna.smp.json: photo.contentHash: must be 16 hexadecimal digits (0-9, a-f), or empty when unknown";
    fails(replaced(good, hash, "\"contentHash\": 81985529216486895"),
          "anna.smp.json: photo.contentHash: must be a string");
    fails(replaced(good, hash, "\"contentHash\": \"0123456789ABCDEF\""), hashRule);
    fails(replaced(good, hash, "\"contentHash\": \"0123456789abcde\""), hashRule);
    fails(replaced(good, hash + ",", ""), "anna.smp.json: photo.contentHash: is missing");

    const std::string timeline = "\"timeline\": {\n    \"day\": 5,\n    \"sessionsShown\": 2\n  }";
    const std::string shownRule =
        "anna.smp.json: timeline.sessionsShown: must be \"all\" or a whole number from 0 to 7";
    const std::string dayRule =
        "anna.smp.json: timeline.day: must be null (healed) or a whole number of days from 0 to 365";
    fails(replaced(good, timeline + ",", ""), "anna.smp.json: timeline: is missing");
    fails(replaced(good, timeline, "\"timeline\": [2, 5]"), "anna.smp.json: timeline: must be an object");
    fails(replaced(good, "\"sessionsShown\": 2", "\"sessionsShown\": 8"), shownRule);
    fails(replaced(good, "\"sessionsShown\": 2", "\"sessionsShown\": -1"), shownRule);
    fails(replaced(good, "\"sessionsShown\": 2", "\"sessionsShown\": 1.5"), shownRule);
    fails(replaced(good, "\"sessionsShown\": 2", "\"sessionsShown\": \"some\""), shownRule);
    fails(replaced(good, "\"day\": 5,", ""), "anna.smp.json: timeline.day: is missing");
    fails(replaced(good, "\"day\": 5", "\"day\": -1"), dayRule);
    fails(replaced(good, "\"day\": 5", "\"day\": 366"), dayRule);
    fails(replaced(good, "\"day\": 5", "\"day\": \"5\""), dayRule);

    const std::string centerRule = "anna.smp.json: view.centerPx: must be a pair of numbers [x, y] in photo pixels, "
                                   "each between -1000000 and 1000000";
    fails(replaced(good, "\"view\": {", "\"view\": \"fit\", \"old\": {"),
          "anna.smp.json: view: must be an object, or null to fit the photo");
    fails(replaced(good, "\"zoom\": 2.5", "\"zoom\": 65"),
          "anna.smp.json: view.zoom: must be between 1/64 and 64 (view pixels per photo pixel)");
    fails(replaced(good, "\"zoom\": 2.5", "\"zoom\": \"2x\""), "anna.smp.json: view.zoom: must be a number");
    fails(replaced(good, "310.25,\n      -40.5", "310.25"), centerRule);
    fails(replaced(good, "310.25,", "3e7,"), centerRule);
    fails(replaced(good, "310.25,", "\"left\","), centerRule);
}

TEST_CASE("saving refuses a project that would not load again, writing nothing", "[core][project]") {
    const auto folder = smp::test::freshFolder("project_refused");
    const auto file = folder / "anna.smp.json";
    const auto refused = [&](const Project& project, const std::string& message) {
        REQUIRE_THROWS_AS(saveProject(project, file), UsageError);
        REQUIRE_THROWS_WITH(saveProject(project, file), Contains(message));
        REQUIRE_FALSE(std::filesystem::exists(file));
    };
    Project project = designedProject(folder);
    project.photoHash = "not a fingerprint";
    refused(project, "photo.contentHash");
    project = designedProject(folder);
    project.timeline.sessionsShown = 9;
    refused(project, "timeline.sessionsShown");
    project = designedProject(folder);
    project.timeline.day = 400;
    refused(project, "timeline.day");
    project = designedProject(folder);
    project.view->zoom = 0.0;
    refused(project, "view.zoom");
    project = designedProject(folder);
    project.view->centerPx.x = std::numeric_limits<double>::infinity();
    refused(project, "view.centerPx");
}
