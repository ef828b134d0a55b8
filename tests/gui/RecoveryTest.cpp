// Autosave and crash recovery in the real binary: a window killed with SIGKILL leaves a recovery
// file, and the next start offers it back in a modal that the keyboard (xdotool) answers.
#include "core/Project.h"
#include "ui/Autosave.h"
#include "vision/ClientDocument.h"
#include "vision/PhotoLoader.h"

#include "RunProcess.h"
#include "TestFolder.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <fstream>
#include <functional>
#include <sstream>
#include <thread>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

using namespace smp;
using Catch::Matchers::Contains;

namespace {

const std::string kDemoPhoto = SMP_SOURCE_DIR "/assets/demo/demo_head.jpg";
constexpr auto kPatience = std::chrono::seconds(90);  // llvmpipe on a busy 2-core machine is slow to start

std::string readText(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Polls until the condition holds; false when it never did within kPatience.
bool waitUntil(const std::function<bool()>& condition) {
    const auto deadline = std::chrono::steady_clock::now() + kPatience;
    while (std::chrono::steady_clock::now() < deadline) {
        if (condition()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return condition();
}

std::vector<std::filesystem::path> recoveryFiles(const std::filesystem::path& stateHome) {
    std::vector<std::filesystem::path> files;
    std::error_code ignored;
    for (const auto& entry : std::filesystem::directory_iterator(stateHome / "smp-studio" / "recovery", ignored))
        if (entry.path().string().ends_with(ui::kRecoveryExtension)) files.push_back(entry.path());
    return files;
}

// The environment that keeps a run to the test's folder: its own settings and state folders.
std::string privateEnvironment(const std::filesystem::path& folder) {
    return "env XDG_CONFIG_HOME=" + test::quoted((folder / "config").string()) +
           " XDG_STATE_HOME=" + test::quoted((folder / "state").string()) + " SMP_AUTOSAVE_SECONDS=1 ";
}

// A window that runs until it is killed or quits, in its own virtual X server. Its stderr goes
// to studio.log, the display's name and cookie file to display.txt and xauthority.txt, in the folder.
class BackgroundWindow {
public:
    BackgroundWindow(const std::filesystem::path& folder, const std::string& args) : folder_(folder) {
        std::ofstream(folder / "run.sh") << "echo \"$XAUTHORITY\" > xauthority.txt\n"
                                         << "echo \"$DISPLAY\" > display.txt\n"
                                         << test::studio() << " " << args << " 2> studio.log &\n"
                                         << "echo $! > studio.pid\n"
                                         << "wait $!\n";
        const std::string command = "cd " + test::quoted(folder.string()) + " && " + privateEnvironment(folder) +
                                    test::quoted(SMP_XVFB_RUN) +
                                    " -a -s '-screen 0 1280x800x24' sh run.sh > xvfb.log 2>&1";
        const char* argv[] = {"sh", "-c", command.c_str(), nullptr};
        if (::posix_spawn(&launcher_, "/bin/sh", nullptr, nullptr, const_cast<char**>(argv), environ) != 0)
            launcher_ = -1;
    }
    ~BackgroundWindow() {
        if (exited()) return;
        killWindow();
    }
    BackgroundWindow(const BackgroundWindow&) = delete;
    BackgroundWindow& operator=(const BackgroundWindow&) = delete;

    [[nodiscard]] bool started() const { return launcher_ > 0; }
    std::string log() const { return readText(folder_ / "studio.log"); }

    // Waits until the window is mapped and has the keyboard.
    bool focus() {
        if (!waitUntil([&] { return !readText(folder_ / "display.txt").empty(); })) return false;
        const auto focused = xdotool("search --sync --onlyvisible --name 'SMP Studio' windowfocus --sync");
        if (focused.exitCode != 0) UNSCOPED_INFO("xdotool: " << focused.output);
        return focused.exitCode == 0;
    }
    // Holds the keys down until the window has done what they ask, then lets go. ImGui 1.86 sees a
    // press only when the key is still down at the next frame, and a frame on a busy llvmpipe can
    // take seconds: a quick tap may come and go between two frames.
    bool pressUntil(const std::string& keys, const std::function<bool()>& done) {
        xdotool("keydown " + keys);
        const bool happened = waitUntil(done);
        xdotool("keyup " + keys);
        return happened;
    }
    bool hasTitle(const std::string& title) { return xdotool("search --name '^" + title + "$'").exitCode == 0; }

    // SIGKILL to smp-studio itself, as a crash would end it: no clean-up of any kind runs.
    void killWindow() {
        waitUntil([&] { return exited() || !readText(folder_ / "studio.pid").empty(); });
        const std::string pid = readText(folder_ / "studio.pid");
        if (!pid.empty()) ::kill(std::stoi(pid), SIGKILL);
        waitForExit();
    }
    bool waitForExit() {
        return waitUntil([&] { return exited(); });
    }
    bool exited() {
        if (launcher_ <= 0) return true;
        int status = 0;
        if (::waitpid(launcher_, &status, WNOHANG) != launcher_) return false;
        launcher_ = -1;
        return true;
    }

private:
    test::ProcessResult xdotool(const std::string& args) const {
        const auto firstLine = [&](const char* name) {
            const std::string text = readText(folder_ / name);
            return test::quoted(text.substr(0, text.find('\n')));
        };
        // xvfb-run's server wants its cookie: the display alone is refused.
        return test::runCommand("env DISPLAY=" + firstLine("display.txt") + " XAUTHORITY=" +
                                firstLine("xauthority.txt") + " " + test::quoted(SMP_XDOTOOL) + " " + args);
    }

    std::filesystem::path folder_;
    pid_t launcher_ = -1;
};

// Draws 20 frames and returns what the run printed; the screenshot goes to shot.
test::ProcessResult runScreenshot(const std::filesystem::path& folder, const std::filesystem::path& shot) {
    return test::runCommand(privateEnvironment(folder) + test::quoted(SMP_XVFB_RUN) +
                            " -a -s '-screen 0 1280x800x24' " + test::studio() + " --screenshot " +
                            test::quoted(shot.string()) + " --frames 20");
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

// Waits for the condition; on failure says which and shows what the window printed.
#define REQUIRE_SOON(window, condition)                                                                                \
    do {                                                                                                               \
        if (!waitUntil([&] { return condition; }))                                                                     \
            FAIL("waited " << kPatience.count() << " s for: " #condition "\nstudio.log:\n" << (window).log());         \
    } while (false)

// Holds the keys down until the condition holds; on failure says which and shows the log.
#define REQUIRE_PRESS(window, keys, condition)                                                                         \
    do {                                                                                                               \
        if (!(window).pressUntil(keys, [&] { return condition; }))                                                     \
            FAIL("held " keys " for " << kPatience.count() << " s, waiting for: " #condition "\nstudio.log:\n"         \
                                      << (window).log());                                                              \
    } while (false)

void requireXdotool() {
    if (std::string(SMP_XDOTOOL).find("NOTFOUND") != std::string::npos)
        FAIL("xdotool is missing: third_party/install-deps.sh installs it");
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
    const auto folder = test::freshFolder("gui_recovery_offered");
    std::filesystem::copy_file(kDemoPhoto, folder / "front.jpg");
    {
        BackgroundWindow window(folder, test::quoted((folder / "front.jpg").string()));  // a bare photo: unsaved
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

    const auto clean = test::freshFolder("gui_recovery_none");
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
    const auto folder = test::freshFolder("gui_recovery_recover");
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
    const auto folder = test::freshFolder("gui_recovery_discard");
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
