#include "ui/BackgroundTask.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

using namespace smp;
using namespace std::chrono_literals;

namespace {

template <class Result>
typename ui::BackgroundTask<Result>::Outcome waitFor(ui::BackgroundTask<Result>& task) {
    for (int i = 0; i < 500; ++i) {
        if (auto outcome = task.take()) return std::move(*outcome);
        std::this_thread::sleep_for(10ms);
    }
    FAIL("the task never finished");
    return {};
}

}  // namespace

TEST_CASE("background work runs off the calling thread and its result is taken once", "[ui][background]") {
    ui::BackgroundTask<int> task;
    std::atomic<bool> release{false};
    const std::thread::id caller = std::this_thread::get_id();
    std::atomic<bool> elsewhere{false};
    task.start("counting", [&](std::stop_token) {
        elsewhere = std::this_thread::get_id() != caller;
        while (!release) std::this_thread::sleep_for(1ms);
        return 42;
    });
    REQUIRE(task.running());  // start() did not wait for the work
    REQUIRE(task.what() == "counting");
    REQUIRE_FALSE(task.take().has_value());
    release = true;
    const auto outcome = waitFor(task);
    REQUIRE(elsewhere);
    REQUIRE(std::get<int>(outcome) == 42);
    REQUIRE_FALSE(task.running());
    REQUIRE_FALSE(task.take().has_value());
}

TEST_CASE("what background work throws comes back to the window", "[ui][background]") {
    ui::BackgroundTask<std::string> task;
    task.start("failing", [](std::stop_token) -> std::string { throw std::runtime_error("no face found"); });
    const auto outcome = waitFor(task);
    const auto* error = std::get_if<std::exception_ptr>(&outcome);
    REQUIRE(error);
    REQUIRE_THROWS_WITH(std::rethrow_exception(*error), "no face found");
}

TEST_CASE("a cancelled task asks its work to stop and its result never arrives", "[ui][background]") {
    ui::BackgroundTask<int> task;
    std::atomic<bool> sawStop{false};
    task.start("slow", [&](std::stop_token stop) {
        while (!stop.stop_requested()) std::this_thread::sleep_for(1ms);
        sawStop = true;
        return 1;
    });
    task.cancel();
    REQUIRE_FALSE(task.running());
    for (int i = 0; i < 500 && !sawStop; ++i) std::this_thread::sleep_for(1ms);
    REQUIRE(sawStop);
    std::this_thread::sleep_for(20ms);
    REQUIRE_FALSE(task.take().has_value());

    // A new task after it works as the first did; work that ignores the stop is abandoned.
    std::atomic<bool> release{false};
    task.start("stubborn", [&](std::stop_token) {
        while (!release) std::this_thread::sleep_for(1ms);
        return 2;
    });
    task.start("next", [](std::stop_token) { return 3; });  // the stubborn one is left to finish
    REQUIRE(std::get<int>(waitFor(task)) == 3);
    release = true;  // the abandoned worker ends and is joined, at the latest by the destructor
}
