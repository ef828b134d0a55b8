// Quitting with unsaved changes, in the real binary: Ctrl+Q asks (the window stays, dimmed
// behind the prompt), Esc cancels, and D discards, quits and removes the autosave.
#include "vision/ImageWriter.h"

#include "BackgroundWindow.h"
#include "TestFolder.h"

#include <catch2/catch.hpp>

using namespace smp;
using namespace smp::test;

namespace {

bool hasRecoveryFile(const std::filesystem::path& stateHome) {
    std::error_code ignored;
    for (const auto& entry : std::filesystem::directory_iterator(stateHome / "smp-studio" / "recovery", ignored))
        if (entry.is_regular_file()) return true;
    return false;
}

// Share of pixels whose channels differ by more than 8 levels.
double changedShare(const core::Image& a, const core::Image& b) {
    REQUIRE(a.width == b.width);
    REQUIRE(a.height == b.height);
    std::size_t changed = 0;
    for (std::size_t i = 0; i + 2 < a.pixels.size(); i += 3)
        for (std::size_t c = 0; c < 3; ++c)
            if (std::abs(a.pixels[i + c] - b.pixels[i + c]) > 8) {
                ++changed;
                break;
            }
    return double(changed) / (double(a.width) * a.height);
}

}  // namespace

TEST_CASE("Ctrl+Q with unsaved changes asks first: Esc stays, D discards and quits", "[gui]") {
    requireXdotool();
    requireXwd();
    const auto folder = freshFolder("gui_unsaved_quit");
    std::filesystem::copy_file(SMP_SOURCE_DIR "/assets/demo/demo_head.jpg", folder / "front.jpg");
    BackgroundWindow window(folder, quoted((folder / "front.jpg").string()));  // a bare photo: unsaved
    REQUIRE(window.started());
    REQUIRE(window.focus());
    REQUIRE_SOON(window, window.hasTitle("\\* front.jpg - SMP Studio"));
    REQUIRE_SOON(window, hasRecoveryFile(folder / "state"));  // autosaved: the work is at risk
    const core::Image plain = window.capture("plain");

    // The prompt dims the window; the window stays.
    REQUIRE_PRESS(window, "ctrl+q", changedShare(window.capture("asking"), plain) > 0.5);
    vision::writeImage(window.capture("asking"), folder / "asking.png");
    REQUIRE_FALSE(window.exited());

    REQUIRE_PRESS(window, "Escape", changedShare(window.capture("cancelled"), plain) < 0.05);
    REQUIRE_FALSE(window.exited());
    REQUIRE(hasRecoveryFile(folder / "state"));

    REQUIRE_PRESS(window, "ctrl+q", changedShare(window.capture("asking"), plain) > 0.5);
    REQUIRE_PRESS(window, "d", window.exited());
    REQUIRE_FALSE(hasRecoveryFile(folder / "state"));  // discarded on purpose: nothing to offer back
}
