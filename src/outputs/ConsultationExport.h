#pragma once
// The one call behind every consultation output, for the window and the command line alike.
//
// The window, on a worker thread so that it stays responsive:
//
//     outputs::ExportSource source{state.project, state.photo};   // copies: the artist may edit on
//     worker = std::jthread([=, &progress](std::stop_token stop) {
//         outputs::ExportControl control{[&](const outputs::ExportProgress& p) { progress.store(p); }, stop};
//         try { result = outputs::exportWithOwnContext(source, settings, control); }
//         catch (const outputs::ExportCancelled&) { ... }   // nothing was written
//         catch (const std::exception& e) { ... show e.what() ... }
//     });
//     ... worker.request_stop() from the Cancel button ...
//
// Errors are the project's typed ones: core::UsageError for a bad request (unknown setting,
// zero width, wrong extension), core::InputError naming the path for a file that cannot be
// written, render::RenderError when no OpenGL context can be had. Whatever goes wrong, or a
// cancel, leaves no file behind and an existing file at the output path as it was.

#include "core/Geometry.h"
#include "core/Image.h"
#include "core/Project.h"
#include "outputs/ExportControl.h"
#include "outputs/ExportSettings.h"

#include <filesystem>
#include <string>
#include <vector>

namespace smp::outputs {

// What is exported: the project as the artist has it now (saved or not) and its photo.
struct ExportSource {
    core::Project project;
    core::Image photo;  // RGB, the project's photo as loaded
};

struct ExportResult {
    ExportKind kind = ExportKind::BeforeAfter;
    std::filesystem::path written;  // the file, or the folder of PNG frames
    core::SizePx size;              // the picture's, or each video frame's
    int frames = 0;                 // timelapse: frames in the video, or PNG files in the folder
    std::string videoCodec;         // timelapse: the fourcc that wrote the MP4 ("avc1", "mp4v")
    bool wroteFrameFolder = false;  // timelapse: PNG frames instead of a video
    std::vector<core::RectPx> labelAreas;  // where labels cover the photo (before-after, split)
    std::vector<std::string> notes;        // what the artist should hear about, e.g. the fallback
};

// Checks the settings and the output folder, without the slow work: what the window calls when
// the artist presses Export, before starting the worker. Throws as exportConsultation does.
void checkExportRequest(const ExportSettings& settings);

// Renders and writes the export. Needs a current OpenGL 3.3 core context on this thread (the
// window's, or HeadlessGl's). Reports progress and honours a stop request between steps.
ExportResult exportConsultation(const ExportSource& source, const ExportSettings& settings,
                                const ExportControl& control = {});

// The same on a headless EGL context made for this thread and released after: for a worker
// thread or the command line, with no display needed.
ExportResult exportWithOwnContext(const ExportSource& source, const ExportSettings& settings,
                                  const ExportControl& control = {});

}  // namespace smp::outputs
