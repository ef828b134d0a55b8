#pragma once
// Parses argv into what to do. Nothing here touches a window or GL, so the command line
// branches off before any window exists.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace smp::app {

struct RenderRequest {
    std::filesystem::path input;   // a photo or a .smp.json project
    std::filesystem::path output;  // .png, .jpg or .jpeg
    std::optional<int> widthPx;    // the photo's own width when absent
};

struct WindowRequest {
    std::optional<std::filesystem::path> input;  // the bundled demo when absent
    std::optional<std::filesystem::path> screenshot;  // write the window to this file, then quit
    int frames = 0;                                    // frames to draw before the screenshot/quit
};

struct Invocation {
    enum class Mode { Window, Render, Help, Version } mode = Mode::Window;
    RenderRequest render;
    WindowRequest window;
};

// Throws core::UsageError with a one-line reason.
Invocation parseCommandLine(const std::vector<std::string>& args);

std::string usageText();

}  // namespace smp::app
