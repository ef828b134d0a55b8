#include "outputs/ExportSettings.h"

#include "core/Errors.h"
#include "core/plan/TreatmentPlan.h"
#include "vision/FileExtension.h"
#include "vision/ImageWriter.h"

#include <string>

namespace smp::outputs {
namespace {

void checkRange(const char* setting, int value, int low, int high) {
    if (value < low || value > high)
        throw core::UsageError(std::string(setting) + " " + std::to_string(value) + " is out of range (" +
                               std::to_string(low) + " to " + std::to_string(high) + ")");
}

}  // namespace

void ExportSettings::validate() const {
    if (output.empty()) throw core::UsageError("export: no output file given");
    if (kind == ExportKind::Timelapse) {
        if (vision::lowercaseExtension(output) != ".mp4")
            throw core::UsageError(output.string() + ": a time-lapse is written as .mp4 (got '" +
                                   output.extension().string() + "'); add --png-sequence for PNG frames");
    } else {
        vision::checkImageOutputPath(output);
    }
    if (widthPx) {
        if (*widthPx <= 0)
            throw core::UsageError("--width " + std::to_string(*widthPx) + " must be a positive number of pixels");
        checkRange("--width", *widthPx, kMinExportWidthPx, kMaxExportSidePx);
    }
    checkRange("--quality", jpegQuality, 1, 100);
    checkRange("--spacing", daysBetweenSessions, plan::kMinDaysBetweenSessions, plan::kMaxDaysBetweenSessions);
    checkRange("--fps", framesPerSecond, 1, 60);
    checkRange("--dpi", dpi, 72, 600);
    checkRange("--session", after.sessionsDone, 0, dots::kMaxSessions);
    if (after.day && (*after.day < 0.0 || *after.day > preview::kMaxTimelineDay))
        throw core::UsageError("--day " + std::to_string(*after.day) + " is out of range (0 to " +
                               std::to_string(preview::kMaxTimelineDay) + ")");
    if (!(divider >= 0.0 && divider <= 1.0))
        throw core::UsageError("--divider " + std::to_string(divider) + " is out of range (0 to 1)");
    if (clientName.size() > 80) throw core::UsageError("--client: a name of at most 80 characters, please");
}

std::filesystem::path frameFolderFor(const std::filesystem::path& video) {
    return video.parent_path() / (video.stem().string() + "-frames");
}

}  // namespace smp::outputs
