#pragma once
// Parses argv into what to do. Nothing here touches a window or GL, so the command line
// branches off before any window exists.

#include "core/CompareView.h"
#include "core/Geometry.h"
#include "core/design/HairlineStyle.h"
#include "core/plan/CalendarDate.h"
#include "outputs/ExportSettings.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace smp::app {

struct RenderRequest {
    std::filesystem::path input;   // a photo or a .smp.json project
    std::filesystem::path output;  // .png, .jpg or .jpeg
    std::optional<int> widthPx;    // the photo's own width when absent
    // The timeline point: after this many sessions (0 for none), this many days after the last
    // (a settled day is `settled`). Absent: what the project's timeline shows; for a bare photo,
    // every session settled.
    std::optional<int> sessions;
    std::optional<int> day;
    bool settled = false;
    core::CompareView compare;  // after, before, split (at compare.divider) or side-by-side
    std::optional<design::HairlineStyle> style;  // replace the hairline with this style's
    std::optional<double> transitionMm;           // ... and this transition width
    std::optional<core::RectPx> region;           // a close-up of this part of the photo (photo px)
};

struct AnalyzeRequest {
    std::filesystem::path input;                // a photo or a .smp.json project
    bool json = false;
    std::optional<core::RectPx> reference;      // a patch of existing shaved hair, photo px
    std::optional<double> pupilDistanceMm;      // the client's own; 63 mm when absent
};

struct DotsRequest {
    std::filesystem::path input;
    std::optional<int> session;  // 1-based: only the dots this session places; every dot when absent
};

struct PlanRequest {
    std::filesystem::path input;
    bool json = false;
    std::optional<plan::CalendarDate> start;  // today (local) when absent
    std::optional<int> daysBetweenSessions;   // plan::PlanSettings' default when absent
};

struct ExportRequest {
    std::filesystem::path input;        // a photo or a .smp.json project
    outputs::ExportSettings settings;   // kind, output file and what the outputs show
};

struct WindowRequest {
    std::optional<std::filesystem::path> input;  // the bundled demo when absent
    std::optional<std::filesystem::path> screenshot;  // write the window to this file, then quit
    int frames = 0;                                    // frames to draw before the screenshot/quit
};

struct Invocation {
    enum class Mode { Window, Render, Analyze, Dots, Plan, Export, Help, Version } mode = Mode::Window;
    RenderRequest render;
    AnalyzeRequest analyze;
    DotsRequest dots;
    PlanRequest plan;
    ExportRequest exportRequest;  // "export" is a keyword
    WindowRequest window;
};

// Throws core::UsageError with a one-line reason.
Invocation parseCommandLine(const std::vector<std::string>& args);

std::string usageText();

}  // namespace smp::app
