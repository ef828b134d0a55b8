// The worker that places the dots of an edited design off the UI thread: the newest request wins,
// requests that waited behind a busy worker are skipped, and the real placement gives the same
// dots as the synchronous one.
#include "ui/DotsWorker.h"
#include "core/ProjectDots.h"
#include "ui/DocumentActions.h"
#include "vision/ImageWriter.h"

#include "PaintedPhotos.h"
#include "TestFolder.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

using namespace smp;

namespace {

// A placement that waits until the test opens the gate, and notes which requests it placed.
struct GatedPlacement {
    std::mutex mutex;
    std::condition_variable changed;
    bool open = false;
    std::vector<std::uint64_t> placed;
    int started = 0;

    ui::DotsResult place(const ui::DotsRequest& request) {
        std::unique_lock lock(mutex);
        ++started;
        changed.notify_all();
        changed.wait(lock, [&] { return open; });
        placed.push_back(request.designRevision);
        return {request.photoRevision, request.designRevision, std::nullopt, {}, "gated", false};
    }
    void waitForStarts(int count) {
        std::unique_lock lock(mutex);
        REQUIRE(changed.wait_for(lock, std::chrono::seconds(30), [&] { return started >= count; }));
    }
    void openGate() {
        std::lock_guard lock(mutex);
        open = true;
        changed.notify_all();
    }
};

std::optional<ui::DotsResult> waitForResult(ui::DotsWorker& worker) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
        if (auto result = worker.take()) return result;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return std::nullopt;
}

ui::DotsRequest requestFor(std::uint64_t designRevision) {
    ui::DotsRequest request;
    request.photoRevision = 1;
    request.designRevision = designRevision;
    return request;
}

// A painted photo opened as the window opens one: its project (with the design placed on
// open) and its size.
struct OpenedPhoto {
    core::Project project;
    core::SizePx size;
};

OpenedPhoto openPaintedPhoto(const std::string& folderName) {
    const auto folder = test::freshFolder(folderName);
    vision::writeImage(test::paintTestPhoto(400, 360), folder / "front.png");
    ui::AppState state;
    ui::openPath(state, folder / "front.png");
    return {state.document.client.project, {state.document.client.photo.width, state.document.client.photo.height}};
}

// The worker's placement of `request`, which must have turned the design into a field.
ui::DotsResult placedWithField(ui::DotsWorker& worker, const ui::DotsRequest& request) {
    worker.request(request);
    auto result = waitForResult(worker);
    REQUIRE(result.has_value());
    INFO(result->error);
    REQUIRE(result->field.has_value());
    return std::move(*result);
}

}  // namespace

TEST_CASE("requests made while the worker is busy: only the newest is placed next", "[ui][dots]") {
    GatedPlacement gate;
    ui::DotsWorker worker([&](const ui::DotsRequest& request) { return gate.place(request); });
    REQUIRE_FALSE(worker.busy());

    worker.request(requestFor(1));
    gate.waitForStarts(1);  // 1 is being placed
    worker.request(requestFor(2));
    worker.request(requestFor(3));
    worker.request(requestFor(4));
    REQUIRE(worker.busy());
    REQUIRE_FALSE(worker.take().has_value());  // nothing finished yet: the UI thread never waits

    gate.openGate();
    gate.waitForStarts(2);
    std::optional<ui::DotsResult> last;
    while (!last || last->designRevision != 4) {
        last = waitForResult(worker);
        REQUIRE(last.has_value());
    }
    REQUIRE_FALSE(worker.busy());
    std::lock_guard lock(gate.mutex);
    REQUIRE(gate.placed == std::vector<std::uint64_t>{1, 4});  // 2 and 3 were never placed
}

TEST_CASE("a placement that throws becomes a result with the reason", "[ui][dots]") {
    ui::DotsWorker worker([](const ui::DotsRequest&) -> ui::DotsResult { throw std::runtime_error("engine broke"); });
    worker.request(requestFor(7));
    const auto result = waitForResult(worker);
    REQUIRE(result.has_value());
    REQUIRE(result->designRevision == 7);
    REQUIRE_FALSE(result->field.has_value());
    REQUIRE(result->error == "engine broke");
}

TEST_CASE("the worker's placement gives the dots the synchronous path gives", "[ui][dots]") {
    const auto [project, size] = openPaintedPhoto("ui_dots_worker");
    REQUIRE(project.design.has_value());

    ui::DotsWorker worker;
    const ui::DotsResult result = placedWithField(worker, {project, size, 3, 5});
    REQUIRE(result.photoRevision == 3);
    REQUIRE(result.designRevision == 5);
    const dots::DotLayout expected = core::projectDots(project, size);
    REQUIRE(result.layout.dots.size() == expected.dots.size());
    REQUIRE(result.layout.sessionStart == expected.sessionStart);
}

TEST_CASE("the worker keeps its engine: the placement after an edit reuses the one before and gives the same dots",
          "[ui][dots]") {
    auto [project, size] = openPaintedPhoto("ui_dots_worker_edit");
    REQUIRE(project.design.has_value());

    ui::DotsWorker worker;
    const ui::DotsResult first = placedWithField(worker, {project, size, 1, 1});
    CHECK_FALSE(first.reused);

    // A hairline point dragged 2 mm back, as one step of a drag.
    auto& points = project.design->hairline.points;
    points[points.size() / 2].y += 2.0;
    const ui::DotsResult second = placedWithField(worker, {project, size, 1, 2});
    CHECK(second.reused);
    const dots::DotLayout fresh = core::projectDots(project, size);
    REQUIRE(second.layout.sessionStart == fresh.sessionStart);
    REQUIRE(second.layout.dots.size() == fresh.dots.size());
    for (std::size_t i = 0; i < fresh.dots.size(); ++i) {
        REQUIRE(second.layout.dots[i].positionMm == fresh.dots[i].positionMm);
        REQUIRE(second.layout.dots[i].diameterMm == fresh.dots[i].diameterMm);
        REQUIRE(second.layout.dots[i].follicularUnit == fresh.dots[i].follicularUnit);
    }
    // And the edit did move dots: the placement is of the edited design, not the first one.
    CHECK(second.layout.dots.size() != first.layout.dots.size());
}
