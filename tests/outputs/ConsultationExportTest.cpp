// The stills, exported from the demo through the window's renderer: their sizes, the photo's own
// pixels where no label covers them, the labels where they do.
#include "outputs/BeforeAfterImage.h"
#include "outputs/PlanSheet.h"
#include "vision/PhotoLoader.h"

#include "ExportFixture.h"
#include "TestFolder.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

using namespace smp;
using outputs::ExportKind;

namespace {

bool inside(const std::vector<core::RectPx>& areas, int x, int y) {
    for (const core::RectPx& r : areas)
        if (x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height) return true;
    return false;
}

// Largest channel difference between the export at (x0 + x, y) and the photo at (x, y), over the
// photo pixels outside the label areas; and the mean difference inside them.
struct Difference {
    int outsideMax = 0;
    double insideMean = 0.0;
    long insidePixels = 0;
};

Difference compareWithPhoto(const core::Image& exported, int x0, const core::Image& photo,
                            const std::vector<core::RectPx>& labels) {
    Difference difference;
    double insideSum = 0.0;
    for (int y = 0; y < photo.height; ++y) {
        for (int x = 0; x < photo.width; ++x) {
            const std::uint8_t* a = exported.at(x0 + x, y);
            const std::uint8_t* b = photo.at(x, y);
            int largest = 0;
            for (int c = 0; c < 3; ++c) largest = std::max(largest, std::abs(int(a[c]) - int(b[c])));
            if (inside(labels, x0 + x, y)) {
                insideSum += largest;
                ++difference.insidePixels;
            } else {
                difference.outsideMax = std::max(difference.outsideMax, largest);
            }
        }
    }
    if (difference.insidePixels > 0) difference.insideMean = insideSum / double(difference.insidePixels);
    return difference;
}

}  // namespace

TEST_CASE("a before-after at full resolution shows the photo itself on the left, labelled", "[outputs][render]") {
    const auto folder = test::freshFolder("outputs_before_after_full");
    const outputs::ExportSource& demo = test::demoSource();
    const auto settings = test::settingsFor(ExportKind::BeforeAfter, folder / "before-after.png");
    const outputs::ExportResult result = outputs::exportConsultation(demo, settings);

    const core::Image image = vision::loadPhoto(settings.output);
    const int gutter = outputs::gutterWidth(image.width);
    REQUIRE(image.width == 2 * demo.photo.width + gutter);
    REQUIRE(image.height == demo.photo.height);
    REQUIRE(result.size == core::SizePx{image.width, image.height});
    REQUIRE(gutter >= 2);

    // Labels: BEFORE, AFTER, the client's name and the scale bar.
    REQUIRE(result.labelAreas.size() == 4);
    const Difference before = compareWithPhoto(image, 0, demo.photo, result.labelAreas);
    CHECK(before.outsideMax <= 1);       // the very photo (PNG is lossless; 1 for the CPU composite's rounding)
    REQUIRE(before.insidePixels > 0);
    CHECK(before.insideMean > 20.0);     // a dark band with light text over it is no longer the photo

    // The after half is the photo with dots: mostly the photo, but not the photo.
    const Difference after = compareWithPhoto(image, demo.photo.width + gutter, demo.photo, result.labelAreas);
    CHECK(after.outsideMax > 40);
}

TEST_CASE("a before-after at --width fits both halves and the gutter in that width", "[outputs][render]") {
    const auto folder = test::freshFolder("outputs_before_after_width");
    auto settings = test::settingsFor(ExportKind::BeforeAfter, folder / "small.png");
    settings.widthPx = 801;
    const outputs::ExportResult result = outputs::exportConsultation(test::demoSource(), settings);
    const core::Image image = vision::loadPhoto(settings.output);
    REQUIRE(image.width == 801);
    const int half = (801 - outputs::gutterWidth(801)) / 2;
    REQUIRE(image.height == int(std::lround(half * 2000.0 / 1600.0)));
    REQUIRE(result.labelAreas.size() == 4);
}

TEST_CASE("a split is one picture of the photo's size with both sides labelled", "[outputs][render]") {
    const auto folder = test::freshFolder("outputs_split");
    auto settings = test::settingsFor(ExportKind::Split, folder / "split.png");
    settings.widthPx = 640;
    settings.divider = 0.4;
    settings.clientName.clear();
    const outputs::ExportResult result = outputs::exportConsultation(test::demoSource(), settings);
    const core::Image image = vision::loadPhoto(settings.output);
    REQUIRE(image.width == 640);
    REQUIRE(image.height == 800);
    REQUIRE(result.labelAreas.size() == 3);  // BEFORE, AFTER, the scale bar: no name was given
    // The BEFORE tag is left of the divider, the AFTER tag right of it.
    REQUIRE(result.labelAreas[0].x + result.labelAreas[0].width <= 256);
    REQUIRE(result.labelAreas[1].x >= 256);
}

TEST_CASE("JPEG is written by the extension, at the quality asked", "[outputs][render]") {
    const auto folder = test::freshFolder("outputs_jpeg_quality");
    auto settings = test::settingsFor(ExportKind::Split, folder / "low.jpg");
    settings.widthPx = 400;
    settings.jpegQuality = 30;
    (void)outputs::exportConsultation(test::demoSource(), settings);
    settings.output = folder / "high.JPEG";
    settings.jpegQuality = 98;
    (void)outputs::exportConsultation(test::demoSource(), settings);
    std::ifstream jpeg(folder / "low.jpg", std::ios::binary);
    REQUIRE(jpeg.get() == 0xFF);
    REQUIRE(jpeg.get() == 0xD8);
    REQUIRE(std::filesystem::file_size(folder / "low.jpg") < std::filesystem::file_size(folder / "high.JPEG"));
    REQUIRE(vision::loadPhoto(folder / "high.JPEG").width == 400);
}

TEST_CASE("the session sheet has the photo and each session, and day 1 adds a row", "[outputs][render]") {
    const auto folder = test::freshFolder("outputs_session_sheet");
    auto settings = test::settingsFor(ExportKind::Sessions, folder / "sessions.png");
    settings.widthPx = 1200;
    std::vector<outputs::ExportProgress> reports;
    const outputs::ExportControl control{[&](const outputs::ExportProgress& p) { reports.push_back(p); }, {}};
    const outputs::ExportResult settled = outputs::exportConsultation(test::demoSource(), settings, control);
    REQUIRE(settled.size.width == 1200);
    REQUIRE(vision::loadPhoto(settings.output).width == 1200);
    // One render for the photo and one per session of the demo's three, the labels, the file.
    REQUIRE(reports.back().total == 1 + 3 + 1 + 1);
    REQUIRE(reports.back().done == reports.back().total);
    for (std::size_t i = 1; i < reports.size(); ++i) REQUIRE(reports[i].done >= reports[i - 1].done);

    settings.dayOne = true;
    settings.output = folder / "sessions-day1.png";
    const outputs::ExportResult withDayOne = outputs::exportConsultation(test::demoSource(), settings);
    REQUIRE(withDayOne.size.width == 1200);
    // A second row of pictures as tall as the first, plus the gap between the rows.
    REQUIRE(withDayOne.size.height > settled.size.height + 200);
    const core::Image sheet = vision::loadPhoto(settings.output);
    REQUIRE(sheet.height == withDayOne.size.height);
}

TEST_CASE("the plan sheet is an A4 page at the resolution asked", "[outputs][render]") {
    const auto folder = test::freshFolder("outputs_plan_sheet");
    auto settings = test::settingsFor(ExportKind::PlanSheet, folder / "plan.png");
    REQUIRE(outputs::a4PageAt(150) == core::SizePx{1240, 1754});
    REQUIRE(outputs::a4PageAt(300) == core::SizePx{2480, 3508});
    const outputs::ExportResult result = outputs::exportConsultation(test::demoSource(), settings);
    REQUIRE(result.size == core::SizePx{1240, 1754});
    const core::Image page = vision::loadPhoto(settings.output);
    REQUIRE(page.width == 1240);
    REQUIRE(page.height == 1754);
    // Printable: white paper at the corners, ink in the header.
    const std::uint8_t* corner = page.at(5, 5);
    REQUIRE((corner[0] == 255 && corner[1] == 255 && corner[2] == 255));
    int inked = 0;
    for (int x = 0; x < page.width; ++x)
        for (int y = 60; y < 140; ++y) inked += page.at(x, y)[0] < 128 ? 1 : 0;
    REQUIRE(inked > 500);  // the title's letters

    settings.widthPx = 620;
    settings.output = folder / "plan-small.png";
    REQUIRE(outputs::exportConsultation(test::demoSource(), settings).size == core::SizePx{620, 877});
}

TEST_CASE("the plan sheet's plan is the plan command's, from the start date", "[outputs][render]") {
    auto settings = test::settingsFor(ExportKind::PlanSheet, "unused.png");
    const outputs::ExportSource& demo = test::demoSource();
    outputs::PreviewRenderer renderer(demo.project, demo.photo);
    const plan::TreatmentPlan plan = outputs::planFor(renderer, settings, outputs::labelFactsFor(settings, demo.project));
    REQUIRE(plan.sessions.size() == 3);
    REQUIRE(plan.sessions[0].date == plan::CalendarDate::fromYmd(2026, 12, 1));
    REQUIRE(plan.sessions[2].date == plan::CalendarDate::fromYmd(2026, 12, 29));
    std::size_t dots = 0;
    for (const auto& session : plan.sessions) dots += session.dots;
    REQUIRE(dots == renderer.layout().dots.size());
}

TEST_CASE("the session sheet frames the treated scalp unless asked for the whole photo", "[outputs][render]") {
    const outputs::ExportSource& demo = test::demoSource();
    outputs::PreviewRenderer renderer(demo.project, demo.photo);
    const core::RectPx area =
        outputs::treatedArea(renderer.layout(), demo.project.scale.pxPerMm, {demo.photo.width, demo.photo.height});
    // Inside the photo, smaller than it, and holding every dot.
    REQUIRE(area.x >= 0);
    REQUIRE(area.y >= 0);
    REQUIRE(area.x + area.width <= demo.photo.width);
    REQUIRE(area.y + area.height <= demo.photo.height);
    REQUIRE(area.width * area.height < demo.photo.width * demo.photo.height / 2);
    for (const dots::Dot& dot : renderer.layout().dots) {
        const double x = dot.positionMm.x * demo.project.scale.pxPerMm;
        const double y = dot.positionMm.y * demo.project.scale.pxPerMm;
        REQUIRE((x >= area.x && x <= area.x + area.width && y >= area.y && y <= area.y + area.height));
    }
    REQUIRE(outputs::treatedArea({}, 6.1, {100, 80}) == core::RectPx{0, 0, 100, 80});

    const auto folder = test::freshFolder("outputs_session_sheet_framing");
    auto settings = test::settingsFor(ExportKind::Sessions, folder / "close.png");
    settings.widthPx = 1000;
    const core::SizePx close = outputs::exportConsultation(demo, settings).size;
    settings.wholePhoto = true;
    settings.output = folder / "whole.png";
    const core::SizePx whole = outputs::exportConsultation(demo, settings).size;
    // The portrait photo is taller than the treated scalp is: the whole-photo sheet is taller.
    REQUIRE(whole.height > close.height);
}
