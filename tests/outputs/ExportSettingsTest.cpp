// Export names and the frames folder's name.
#include "outputs/ExportKind.h"
#include "outputs/ExportSettings.h"

#include <catch2/catch.hpp>

using namespace smp::outputs;

TEST_CASE("every export kind reads back from its name", "[outputs]") {
    for (const ExportKind kind : {ExportKind::BeforeAfter, ExportKind::Split, ExportKind::Sessions,
                                  ExportKind::Timelapse, ExportKind::PlanSheet})
        REQUIRE(parseExportKind(exportKindName(kind)) == kind);
    REQUIRE(exportKindName(ExportKind::PlanSheet) == "plan-sheet");
    REQUIRE_FALSE(parseExportKind("gif"));
    REQUIRE_FALSE(parseExportKind("Before-After"));
    REQUIRE_FALSE(isStillImage(ExportKind::Timelapse));
    REQUIRE(isStillImage(ExportKind::Sessions));
}

TEST_CASE("the time-lapse's frames folder is named after the video", "[outputs]") {
    REQUIRE(frameFolderFor("/tmp/exports/clip.mp4") == "/tmp/exports/clip-frames");
    REQUIRE(frameFolderFor("clip.MP4") == "clip-frames");
}
