#include "ui/DotsWorker.h"

#include "core/Errors.h"
#include "core/ProjectDots.h"

#include <algorithm>
#include <utility>

namespace smp::ui {

DotsResult placeProjectDots(const DotsRequest& request, dots::MicrodotEngine& engine) {
    DotsResult result{request.photoRevision, request.designRevision, std::nullopt, {}, {}, false};
    try {
        result.field = core::projectField(request.project, request.photoSize);
        result.layout = core::projectDots(request.project, *result.field, engine);
        // A design that treats no skin never reaches the engine: its stats are an older call's.
        const auto& stats = engine.lastStats();
        result.reused = result.field->anyTreated() && !stats.empty() &&
                        std::all_of(stats.begin(), stats.end(), [](const dots::LayerStats& s) { return s.incremental; });
    } catch (const core::UsageError& error) {
        result.field.reset();
        result.error = error.what();
    }
    return result;
}

DotsWorker::Place DotsWorker::placeKeepingEngine() {
    // Only the worker's thread calls it, one placement at a time: the engine needs no lock.
    auto engine = std::make_shared<dots::MicrodotEngine>();
    return [engine](const DotsRequest& request) { return placeProjectDots(request, *engine); };
}

DotsWorker::DotsWorker(Place place) : place_(std::move(place)), thread_([this] { run(); }) {}

DotsWorker::~DotsWorker() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void DotsWorker::request(DotsRequest request) {
    {
        std::lock_guard lock(mutex_);
        waiting_ = std::move(request);
    }
    wake_.notify_all();
}

std::optional<DotsResult> DotsWorker::take() {
    std::lock_guard lock(mutex_);
    return std::exchange(finished_, std::nullopt);
}

bool DotsWorker::busy() const {
    std::lock_guard lock(mutex_);
    return waiting_.has_value() || working_ || finished_.has_value();
}

void DotsWorker::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [&] { return stopping_ || waiting_.has_value(); });
        if (stopping_) return;
        DotsRequest request = std::move(*waiting_);
        waiting_.reset();
        working_ = true;
        lock.unlock();
        DotsResult result;
        try {
            result = place_(request);
        } catch (const std::exception& error) {
            result = {request.photoRevision, request.designRevision, std::nullopt, {}, error.what(), false};
        }
        lock.lock();
        // Published even when a newer request came in meanwhile: during a long drag the dots
        // catch up a placement at a time instead of waiting for the mouse to stop.
        finished_ = std::move(result);
        working_ = false;
    }
}

}  // namespace smp::ui
