// The window's export runs on a worker thread with its own headless context: these tests start
// real exports of the demo project and wait for them, or cancel them.
#include "ui/ExportJob.h"
#include "ui/ExportPanel.h"

#include "core/Errors.h"
#include "vision/ClientDocument.h"
#include "vision/PhotoLoader.h"

#include "TestFolder.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <thread>

using namespace smp;

namespace {

const outputs::ExportSource& demoSource() {
    static const outputs::ExportSource source = [] {
        vision::ClientDocument document = vision::openClientDocument(SMP_SOURCE_DIR "/assets/demo/demo.smp.json");
        return outputs::ExportSource{std::move(document.project), std::move(document.photo)};
    }();
    return source;
}

ui::ExportOutcome waitFor(ui::ExportJob& job) {
    for (int i = 0; i < 6000 && job.running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    REQUIRE_FALSE(job.running());
    std::optional<ui::ExportOutcome> outcome = job.takeOutcome();
    REQUIRE(outcome.has_value());
    REQUIRE_FALSE(job.takeOutcome().has_value());  // told once
    return std::move(*outcome);
}

}  // namespace

TEST_CASE("an export from the window runs off the UI thread and writes its file", "[ui][export]") {
    const std::filesystem::path folder = test::freshFolder("export_job_written");
    outputs::ExportSettings settings;
    settings.kind = outputs::ExportKind::Split;
    settings.output = folder / "split.png";
    settings.widthPx = 800;
    const outputs::ExportSource& source = demoSource();
    ui::ExportJob job;
    job.start(source, settings);
    // start() returns before the work is done: the worker renders and writes.
    REQUIRE(job.running());
    const ui::ExportOutcome outcome = waitFor(job);
    INFO(outcome.message);
    REQUIRE(outcome.status == ui::ExportOutcome::Status::Written);
    REQUIRE(outcome.result.written == settings.output);
    const core::Image written = vision::loadPhoto(settings.output);
    REQUIRE(written.width == 800);
    const outputs::ExportProgress progress = job.progress();
    REQUIRE(progress.done == progress.total);
}

TEST_CASE("a cancelled export from the window leaves nothing behind", "[ui][export]") {
    const std::filesystem::path folder = test::freshFolder("export_job_cancelled");
    outputs::ExportSettings settings;
    settings.kind = outputs::ExportKind::Timelapse;
    settings.output = folder / "clip.mp4";
    ui::ExportJob job;
    job.start(demoSource(), settings);
    job.cancel();
    const ui::ExportOutcome outcome = waitFor(job);
    REQUIRE(outcome.status == ui::ExportOutcome::Status::Cancelled);
    REQUIRE(std::filesystem::is_empty(folder));
}

TEST_CASE("a bad export request is refused before any work starts", "[ui][export]") {
    const std::filesystem::path folder = test::freshFolder("export_job_refused");
    outputs::ExportSettings settings;
    settings.kind = outputs::ExportKind::BeforeAfter;
    settings.output = folder / "before-after.mp4";  // a picture cannot be an mp4
    ui::ExportJob job;
    REQUIRE_THROWS_AS(job.start(demoSource(), settings), core::UsageError);
    REQUIRE_FALSE(job.running());
    REQUIRE_FALSE(job.takeOutcome().has_value());
    settings.output = folder / "missing-folder" / "before-after.png";
    REQUIRE_THROWS(job.start(demoSource(), settings));
    REQUIRE(std::filesystem::is_empty(folder));
}

TEST_CASE("exports are named after the project, beside it", "[ui][export]") {
    vision::ClientDocument document;
    document.projectFile = "/clients/alex/alex.smp.json";
    REQUIRE(ui::defaultExportPath(document, outputs::ExportKind::BeforeAfter) ==
            std::filesystem::path("/clients/alex/alex-before-after.png"));
    REQUIRE(ui::defaultExportPath(document, outputs::ExportKind::Timelapse) ==
            std::filesystem::path("/clients/alex/alex-timelapse.mp4"));
    document.projectFile.clear();
    document.project.photoPath = "/photos/IMG_0042.JPG";
    REQUIRE(ui::defaultExportPath(document, outputs::ExportKind::PlanSheet) ==
            std::filesystem::path("/photos/IMG_0042-plan-sheet.png"));
}
