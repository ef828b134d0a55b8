#pragma once
// The time-lapse: the density building up over the sessions and the healing days, each moment
// labelled, a track along the bottom showing where on the course of treatment it is, moments
// cross-fading into each other. An MP4 when an encoder works, else PNG frames, and it says so.

#include "core/Geometry.h"
#include "outputs/ExportControl.h"
#include "outputs/ExportSettings.h"
#include "outputs/LabelFacts.h"
#include "outputs/PreviewRenderer.h"
#include "outputs/TimelapseSteps.h"

#include <filesystem>
#include <string>
#include <vector>

namespace smp::outputs {

inline constexpr int kDefaultVideoWidthPx = 1280;

struct TimelapseOutcome {
    std::filesystem::path written;  // the .mp4, or the frames folder
    core::SizePx frameSize;
    int frames = 0;                 // video frames, or PNG files
    std::string codec;              // empty for PNG frames
    bool frameFolder = false;
    std::vector<std::string> notes;
};

// The video's frame size: settings.widthPx or the framed photo's width up to
// kDefaultVideoWidthPx, both sides even (H.264 wants them so).
[[nodiscard]] core::SizePx timelapseFrameSize(const PreviewRenderer& renderer, const ExportSettings& settings);

// Steps: one per moment of the schedule, and the encoding.
[[nodiscard]] int timelapseSteps(const TimelapseSchedule& schedule);

[[nodiscard]] TimelapseOutcome writeTimelapse(PreviewRenderer& renderer, const ExportSettings& settings,
                                              const LabelFacts& facts, const TimelapseSchedule& schedule,
                                              ExportSteps& steps);

}  // namespace smp::outputs
