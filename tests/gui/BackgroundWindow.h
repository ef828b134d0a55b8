#pragma once
// The real smp-studio window running in the background in its own virtual X server
// (xvfb-run), driven by real X input through xdotool and captured with xwd: what the [gui]
// tests that type and click use. Its stderr goes to studio.log in the test's folder.

#include "core/Image.h"

#include "RunProcess.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace smp::test {

inline constexpr auto kPatience = std::chrono::seconds(90);  // llvmpipe on a busy 2-core machine is slow

inline std::string readText(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Polls until the condition holds; false when it never did within kPatience.
inline bool waitUntil(const std::function<bool()>& condition) {
    const auto deadline = std::chrono::steady_clock::now() + kPatience;
    while (std::chrono::steady_clock::now() < deadline) {
        if (condition()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return condition();
}

// The environment that keeps a run to the test's folder: its own settings and state folders.
inline std::string privateEnvironment(const std::filesystem::path& folder) {
    return "env XDG_CONFIG_HOME=" + quoted((folder / "config").string()) +
           " XDG_STATE_HOME=" + quoted((folder / "state").string()) + " SMP_AUTOSAVE_SECONDS=1 ";
}

// An XWD file (xwd's output: a 24-bit TrueColor, 32 bits per pixel dump) as an RGB image; empty
// when it is not one.
inline core::Image readXwd(const std::filesystem::path& file) {
    const std::string bytes = readText(file);
    const auto field = [&](std::size_t index) -> std::uint32_t {
        std::uint32_t value = 0;
        for (std::size_t i = 0; i < 4; ++i)
            value = value << 8 | static_cast<unsigned char>(bytes[index * 4 + i]);
        return value;
    };
    if (bytes.size() < 100) return {};
    const std::uint32_t headerSize = field(0), width = field(4), height = field(5), byteOrder = field(7);
    const std::uint32_t bitsPerPixel = field(11), bytesPerLine = field(12), colours = field(19);
    const std::size_t start = headerSize + std::size_t(colours) * 12;
    if (bitsPerPixel != 32 || width == 0 || height == 0 || bytes.size() < start + std::size_t(bytesPerLine) * height)
        return {};
    core::Image image(int(width), int(height), 3);
    for (std::uint32_t y = 0; y < height; ++y)
        for (std::uint32_t x = 0; x < width; ++x) {
            const auto* p = reinterpret_cast<const unsigned char*>(bytes.data() + start + y * bytesPerLine + x * 4);
            // Most significant byte first (byte order 1) or last (0); the masks are 0xff0000, 0xff00, 0xff.
            const std::uint32_t pixel = byteOrder == 1 ? std::uint32_t(p[0]) << 24 | p[1] << 16 | p[2] << 8 | p[3]
                                                       : std::uint32_t(p[3]) << 24 | p[2] << 16 | p[1] << 8 | p[0];
            std::uint8_t* out = image.at(int(x), int(y));
            out[0] = std::uint8_t(pixel >> 16);
            out[1] = std::uint8_t(pixel >> 8);
            out[2] = std::uint8_t(pixel);
        }
    return image;
}

// A window that runs until it is killed or quits, in its own virtual X server. Its stderr goes
// to studio.log, the display's name and cookie file to display.txt and xauthority.txt, in the folder.
class BackgroundWindow {
public:
    // `environment`: extra NAME=value settings for smp-studio (e.g. "SMP_TRACE_CANVAS=1").
    BackgroundWindow(const std::filesystem::path& folder, const std::string& args, const std::string& environment = "")
        : folder_(folder) {
        std::ofstream(folder / "run.sh") << "echo \"$XAUTHORITY\" > xauthority.txt\n"
                                         << "echo \"$DISPLAY\" > display.txt\n"
                                         << "env " << environment << " " << studio() << " " << args
                                         << " 2> studio.log &\n"
                                         << "echo $! > studio.pid\n"
                                         << "wait $!\n";
        const std::string command = "cd " + quoted(folder.string()) + " && " + privateEnvironment(folder) +
                                    quoted(SMP_XVFB_RUN) + " -a -s '-screen 0 1280x800x24' sh run.sh > xvfb.log 2>&1";
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
    // The window's X id, for xdotool's --window and xwd's -id; empty when there is none.
    std::string windowId() const {
        const std::string found = xdotool("search --onlyvisible --name 'SMP Studio'").output;
        return found.substr(0, found.find('\n'));
    }
    // Holds the keys down until the window has done what they ask, then lets go. ImGui 1.86 sees a
    // press only when the key is still down at the next frame, and a frame on a busy llvmpipe can
    // take seconds: a quick tap may come and go between two frames.
    // After letting go it waits a moment: ImGui 1.86 keeps no queue of key events, so a release
    // and the next press of the same key within one frame would read as the key held down.
    bool pressUntil(const std::string& keys, const std::function<bool()>& done) {
        xdotool("keydown " + keys);
        const bool happened = waitUntil(done);
        xdotool("keyup " + keys);
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        return happened;
    }
    bool hasTitle(const std::string& title) { return xdotool("search --name '^" + title + "$'").exitCode == 0; }

    // Real X input, as a person's mouse or keyboard makes it.
    ProcessResult xdotool(const std::string& args) const {
        const auto firstLine = [&](const char* name) {
            const std::string text = readText(folder_ / name);
            return quoted(text.substr(0, text.find('\n')));
        };
        // xvfb-run's server wants its cookie: the display alone is refused.
        return runCommand("env DISPLAY=" + firstLine("display.txt") + " XAUTHORITY=" + firstLine("xauthority.txt") +
                          " " + quoted(SMP_XDOTOOL) + " " + args);
    }
    // The window's pixels as the X server has them (xwd, from Debian's x11-apps); empty on failure.
    core::Image capture(const std::string& name) const {
        const auto file = folder_ / (name + ".xwd");
        const auto firstLine = [&](const char* text) {
            const std::string content = readText(folder_ / text);
            return quoted(content.substr(0, content.find('\n')));
        };
        const auto result =
            runCommand("env DISPLAY=" + firstLine("display.txt") + " XAUTHORITY=" + firstLine("xauthority.txt") + " " +
                       quoted(SMP_XWD) + " -silent -id " + windowId() + " -out " + quoted(file.string()));
        if (result.exitCode != 0) UNSCOPED_INFO("xwd: " << result.output);
        return readXwd(file);
    }

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
    std::filesystem::path folder_;
    pid_t launcher_ = -1;
};

// Waits for the condition; on failure says which and shows what the window printed.
#define REQUIRE_SOON(window, condition)                                                                                \
    do {                                                                                                               \
        if (!::smp::test::waitUntil([&] { return condition; }))                                                        \
            FAIL("waited " << ::smp::test::kPatience.count() << " s for: " #condition "\nstudio.log:\n"                \
                           << (window).log());                                                                         \
    } while (false)

// Holds the keys down until the condition holds; on failure says which and shows the log.
#define REQUIRE_PRESS(window, keys, condition)                                                                         \
    do {                                                                                                               \
        if (!(window).pressUntil(keys, [&] { return condition; }))                                                     \
            FAIL("held " keys " for " << ::smp::test::kPatience.count()                                                \
                                      << " s, waiting for: " #condition "\nstudio.log:\n"                              \
                                      << (window).log());                                                              \
    } while (false)

inline void requireXdotool() {
    if (std::string(SMP_XDOTOOL).find("NOTFOUND") != std::string::npos)
        FAIL("xdotool is missing: third_party/install-deps.sh installs it");
}

inline void requireXwd() {
    if (std::string(SMP_XWD).find("NOTFOUND") != std::string::npos) FAIL("xwd is missing: install Debian's x11-apps");
}

}  // namespace smp::test
