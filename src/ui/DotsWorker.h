#pragma once
// Places the dots of an edited design off the UI thread, so that a drag never waits for the
// engine: the curve follows the mouse at once and the dots catch up. Latest request wins: a
// request replaces one still waiting (never started), and a finished result replaces one not yet
// taken, so a long drag costs one placement at a time, the dots catch up several times a second,
// and the last placement is always that of where the drag ended.

#include "core/Geometry.h"
#include "core/Project.h"
#include "core/dots/MicrodotEngine.h"

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace smp::ui {

struct DotsRequest {
    core::Project project;
    core::SizePx photoSize;
    std::uint64_t photoRevision = 0;   // which document's photo (ui::Document)
    std::uint64_t designRevision = 0;  // which state of its design
};

struct DotsResult {
    std::uint64_t photoRevision = 0;
    std::uint64_t designRevision = 0;
    std::optional<dots::DensityField> field;  // none: the design could not be turned into dots
    dots::DotLayout layout;
    std::string error;  // why there is no field
    bool reused = false;  // every session kept the previous placement's dots away from the change
};

// The field and the dots of the request's project (core/ProjectDots.h), through `engine`, which
// keeps the previous placement: after an edit it redoes only what changed. A UsageError becomes
// the result's error.
DotsResult placeProjectDots(const DotsRequest& request, dots::MicrodotEngine& engine);

class DotsWorker {
public:
    using Place = std::function<DotsResult(const DotsRequest&)>;
    // placeProjectDots through one engine kept for all of the worker's placements: each step
    // of a drag is placed as an edit of the one before.
    static Place placeKeepingEngine();

    explicit DotsWorker(Place place = placeKeepingEngine());
    ~DotsWorker();  // waits for the placement under way, if any
    DotsWorker(const DotsWorker&) = delete;
    DotsWorker& operator=(const DotsWorker&) = delete;

    void request(DotsRequest request);
    // The newest placement finished since the last take; none when there is none.
    [[nodiscard]] std::optional<DotsResult> take();
    // A request is waiting or being placed, or its result has not been taken yet.
    [[nodiscard]] bool busy() const;

private:
    void run();

    Place place_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::optional<DotsRequest> waiting_;
    std::optional<DotsResult> finished_;
    bool working_ = false;  // a request is being placed
    bool stopping_ = false;
    std::thread thread_;  // last: started once the members it uses exist
};

}  // namespace smp::ui
