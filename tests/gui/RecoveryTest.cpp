// Autosave and crash recovery in the real binary: a window killed with SIGKILL leaves a recovery
// file, and the next start offers it back in a modal that the keyboard (xdotool) answers.
#include "core/Project.h"
#include "ui/Autosave.h"
#include "vision/ClientDocument.h"
#include "vision/PhotoLoader.h"

#include "BackgroundWindow.h"
#include "RunProcess.h"
#include "TestFolder.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace smp;
using namespace smp::test;
using Catch::Matchers::Contains;

namespace {

const std::string kDemoPhoto = SMP_SOURCE_DIR "/assets/demo/demo_head.jpg";

std::vector<std::filesystem::path> recoveryFiles(const std::filesystem::path& stateHome) {
    std::vector<std::filesystem::path> files;
    std::error_code ignored;
    for (const auto& entry : std::filesystem::directory_iterator(stateHome / "smp-studio" / "recovery", ignored))
        if (entry.path().string().ends_with(ui::kRecoveryExtension)) files.push_back(entry.path());
    return files;
}

// Draws 20 frames and returns what the run printed; the screenshot goes to shot.
ProcessResult runScreenshot(const std::filesystem::path& folder, const std::filesystem::path& shot) {
    return runCommand(privateEnvironment(folder) + quoted(SMP_XVFB_RUN) + " -a -s '-screen 0 1280x800x24' " +
                      studio() + " --screenshot " + quoted(shot.string()) + " --frames 20");
}

// Share of pixels whose channels differ by more than 8 levels.
double changedShare(const core::Image& a, const core::Image& b) {
    REQUIRE(a.width == b.width);
    REQUIRE(a.height == b.height);
    std::size_t changed = 0;
    for (int y = 0; y < a.height; ++y)
        for (int x = 0; x < a.width; ++x)
            for (int c = 0; c < std::min(a.channels, 3); ++c)
                if (std::abs(a.at(x, y)[c] - b.at(x, y)[c]) > 8) {
                    ++changed;
                    break;
                }
    return double(changed) / (double(a.width) * a.height);
}

// A recovery file as a crash would leave it for a project saved once as client.smp.json.
std::filesystem::path writeProjectRecovery(const std::filesystem::path& folder, std::uint64_t seed) {
    vision::ClientDocument client = vision::openClientDocument(folder / "front.jpg");
    client.projectFile = folder / "client.smp.json";
    client.project.seed = seed;
    const auto recovery = folder / "state" / "smp-studio" / "recovery";
    std::filesystem::create_directories(recovery);
    const auto file = recovery / (ui::recoveryKey(client.projectFile, client.project.photoPath) +
                                  std::string(ui::kRecoveryExtension));
    std::ofstream(file) << ui::serializeRecovery(client);
    return file;
}

}  // namespace

TEST_CASE("a window killed with unsaved work leaves a recovery file that the next start offers", "[gui]") {
    const auto folder = freshFolder("gui_recovery_offered");
    std::filesystem::copy_file(kDemoPhoto, folder / "front.jpg");
    {
        BackgroundWindow window(folder, quoted((folder / "front.jpg").string()));  // a bare photo: unsaved
        REQUIRE(window.started());
        REQUIRE_SOON(window, !recoveryFiles(folder / "state").empty());
        window.killWindow();
    }
    const auto files = recoveryFiles(folder / "state");
    REQUIRE(files.size() == 1);
    const ui::Recovery recovery = ui::readRecovery(files[0]);
    INFO(recovery.error);
    REQUIRE(recovery.readable());
    REQUIRE(recovery.projectFile.empty());
    REQUIRE(recovery.photoPath == folder / "front.jpg");
    REQUIRE(recovery.project == vision::openClientDocument(folder / "front.jpg").project);

    // The next start (on the demo) says so and shows the prompt over a dimmed window.
    const auto offered = runScreenshot(folder, folder / "offered.png");
    INFO(offered.output);
    REQUIRE(offered.exitCode == 0);
    REQUIRE_THAT(offered.output, Contains("recovery: 1 unsaved project found"));
    REQUIRE(recoveryFiles(folder / "state") == files);  // offered, not consumed

    const auto clean = freshFolder("gui_recovery_none");
    const auto none = runScreenshot(clean, clean / "plain.png");
    INFO(none.output);
    REQUIRE(none.exitCode == 0);
    REQUIRE_THAT(none.output, !Contains("recovery:"));

    const double changed =
        changedShare(vision::loadPhoto(folder / "offered.png"), vision::loadPhoto(clean / "plain.png"));
    INFO("share of pixels changed by the prompt: " << changed);
    REQUIRE(changed > 0.5);  // the modal dims everything around it
}

TEST_CASE("Enter in the recovery prompt recovers the project, and Ctrl+S saves it and removes the file", "[gui]") {
    requireXdotool();
    const auto folder = freshFolder("gui_recovery_recover");
    std::filesystem::copy_file(kDemoPhoto, folder / "front.jpg");
    const auto file = writeProjectRecovery(folder, 4321);

    BackgroundWindow window(folder, "");  // on the demo
    REQUIRE(window.started());
    REQUIRE(window.focus());
    REQUIRE_SOON(window, window.log().find("recovery: 1 unsaved project found") != std::string::npos);
    REQUIRE_SOON(window, window.hasTitle("demo.smp.json - SMP Studio"));

    REQUIRE_PRESS(window, "Return", window.hasTitle("\\* client.smp.json - SMP Studio"));
    REQUIRE(std::filesystem::exists(file));  // still protecting the work until it is saved

    REQUIRE_PRESS(window, "ctrl+s", std::filesystem::exists(folder / "client.smp.json"));
    REQUIRE_SOON(window, !std::filesystem::exists(file));
    REQUIRE_SOON(window, window.hasTitle("client.smp.json - SMP Studio"));
    REQUIRE(core::loadProject(folder / "client.smp.json").seed == 4321);

    REQUIRE_PRESS(window, "ctrl+q", window.exited());
    REQUIRE(recoveryFiles(folder / "state").empty());
}

TEST_CASE("Delete in the recovery prompt discards every file, a corrupt one too, and keeps the demo open", "[gui]") {
    requireXdotool();
    const auto folder = freshFolder("gui_recovery_discard");
    std::filesystem::copy_file(kDemoPhoto, folder / "front.jpg");
    writeProjectRecovery(folder, 99);
    std::ofstream(folder / "state" / "smp-studio" / "recovery" / "untitled-00000000000000ff.smp-recovery.json")
        << "{ truncated";

    BackgroundWindow window(folder, "");
    REQUIRE(window.started());
    REQUIRE(window.focus());
    REQUIRE_SOON(window, window.log().find("recovery: 2 unsaved projects found") != std::string::npos);
    REQUIRE_SOON(window, window.hasTitle("demo.smp.json - SMP Studio"));

    REQUIRE_PRESS(window, "Delete", recoveryFiles(folder / "state").empty());
    REQUIRE(window.hasTitle("demo.smp.json - SMP Studio"));
    REQUIRE_FALSE(std::filesystem::exists(folder / "client.smp.json"));

    REQUIRE_PRESS(window, "ctrl+q", window.exited());
}
