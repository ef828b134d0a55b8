#pragma once
// What the artist asks an export for: the kind, the file, and what the pictures show and say.
// The window fills one from its export panel, the command line from its flags.

#include "core/plan/CalendarDate.h"
#include "core/Geometry.h"
#include "core/dots/SessionPlan.h"
#include "core/preview/Healing.h"
#include "outputs/ExportKind.h"

#include <filesystem>
#include <optional>
#include <string>

namespace smp::outputs {

// Exports larger than this on a side are refused: the GPUs we draw on (llvmpipe included)
// render at most 16384 px a side.
inline constexpr int kMaxExportSidePx = 16384;
inline constexpr int kMinExportWidthPx = 64;  // below this no label can be read

struct ExportSettings {
    ExportKind kind = ExportKind::BeforeAfter;
    // .png/.jpg/.jpeg for pictures, .mp4 for the time-lapse.
    std::filesystem::path output;
    // Width of the whole picture or video in pixels. Absent: each photo at full resolution
    // (before-after: twice the photo's width), the session sheet 2400 px, the video at most
    // 1280 px, the plan sheet an A4 page at `dpi`.
    std::optional<int> widthPx;
    int jpegQuality = 92;    // 1-100, for .jpg/.jpeg
    std::string clientName;  // shown on every output when not empty
    // The day of the consultation, printed on the outputs; today when absent.
    std::optional<plan::CalendarDate> date;
    // Session 1's day: when set, labels carry each session's date, and the plan sheet's dates
    // start there (else at `date`).
    std::optional<plan::CalendarDate> start;
    int daysBetweenSessions = 14;  // plan::kMinDaysBetweenSessions .. kMaxDaysBetweenSessions
    // before-after and split: what the after side shows; every session, settled, by default.
    preview::TimelinePoint after{dots::kMaxSessions, std::nullopt};
    // Every picture shows only this part of the photo (photo pixels), e.g. the hairline; the
    // whole photo when absent.
    std::optional<core::RectPx> region;
    // Without a region, the session sheet and the time-lapse frame on the treated scalp (see
    // treatedArea in PreviewRenderer.h), where the dots can be judged; this shows the whole photo.
    bool wholePhoto = false;
    double divider = 0.5;  // split: where the divider stands, share of the width
    bool dayOne = false;   // sessions: each session on day 1 beside the same session settled
    bool scaleBar = true;  // a scale bar in mm on the pictures of the photo
    // timelapse
    int framesPerSecond = 12;   // 1-60
    bool pngSequence = false;   // numbered PNG frames in a folder instead of an MP4
    // plan-sheet: the page is A4 portrait at this resolution unless widthPx says otherwise
    int dpi = 150;  // 72-600

    // Throws core::UsageError naming the setting and the value when one is out of range, or
    // the output's extension does not suit the kind. Touches no file.
    void validate() const;
};

// The mp4 file's frames folder when the time-lapse falls back to PNG frames:
// "clip.mp4" -> "clip-frames".
[[nodiscard]] std::filesystem::path frameFolderFor(const std::filesystem::path& video);

}  // namespace smp::outputs
