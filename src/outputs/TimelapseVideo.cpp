#include "outputs/TimelapseVideo.h"

#include "outputs/CalendarText.h"
#include "outputs/Captions.h"
#include "outputs/FrameSequence.h"
#include "outputs/ImageMat.h"
#include "outputs/OutputPath.h"
#include "outputs/VideoFile.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace smp::outputs {
namespace {

int scaled(double value) { return int(std::lround(value)); }

std::string momentDetail(const preview::TimelinePoint& when, int sessionCount, const LabelFacts& facts) {
    if (when.sessionsDone <= 0) return shortDate(facts.consultation);
    std::string detail = "of " + std::to_string(sessionCount) + " \xC2\xB7 ";
    if (!when.day) detail += "settled";
    else if (*when.day < 0.5) detail += "session day";
    else detail += "day " + std::to_string(scaled(*when.day));
    if (const auto date = facts.dateOf(when, sessionCount)) detail += " \xC2\xB7 " + shortDate(*date);
    return detail;
}

// The course of treatment along the bottom: a track, a tick at each session, filled up to now.
void drawCourseTrack(cv::Mat& frame, const preview::TimelinePoint& when, int sessionCount, const LabelFacts& facts,
                     int size) {
    const int bandHeight = scaled(size * 2.2);
    const cv::Rect band(0, frame.rows - bandHeight, frame.cols, bandHeight);
    shadeRect(frame, band, palette::kInk, kBandOpacity);
    const LabelFont& font = LabelFont::get(FontWeight::Regular);
    const int labelSize = std::max(10, scaled(size * 0.7));
    const int margin = scaled(size * 1.2);
    const std::string endLabel = "settled";
    const int endWidth = font.measure(endLabel, labelSize).width;
    const int left = margin;
    const int right = frame.cols - margin - endWidth - scaled(size * 0.6);
    const int y = band.y + scaled(bandHeight * 0.58);
    const int thickness = std::max(2, scaled(size * 0.14));
    const auto xAt = [&](double share) { return left + scaled(share * (right - left)); };

    cv::line(frame, {left, y}, {right, y}, palette::kMuted * 0.55, thickness, cv::LINE_AA);
    const double share = courseShare(when, sessionCount, facts.daysBetweenSessions, facts.settledDay);
    if (share > 0.0) cv::line(frame, {left, y}, {xAt(share), y}, palette::kAccent, thickness, cv::LINE_AA);
    for (int session = 1; session <= sessionCount; ++session) {
        const double at = courseShare({session, 0.0}, sessionCount, facts.daysBetweenSessions, facts.settledDay);
        const bool reached = when.sessionsDone >= session;
        const int x = xAt(at);
        cv::circle(frame, {x, y}, std::max(3, scaled(size * 0.28)), reached ? palette::kAccent : palette::kMuted,
                   cv::FILLED, cv::LINE_AA);
        font.draw(frame, std::to_string(session), {x - labelSize / 4, y - scaled(size * 0.5)}, labelSize,
                  palette::kPaper);
    }
    if (when.sessionsDone > 0)
        cv::circle(frame, {xAt(share), y}, std::max(4, scaled(size * 0.36)), palette::kPaper, cv::FILLED, cv::LINE_AA);
    font.draw(frame, endLabel, {right + scaled(size * 0.6), y + labelSize / 3}, labelSize, palette::kMuted);
}

core::Image labelledMoment(PreviewRenderer& renderer, const core::ExportFrame& frame, core::SizePx size,
                           const preview::TimelinePoint& when, const LabelFacts& facts) {
    const int sessions = renderer.sessionCount();
    core::Image picture = renderer.render(when, frame, {when.sessionsDone > 0 ? core::CompareMode::After
                                                                             : core::CompareMode::Before});
    if (picture.height != size.height) {  // an odd height loses its last row: H.264 wants even sides
        picture.height = size.height;
        picture.pixels.resize(core::Image::byteCount(picture.width, picture.height, 3));
    }
    cv::Mat mat = matOf(picture);
    const int labelSize = labelSizeFor(mat.size());
    const std::string title = when.sessionsDone > 0 ? "SESSION " + std::to_string(std::min(when.sessionsDone, sessions))
                                                    : "BEFORE";
    drawTag(mat, {0, 0, mat.cols, mat.rows}, Corner::TopLeft, title, momentDetail(when, sessions, facts), labelSize);
    if (!facts.clientName.empty())
        drawTag(mat, {0, 0, mat.cols, mat.rows}, Corner::TopRight, facts.clientName, "", labelSize);
    drawCourseTrack(mat, when, sessions, facts, labelSize);
    return picture;
}

core::Image blend(const core::Image& from, const core::Image& to, double share) {
    core::Image mixed(to.width, to.height, 3);
    cv::Mat out = matOf(mixed);
    cv::addWeighted(matOf(from), 1.0 - share, matOf(to), share, 0.0, out);
    return mixed;
}

// Encodes the moments with the schedule's holds and fades; true when the file reads back whole.
// A stop request is honoured between moments.
bool encodeVideo(VideoFile& video, const std::vector<core::Image>& moments, const TimelapseSchedule& schedule,
                 const ExportSteps& steps) {
    for (std::size_t i = 0; i < moments.size(); ++i) {
        steps.throwIfStopped();
        if (i > 0)
            for (int f = 1; f <= schedule.fadeFrames; ++f)
                video.write(blend(moments[i - 1], moments[i], double(f) / (schedule.fadeFrames + 1)));
        for (int f = 0; f < schedule.steps[i].holdFrames; ++f) video.write(moments[i]);
    }
    video.close();
    return video.framesWritten() == schedule.frameCount();
}

}  // namespace

core::SizePx timelapseFrameSize(const PreviewRenderer& renderer, const ExportSettings& settings) {
    int width = settings.widthPx.value_or(std::min(renderer.framed().width, kDefaultVideoWidthPx));
    width -= width % 2;
    int height = renderer.frameAtWidth(width).size.height;
    height -= height % 2;
    if (width < 2 || height < 2) throw core::UsageError("--width " + std::to_string(width) + " is too small for a video");
    return {width, height};
}

int timelapseSteps(const TimelapseSchedule& schedule) { return int(schedule.steps.size()) + 1; }

TimelapseOutcome writeTimelapse(PreviewRenderer& renderer, const ExportSettings& settings, const LabelFacts& facts,
                                const TimelapseSchedule& schedule, ExportSteps& steps) {
    const core::SizePx size = timelapseFrameSize(renderer, settings);
    const core::ExportFrame frame = renderer.frameAtWidth(size.width);
    std::vector<core::Image> moments;
    moments.reserve(schedule.steps.size());
    for (const TimelapseStep& step : schedule.steps) {
        steps.begin("Rendering " + timelineText(step.when, renderer.sessionCount()));
        moments.push_back(labelledMoment(renderer, frame, size, step.when, facts));
        steps.finish();
    }

    TimelapseOutcome outcome;
    outcome.frameSize = size;
    std::string tried;
    if (!settings.pngSequence) {
        steps.begin("Encoding the video");
        for (const std::string& codec : videoCodecsToTry()) {
            StagedOutput staged(settings.output, ".mp4");  // FFmpeg picks the container by the extension
            std::string attempt;
            std::unique_ptr<VideoFile> video = VideoFile::open(staged.path(), size, settings.framesPerSecond, {codec}, attempt);
            tried += (tried.empty() ? "" : ", ") + codec;
            if (!video) continue;
            if (!encodeVideo(*video, moments, schedule, steps)) continue;
            steps.throwIfStopped();
            const int decoded = decodableFrames(staged.path());
            if (decoded != schedule.frameCount()) {
                outcome.notes.push_back("the " + codec + " encoder wrote a video that decodes to " +
                                        std::to_string(decoded) + " of " + std::to_string(schedule.frameCount()) +
                                        " frames; not kept");
                continue;
            }
            staged.commit();
            outcome.written = settings.output;
            outcome.frames = decoded;
            outcome.codec = codec;
            steps.finish();
            return outcome;
        }
    } else {
        steps.begin("Writing the frames");
    }

    const std::filesystem::path folder = frameFolderFor(settings.output);
    writeFrameSequence(moments, folder);
    steps.finish();
    outcome.written = folder;
    outcome.frames = int(moments.size());
    outcome.frameFolder = true;
    const std::string what = std::to_string(moments.size()) + " PNG frames, one per moment (show each about " +
                             "half a second), to " + folder.string();
    outcome.notes.push_back(settings.pngSequence
                                ? "wrote " + what + " as asked"
                                : "no MP4 encoder available (tried " + (tried.empty() ? std::string("none") : tried) +
                                      "): wrote " + what + " instead of " + settings.output.string());
    return outcome;
}

}  // namespace smp::outputs
