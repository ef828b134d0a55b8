#pragma once
// Long work (opening a photo: decoding, finding the face, proposing the head outline) on a worker
// thread, so that the window keeps drawing: the window polls it every frame, shows what it is
// doing with a progress bar, and can cancel it. Work that cannot stop half way (OpenCV's
// analysis) is abandoned instead: its result is dropped when it comes. No ImGui.

#include <chrono>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>
#include <utility>
#include <variant>
#include <vector>

namespace smp::ui {

template <class Result>
class BackgroundTask {
public:
    using Work = std::function<Result(std::stop_token)>;
    // The work's result, or what it threw.
    using Outcome = std::variant<Result, std::exception_ptr>;

    BackgroundTask() = default;
    BackgroundTask(const BackgroundTask&) = delete;
    BackgroundTask& operator=(const BackgroundTask&) = delete;
    ~BackgroundTask() {
        cancel();
        for (Abandoned& task : abandoned_) task.thread.join();
    }

    // Starts `work` described as `what` ("Opening IMG_0042.jpg"); a task still running is
    // cancelled first.
    void start(std::string what, Work work) {
        cancel();
        auto shared = std::make_shared<Shared>();
        shared_ = shared;
        what_ = std::move(what);
        started_ = std::chrono::steady_clock::now();
        worker_ = std::jthread([shared, work = std::move(work)](std::stop_token stop) {
            Outcome outcome = [&]() -> Outcome {
                try {
                    return work(stop);
                } catch (...) {
                    return std::current_exception();
                }
            }();
            const std::lock_guard lock(shared->mutex);
            shared->outcome = std::move(outcome);
            shared->done = true;
        });
    }

    // Asks the work to stop and drops its result; never waits for it.
    void cancel() {
        if (worker_.joinable()) {
            worker_.request_stop();
            abandoned_.push_back({std::move(worker_), shared_});
        }
        shared_.reset();
        reapAbandoned();
    }

    [[nodiscard]] bool running() const {
        if (!shared_) return false;
        const std::lock_guard lock(shared_->mutex);
        return !shared_->done;
    }
    [[nodiscard]] const std::string& what() const { return what_; }
    [[nodiscard]] double secondsRunning() const {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    }

    // The finished work's outcome, once; empty while it runs, after a cancel, or when taken.
    [[nodiscard]] std::optional<Outcome> take() {
        reapAbandoned();
        if (!shared_) return std::nullopt;
        std::optional<Outcome> outcome;
        {
            const std::lock_guard lock(shared_->mutex);
            if (!shared_->done) return std::nullopt;
            outcome = std::move(shared_->outcome);
        }
        shared_.reset();
        if (worker_.joinable()) worker_.join();  // it has finished: joins at once
        return outcome;
    }

private:
    struct Shared {
        std::mutex mutex;
        bool done = false;
        std::optional<Outcome> outcome;
    };

    struct Abandoned {
        std::jthread thread;
        std::shared_ptr<Shared> shared;
    };

    // Joins the abandoned workers that have finished (at once: they are done); the others are
    // looked at again next time, and joined at destruction at the latest.
    void reapAbandoned() {
        std::erase_if(abandoned_, [](Abandoned& task) {
            const std::lock_guard lock(task.shared->mutex);
            if (!task.shared->done) return false;
            task.thread.join();
            return true;
        });
    }

    std::shared_ptr<Shared> shared_;
    std::string what_;
    std::chrono::steady_clock::time_point started_;
    std::vector<Abandoned> abandoned_;
    std::jthread worker_;
};

}  // namespace smp::ui
