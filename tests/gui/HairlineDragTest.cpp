// End to end, in the real binary under xvfb-run: a real mouse drag (xdotool) of a hairline
// control point on the demo project, saved with Ctrl+S, undone with Ctrl+Z and saved again; the
// window captured with xwd before, after and undone. The handles' window positions come from the
// app's own trace (SMP_TRACE_CANVAS=1, src/app/WindowApp.cpp), not from a second computation.
#include "core/Project.h"
#include "vision/ImageWriter.h"

#include "BackgroundWindow.h"
#include "TestFolder.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <sstream>

using namespace smp;
using namespace smp::test;

namespace {

const std::filesystem::path kDemo = SMP_SOURCE_DIR "/assets/demo";

// The newest "handles" line of the trace for the hairline tool: index -> window position.
std::map<int, core::Vec2> latestHandles(const std::string& log) {
    const std::string marker = "smp-studio: handles (hairline tool):";
    const auto at = log.rfind(marker);
    std::map<int, core::Vec2> handles;
    if (at == std::string::npos) return handles;
    std::istringstream line(log.substr(at + marker.size(), log.find('\n', at) - at - marker.size()));
    std::string item;
    while (line >> item) {
        int index = 0;
        double x = 0, y = 0;
        if (std::sscanf(item.c_str(), "%d:%lf,%lf", &index, &x, &y) == 3) handles[index] = {x, y};
    }
    return handles;
}

// The dots of every design change the window was asked to place have been placed.
bool dotsUpToDate(const std::string& log) {
    const auto requested = log.rfind("dots requested");
    const auto done = log.rfind("dots up to date");
    return done != std::string::npos && (requested == std::string::npos || done > requested);
}

std::vector<core::Vec2> savedHairline(const std::filesystem::path& file) {
    try {
        const core::Project project = core::loadProject(file);
        if (project.design) return project.design->hairline.points;
    } catch (const std::exception&) {
        // mid-write or not yet saved: the caller waits
    }
    return {};
}

// Share of pixels in the square of side 2 * half around `centre` whose channels differ by more
// than `levels`.
double changedNear(const core::Image& a, const core::Image& b, core::Vec2 centre, int half, int levels = 40) {
    REQUIRE(a.width == b.width);
    REQUIRE(a.height == b.height);
    int changed = 0, total = 0;
    for (int y = int(centre.y) - half; y < int(centre.y) + half; ++y)
        for (int x = int(centre.x) - half; x < int(centre.x) + half; ++x) {
            if (x < 0 || y < 0 || x >= a.width || y >= a.height) continue;
            ++total;
            for (int c = 0; c < 3; ++c)
                if (std::abs(a.at(x, y)[c] - b.at(x, y)[c]) > levels) {
                    ++changed;
                    break;
                }
        }
    return total == 0 ? 0.0 : double(changed) / total;
}

// The window once it has stopped changing: captured until two captures a second apart agree (a
// frame still being drawn, or the canvas's new dots still on their way, shows as a difference).
core::Image settledCapture(const BackgroundWindow& window, const std::filesystem::path& folder,
                           const std::string& name) {
    core::Image previous = window.capture(name);
    for (int attempt = 0; attempt < 60; ++attempt) {
        std::this_thread::sleep_for(std::chrono::seconds(1));
        core::Image next = window.capture(name);
        if (!next.empty() && next.pixels == previous.pixels) break;
        previous = std::move(next);
    }
    REQUIRE_FALSE(previous.empty());
    vision::writeImage(previous, folder / (name + ".png"));
    return previous;
}

}  // namespace

TEST_CASE("a real mouse drag of a hairline point is saved, and Ctrl+Z brings the saved point back", "[gui]") {
    requireXdotool();
    requireXwd();
    const auto folder = freshFolder("gui_hairline_drag");
    std::filesystem::copy_file(kDemo / "demo.smp.json", folder / "client.smp.json");
    std::filesystem::copy_file(kDemo / "demo_head.jpg", folder / "demo_head.jpg");
    const auto project = folder / "client.smp.json";

    BackgroundWindow window(folder, quoted(project.string()), "SMP_TRACE_CANVAS=1");
    REQUIRE(window.started());
    REQUIRE(window.focus());
    REQUIRE_SOON(window, window.hasTitle("client.smp.json - SMP Studio"));

    // The demo project has no hairline yet: opening placed one. Saved as it is, it is the start.
    REQUIRE_PRESS(window, "ctrl+s", !savedHairline(project).empty());
    const std::vector<core::Vec2> start = savedHairline(project);
    REQUIRE(start.size() >= 5);

    REQUIRE_PRESS(window, "h", !latestHandles(window.log()).empty());
    const auto handles = latestHandles(window.log());
    REQUIRE(handles.size() == start.size());
    const int dragged = 1;  // left of the midline: its mirror partner follows
    const int partner = int(start.size()) - 1 - dragged;
    const core::Vec2 from = handles.at(dragged);
    const core::Vec2 delta{30.0, 24.0};
    const core::Vec2 to = from + delta;
    const std::string id = window.windowId();
    REQUIRE_FALSE(id.empty());
    const auto moveTo = [&](core::Vec2 at) {
        return window.xdotool("mousemove --window " + id + " " + std::to_string(std::lround(at.x)) + " " +
                              std::to_string(std::lround(at.y)));
    };
    REQUIRE(moveTo(from).exitCode == 0);
    const core::Image before = settledCapture(window, folder, "before");

    // The drag: press on the handle, move in steps as a hand does, let go where the trace shows it.
    REQUIRE(window.xdotool("mousedown 1").exitCode == 0);
    REQUIRE_SOON(window, window.log().find("drag started " + std::to_string(dragged)) != std::string::npos);
    for (int step = 1; step <= 10; ++step) {
        moveTo(from + delta * (step / 10.0));
        std::this_thread::sleep_for(std::chrono::milliseconds(60));
    }
    REQUIRE_SOON(window, std::abs(latestHandles(window.log()).at(dragged).x - to.x) <= 1.5 &&
                             std::abs(latestHandles(window.log()).at(dragged).y - to.y) <= 1.5);
    REQUIRE(window.xdotool("mouseup 1").exitCode == 0);
    REQUIRE_SOON(window, window.log().find("drag ended " + std::to_string(dragged)) != std::string::npos);
    REQUIRE_SOON(window, window.hasTitle("\\* client.smp.json - SMP Studio"));

    REQUIRE_PRESS(window, "ctrl+s", savedHairline(project) != start);
    REQUIRE_SOON(window, window.hasTitle("client.smp.json - SMP Studio"));
    const std::vector<core::Vec2> moved = savedHairline(project);
    REQUIRE(moved.size() == start.size());
    // Moved in the dragged direction (screen and photo both have y down), by the drag's shape.
    const core::Vec2 shift = moved[std::size_t(dragged)] - start[std::size_t(dragged)];
    INFO("moved by " << shift.x << ", " << shift.y << " mm");
    REQUIRE(shift.x > 1.0);
    REQUIRE(shift.y > 1.0);
    REQUIRE(shift.y / shift.x == Approx(delta.y / delta.x).epsilon(0.15));
    // The partner across the midline moved too, the other way across.
    const core::Vec2 partnerShift = moved[std::size_t(partner)] - start[std::size_t(partner)];
    REQUIRE(partnerShift.x < -1.0);
    REQUIRE(partnerShift.y > 1.0);
    for (std::size_t i = 0; i < start.size(); ++i)
        if (int(i) != dragged && int(i) != partner) REQUIRE(moved[i] == start[i]);

    // The canvas shows it: a handle (and the curve, and the dots) where there was none.
    REQUIRE_SOON(window, dotsUpToDate(window.log()));
    const core::Image after = settledCapture(window, folder, "after");
    INFO("changed at the new place: " << changedNear(before, after, to, 10));
    REQUIRE(changedNear(before, after, to, 10) > 0.1);
    REQUIRE(changedNear(before, after, from, 10) > 0.1);
    // The sidebar, far from the canvas, is as it was.
    REQUIRE(changedNear(before, after, {120.0, 300.0}, 100) < 0.01);

    // Ctrl+Z: the point goes back; unsaved again (the file has the moved point) until saved.
    REQUIRE_PRESS(window, "ctrl+z", window.hasTitle("\\* client.smp.json - SMP Studio"));
    REQUIRE_PRESS(window, "ctrl+s", savedHairline(project) != moved);
    const std::vector<core::Vec2> undone = savedHairline(project);
    REQUIRE(undone.size() == start.size());
    for (std::size_t i = 0; i < start.size(); ++i) {
        REQUIRE(undone[i].x == Approx(start[i].x).margin(1e-9));
        REQUIRE(undone[i].y == Approx(start[i].y).margin(1e-9));
    }
    REQUIRE(latestHandles(window.log()).at(dragged).x == Approx(from.x).margin(1.5));

    REQUIRE_SOON(window, dotsUpToDate(window.log()));
    const core::Image back = settledCapture(window, folder, "undone");
    INFO("changed at the dragged-to place after undo: " << changedNear(before, back, to, 10));
    REQUIRE(changedNear(before, back, to, 10) < 0.02);  // no handle there any more, the same dots
    REQUIRE(changedNear(after, back, to, 10) > 0.1);

    REQUIRE_PRESS(window, "ctrl+q", window.exited());
}

TEST_CASE("a Ctrl+click on the line inserts a point pair, a right-click deletes it, undo and redo follow", "[gui]") {
    requireXdotool();
    const auto folder = freshFolder("gui_hairline_insert_delete");
    std::filesystem::copy_file(kDemo / "demo.smp.json", folder / "client.smp.json");
    std::filesystem::copy_file(kDemo / "demo_head.jpg", folder / "demo_head.jpg");
    const auto project = folder / "client.smp.json";

    BackgroundWindow window(folder, quoted(project.string()), "SMP_TRACE_CANVAS=1");
    REQUIRE(window.started());
    REQUIRE(window.focus());
    REQUIRE_SOON(window, window.hasTitle("client.smp.json - SMP Studio"));
    REQUIRE_PRESS(window, "ctrl+s", !savedHairline(project).empty());
    const std::vector<core::Vec2> start = savedHairline(project);
    REQUIRE(start.size() >= 5);
    REQUIRE_PRESS(window, "h", !latestHandles(window.log()).empty());
    const std::string id = window.windowId();
    const auto handles = latestHandles(window.log());
    const auto moveTo = [&](core::Vec2 at) {
        return window.xdotool("mousemove --window " + id + " " + std::to_string(std::lround(at.x)) + " " +
                              std::to_string(std::lround(at.y)));
    };

    // Halfway between two neighbouring handles left of the midline, the curve is nearly straight.
    const int span = int(start.size()) / 2 - 1;
    const core::Vec2 between = (handles.at(span) + handles.at(span + 1)) * 0.5;
    REQUIRE(moveTo(between).exitCode == 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    // Ctrl held until the window has seen the click (a double-click works too, but needs two frames
    // within 0.3 s, which a loaded machine may not draw).
    window.xdotool("keydown ctrl");
    REQUIRE(window.xdotool("click 1").exitCode == 0);
    const bool inserted = waitUntil([&] { return latestHandles(window.log()).size() == start.size() + 2; });
    window.xdotool("keyup ctrl");
    REQUIRE(inserted);  // the point and its mirror partner
    REQUIRE_PRESS(window, "ctrl+s", savedHairline(project).size() == start.size() + 2);
    const std::vector<core::Vec2> grown = savedHairline(project);
    const core::Vec2 added = grown[std::size_t(span + 1)];
    INFO("added at " << added.x << ", " << added.y << " mm");
    REQUIRE(added.x > start[std::size_t(span)].x);
    REQUIRE(added.x < start[std::size_t(span + 1)].x);

    // A right-click on the new handle deletes it and its partner: the hairline is the start again.
    REQUIRE(moveTo(latestHandles(window.log()).at(span + 1)).exitCode == 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    REQUIRE(window.xdotool("click 3").exitCode == 0);
    REQUIRE_SOON(window, latestHandles(window.log()).size() == start.size());
    REQUIRE_PRESS(window, "ctrl+s", savedHairline(project).size() == start.size());
    REQUIRE(savedHairline(project) == start);

    // Undo the delete, undo the insert, redo the insert: one step each.
    REQUIRE_PRESS(window, "ctrl+z", latestHandles(window.log()).size() == start.size() + 2);
    REQUIRE_PRESS(window, "ctrl+z", latestHandles(window.log()).size() == start.size());
    REQUIRE_PRESS(window, "ctrl+shift+z", latestHandles(window.log()).size() == start.size() + 2);
    REQUIRE_PRESS(window, "ctrl+s", savedHairline(project).size() == start.size() + 2);
    REQUIRE(savedHairline(project) == grown);
    REQUIRE_PRESS(window, "ctrl+q", window.exited());
}
