#pragma once
// Everything the window shows and edits, in one struct that the panels (free functions, one per
// file) read and change. No panel keeps state of its own in statics.

#include "core/CompareView.h"
#include "core/Geometry.h"
#include "core/ViewTransform.h"
#include "ui/Autosave.h"
#include "ui/BackgroundTask.h"
#include "ui/ExportJob.h"
#include "ui/FileBrowser.h"
#include "ui/Messages.h"
#include "ui/RecoveryPrompt.h"
#include "ui/RulerTool.h"
#include "ui/UndoStack.h"
#include "ui/ZoneTool.h"
#include "vision/ClientDocument.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace smp::ui {

struct Document {
    vision::ClientDocument client;
    bool unsavedChanges = false;
    std::uint64_t photoRevision = 0;  // bumped whenever the photo changes, so the GPU copy follows
    std::uint64_t designRevision = 0;  // bumped whenever the design changes, so the dots follow

    [[nodiscard]] bool hasPhoto() const { return !client.photo.empty(); }
    [[nodiscard]] std::string title() const;
};

struct CanvasState {
    core::ViewTransform view;
    core::SizePx sizePx;             // the canvas area in framebuffer pixels
    bool fitRequested = true;        // fit the photo at the next frame (new photo, F key)
    bool actualPixelsRequested = false;
    int zoomSteps = 0;               // keyboard zoom in (+) / out (-) about the canvas centre
    bool followsFit = true;          // refit on resize until the artist zooms or pans
    bool panning = false;
    core::CompareView compare;      // the preview, the photo as taken, or both
    bool movingDivider = false;     // the split view's divider is being dragged
    // While the zoom changes the canvas is drawn at half resolution (a quarter of the pixels),
    // and in full once it has been still for a moment: a full 1080p frame costs more than a
    // 60 Hz frame on a software rasteriser.
    double lastZoomChange = -1.0;   // ImGui time of the last zoom change
    bool showingQuickFrame = false;  // the canvas shows a half-resolution frame
    bool dotsPending = false;  // the dots of an edited design are being placed off the UI thread
};

// What the mouse does on the canvas besides zooming and panning.
enum class CanvasTool {
    View,      // look only: the client's preview, nothing drawn over it
    Hairline,  // the hairline's control points as handles to drag, insert and delete (H)
    Zones,     // paint the treatment area and the avoid, scar and blend zones (B)
    Ruler,     // measure between two points in mm (R)
};

// A photo or project being opened off the UI thread (ui/OpeningPrompt.h).
struct OpeningState {
    // Held by pointer: the task stays where its worker thread sees it when the state moves.
    std::unique_ptr<BackgroundTask<vision::ClientDocument>> task =
        std::make_unique<BackgroundTask<vision::ClientDocument>>();
    std::filesystem::path path;
};

// A quit or an open waiting for the artist's answer about unsaved changes (ui/UnsavedPrompt.h).
struct UnsavedChangesPrompt {
    enum class Then { Quit, Open };
    Then then = Then::Quit;
    std::filesystem::path path;  // what to open
    bool savingFirst = false;    // Save was chosen and Save as is asking for a name
};

// The hairline tool's handles: indices into the design's hairline points, -1 for none.
struct HairlineHandles {
    int selected = -1;  // Delete removes it
    int hovered = -1;
    int dragging = -1;
    core::Vec2 grabOffsetPx;  // from the cursor to the handle's centre when the drag began
    std::string lastTrace;    // the handle positions last printed (AppState::traceCanvas)
};

// The timeline's playback: the days of healing after the last session shown, run as a film.
struct TimelinePlayback {
    bool playing = false;
    double day = 0.0;  // fractional while playing; the project keeps whole days
};

struct AppState {
    Document document;
    CanvasState canvas;
    TimelinePlayback playback;
    Messages messages;
    FileBrowser fileBrowser;
    // A project opened without its photo (moved, renamed, on another disk): held until the artist
    // points at the photo, then it becomes the document.
    std::optional<vision::ClientDocument> awaitingPhoto;
    Autosaver autosave;       // off unless the window gives it a recovery folder
    UndoStack undo;           // every edit of the document (ui/DocumentEdits.h)
    CanvasTool tool = CanvasTool::View;
    HairlineHandles hairline;
    ZoneToolState zoneTool;
    RulerState ruler;
    ExportPanelState exportPanel;  // File > Export
    // The export running off the UI thread, if any; held by pointer as OpeningState's task is.
    std::unique_ptr<ExportJob> exportJob = std::make_unique<ExportJob>();
    OpeningState opening;          // the photo or project being opened, if any
    // The window opens files off the UI thread (ui/OpeningPrompt.h); tests and the first file
    // given on the command line open at once.
    bool openInBackground = false;
    // SMP_TRACE_CANVAS=1 (src/app/WindowApp.cpp): the canvas prints to stderr its hairline
    // handles' window positions whenever they change, the drags, and each placement of the dots,
    // so that a test can drive a real mouse onto the handles (tests/gui/HairlineDragTest.cpp).
    bool traceCanvas = false;
    RecoveryPrompt recovery;  // unsaved work found at start, offered back

    float sidebarWidth = 300.0f;  // logical pixels; remembered with the window layout
    bool showAbout = false;
    bool showShortcuts = false;
    bool quitRequested = false;  // quit now; ui/UnsavedPrompt.h's requestQuit asks first when needed
    std::optional<UnsavedChangesPrompt> unsavedPrompt;
    std::vector<std::filesystem::path> recentFiles;  // newest first (ui/RecentFiles.h)
    std::vector<std::filesystem::path> droppedPaths;  // filled by the window, opened next frame

    // Something moves on its own (the healing film, a canvas waiting for its full-resolution
    // frame): the window draws the next frame without waiting for input.
    [[nodiscard]] bool animating() const {
        return playback.playing || canvas.showingQuickFrame || canvas.dotsPending || exportJob->running() ||
               opening.task->running();
    }
};

}  // namespace smp::ui
