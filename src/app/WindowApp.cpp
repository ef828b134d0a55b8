#include "app/WindowApp.h"

#include "app/UserFolders.h"
#include "app/WindowSettings.h"
#include "core/Errors.h"
#include "render/RenderError.h"
#include "render/WindowFramebuffer.h"
#include "ui/CanvasPanel.h"
#include "ui/DocumentActions.h"
#include "ui/RecoveryPrompt.h"
#include "ui/Theme.h"
#include "ui/UnsavedPrompt.h"
#include "ui/Workspace.h"
#include "vision/ImageWriter.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

namespace smp::app {
namespace {

struct GlfwSession {
    GlfwSession() {
        glfwSetErrorCallback([](int code, const char* text) { std::cerr << "GLFW error " << code << ": " << text << "\n"; });
        if (!glfwInit()) throw render::RenderError("cannot open a window: no display (set DISPLAY, or use xvfb-run)");
    }
    ~GlfwSession() { glfwTerminate(); }
    GlfwSession(const GlfwSession&) = delete;
    GlfwSession& operator=(const GlfwSession&) = delete;
};

struct WindowDeleter {
    void operator()(GLFWwindow* window) const { glfwDestroyWindow(window); }
};
using WindowPtr = std::unique_ptr<GLFWwindow, WindowDeleter>;

WindowPtr createWindow(const WindowSettings& settings) {
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    GLFWwindow* window = glfwCreateWindow(settings.widthPx, settings.heightPx, "SMP Studio", nullptr, nullptr);
    if (!window) throw render::RenderError("cannot create an OpenGL 3.3 core window");
    glfwMakeContextCurrent(window);
    return WindowPtr(window);
}

// ImGui's context and its two backends, torn down in reverse order.
class ImGuiSession {
public:
    ImGuiSession(GLFWwindow* window, const std::filesystem::path& iniFile) : iniFile_(iniFile.string()) {
        IMGUI_CHECKVERSION();
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = iniFile_.empty() ? nullptr : iniFile_.c_str();
        float scaleX = 1.0f, scaleY = 1.0f;
        glfwGetWindowContentScale(window, &scaleX, &scaleY);
        ui::applyTheme(scaleX);
        ImGui_ImplGlfw_InitForOpenGL(window, true);
        ImGui_ImplOpenGL3_Init("#version 330 core");
    }
    ~ImGuiSession() {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
    ImGuiSession(const ImGuiSession&) = delete;
    ImGuiSession& operator=(const ImGuiSession&) = delete;

private:
    std::string iniFile_;  // ImGui keeps the pointer
};

void onDrop(GLFWwindow* window, int count, const char** paths) {
    auto* state = static_cast<ui::AppState*>(glfwGetWindowUserPointer(window));
    for (int i = 0; i < count; ++i) state->droppedPaths.emplace_back(paths[i]);
}

std::filesystem::path startingFile(const WindowRequest& request) {
    if (request.input) return *request.input;
    return assetsFolder() / "demo" / "demo.smp.json";
}

// Sleeps until there is input while the window is idle, so an open SMP Studio costs no CPU.
// ImGui settles a change over a frame or two (a menu opens the frame after the click), so a few
// frames are drawn after every wake-up; the timeout lets notices expire on time.
void waitForWork(bool everyFrame, int& settleFrames) {
    constexpr int kFramesAfterWake = 2;
    constexpr double kIdleWakeSeconds = 0.5;
    if (everyFrame || settleFrames > 0) {
        glfwPollEvents();
        if (settleFrames > 0) --settleFrames;
        return;
    }
    glfwWaitEventsTimeout(kIdleWakeSeconds);
    settleFrames = kFramesAfterWake;
}

// Autosave into <state>/recovery/, and the unsaved work a crash left there offered back. The line
// on stderr tells scripts (and the GUI tests) that the prompt is up.
void startAutosave(ui::AppState& state) {
    const std::filesystem::path folder = stateFolder();
    if (folder.empty()) {
        std::cerr << "smp-studio: autosave is off: no state folder (set HOME or XDG_STATE_HOME)\n";
        return;
    }
    state.autosave = ui::Autosaver(folder / "recovery", ui::autosaveIntervalFrom(std::getenv("SMP_AUTOSAVE_SECONDS")));
    if (const std::size_t found = ui::offerRecovery(state); found > 0)
        std::cerr << "smp-studio: recovery: " << found << " unsaved project" << (found == 1 ? "" : "s") << " found in "
                  << state.autosave.folder().string() << "\n";
}

// SMP_TRACE_CANVAS=1 prints the canvas's hairline handles (window pixels), drags and dot
// placements to stderr: what a test needs to move the real mouse onto a handle (tests/gui).
bool traceCanvasRequested() {
    const char* value = std::getenv("SMP_TRACE_CANVAS");
    return value && std::string(value) == "1";
}

void saveScreenshot(GLFWwindow* window, const std::filesystem::path& file) {
    int width = 0, height = 0;
    glfwGetFramebufferSize(window, &width, &height);
    vision::writeImage(render::readWindowPixels({width, height}), file);
}

}  // namespace

int runWindow(const WindowRequest& request) {
    const std::filesystem::path config = configFolder();
    const std::filesystem::path settingsFile = config.empty() ? config : config / "window.json";
    WindowSettings settings = loadWindowSettings(settingsFile);

    GlfwSession glfw;
    WindowPtr window = createWindow(settings);
    glfwSwapInterval(request.frames > 0 ? 0 : 1);
    ImGuiSession imgui(window.get(), config.empty() ? config : config / "imgui.ini");

    ui::AppState state;
    state.traceCanvas = traceCanvasRequested();
    glfwSetWindowUserPointer(window.get(), &state);
    glfwSetDropCallback(window.get(), onDrop);
    const std::string glRenderer = render::currentRendererName();
    ui::CanvasGpu gpu;
    state.recentFiles = settings.recentFiles;
    ui::openPath(state, startingFile(request));
    if (!request.input) state.recentFiles = settings.recentFiles;  // the bundled demo is nobody's file
    startAutosave(state);
    state.openInBackground = true;  // from here on the window keeps drawing while a file opens

    std::string title;
    int settleFrames = 0;
    for (int frame = 1; !state.quitRequested; ++frame) {
        waitForWork(request.frames > 0 || state.animating(), settleFrames);
        if (glfwWindowShouldClose(window.get())) {
            // The window manager's close button: unsaved changes ask first, as Ctrl+Q does.
            glfwSetWindowShouldClose(window.get(), GLFW_FALSE);
            ui::requestQuit(state);
            if (state.quitRequested) break;
        }
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        ui::drawWorkspace(state, gpu, glRenderer);
        ImGui::Render();
        // The frame only copies the project when an autosave is due; the writing runs on a worker.
        state.autosave.tick(glfwGetTime(), state.document);
        if (auto failure = state.autosave.takeFailure()) state.messages.error("Autosave failed: " + *failure);

        int width = 0, height = 0;
        glfwGetFramebufferSize(window.get(), &width, &height);
        render::clearWindow({width, height});
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

        if (const std::string next = state.document.title(); next != title) {
            title = next;
            glfwSetWindowTitle(window.get(), title.c_str());
        }
        if (request.frames > 0 && frame >= request.frames) {
            if (request.screenshot) saveScreenshot(window.get(), *request.screenshot);
            break;
        }
        glfwSwapBuffers(window.get());
    }

    glfwGetWindowSize(window.get(), &settings.widthPx, &settings.heightPx);
    settings.recentFiles = state.recentFiles;
    if (!settingsFile.empty()) {
        try {
            saveWindowSettings(settings, settingsFile);
        } catch (const core::InputError& error) {
            std::cerr << "smp-studio: window size not remembered: " << error.what() << "\n";
        }
    }
    return 0;
}

}  // namespace smp::app
