#pragma once
// The five things an artist exports from a consultation, by the names the command line uses.

#include <optional>
#include <string_view>

namespace smp::outputs {

enum class ExportKind {
    BeforeAfter,  // the photo and the preview side by side
    Split,        // one picture, before left of a divider and after right of it
    Sessions,     // a sheet: the photo, then the preview after each session
    Timelapse,    // a video of the dots building up over the sessions and the healing days
    PlanSheet,    // a printable page: the treatment plan with the before and after
};

// "before-after", "split", "sessions", "timelapse", "plan-sheet".
[[nodiscard]] std::string_view exportKindName(ExportKind kind);
[[nodiscard]] std::optional<ExportKind> parseExportKind(std::string_view name);
// "before-after, split, sessions, timelapse or plan-sheet", for error messages.
[[nodiscard]] std::string_view exportKindChoices();

// Whether the kind is a still picture (PNG or JPEG) rather than a video.
[[nodiscard]] constexpr bool isStillImage(ExportKind kind) { return kind != ExportKind::Timelapse; }

}  // namespace smp::outputs
