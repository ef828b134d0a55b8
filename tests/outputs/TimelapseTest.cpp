// The time-lapse: its schedule by hand, the MP4 read back frame by frame, and the PNG frames
// it falls back to when no encoder works (forced through the environment, so the fallback runs
// the very code a machine without an encoder runs).
#include "outputs/FrameSequence.h"
#include "outputs/TimelapseSteps.h"
#include "outputs/VideoFile.h"
#include "vision/PhotoLoader.h"

#include "ExportFixture.h"
#include "TestFolder.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <stop_token>

using namespace smp;
using outputs::ExportKind;
using Catch::Matchers::Contains;

namespace {

// Sets an environment variable for one test and puts it back after.
class ScopedVariable {
public:
    ScopedVariable(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        ::setenv(name, value, 1);
    }
    ~ScopedVariable() {
        if (old_) ::setenv(name_, old_->c_str(), 1);
        else ::unsetenv(name_);
    }
    ScopedVariable(const ScopedVariable&) = delete;
    ScopedVariable& operator=(const ScopedVariable&) = delete;

private:
    const char* name_;
    std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("the time-lapse schedule: each session's healing days before the next, then settled", "[outputs]") {
    // 3 sessions 14 days apart: days 0 1 2 3 5 7 10 for sessions 1 and 2 (day 14 is the next
    // session), 0 1 2 3 5 7 10 14 21 28 for session 3, then settled; the photo first.
    const outputs::TimelapseSchedule schedule = outputs::timelapseSchedule(3, 14, 12);
    REQUIRE(schedule.steps.size() == 1 + 7 + 7 + 10 + 1);
    REQUIRE(schedule.steps.front().when.sessionsDone == 0);
    REQUIRE(schedule.steps.front().holdFrames == 18);  // 1.5 s
    REQUIRE(schedule.steps[1].when == preview::TimelinePoint{1, 0.0});
    REQUIRE(schedule.steps[7].when == preview::TimelinePoint{1, 10.0});
    REQUIRE(schedule.steps[8].when == preview::TimelinePoint{2, 0.0});
    REQUIRE(schedule.steps.back().when == preview::TimelinePoint{3, std::nullopt});
    REQUIRE(schedule.steps.back().holdFrames == 30);  // 2.5 s
    REQUIRE(schedule.fadeFrames == 3);
    REQUIRE(schedule.frameCount() == 18 + 24 * 6 + 30 + 25 * 3);

    // A week apart, sessions 1 and 2 show days 0, 1, 2, 3 and 5 only.
    REQUIRE(outputs::timelapseSchedule(3, 7, 12).steps.size() == 1 + 5 + 5 + 10 + 1);
    // At 2 frames a second a fade rounds to one frame: 0.25 s * 2 = 0.5.
    REQUIRE(outputs::timelapseSchedule(1, 14, 2).fadeFrames == 1);
    REQUIRE_THROWS_AS(outputs::timelapseSchedule(0, 14, 12), core::UsageError);
    REQUIRE_THROWS_AS(outputs::timelapseSchedule(3, 14, 0), core::UsageError);
}

TEST_CASE("the course track runs from session 1 to settled", "[outputs]") {
    REQUIRE(outputs::courseShare({0, std::nullopt}, 3, 14, 35.0) == 0.0);
    REQUIRE(outputs::courseShare({1, 0.0}, 3, 14, 35.0) == 0.0);
    REQUIRE(outputs::courseShare({2, 0.0}, 3, 14, 35.0) == Approx(14.0 / 63.0));
    REQUIRE(outputs::courseShare({3, std::nullopt}, 3, 14, 35.0) == 1.0);
    double last = -1.0;
    for (const auto& step : outputs::timelapseSchedule(3, 14, 12).steps) {
        const double share = outputs::courseShare(step.when, 3, 14, 35.0);
        REQUIRE(share >= last);
        last = share;
    }
}

TEST_CASE("frame files are numbered in order with enough digits", "[outputs]") {
    REQUIRE(outputs::frameFileName(0, 26) == "frame-001.png");
    REQUIRE(outputs::frameFileName(25, 26) == "frame-026.png");
    REQUIRE(outputs::frameFileName(1233, 5000) == "frame-1234.png");
}

TEST_CASE("the time-lapse is an MP4 with the schedule's frames, and it decodes", "[outputs][render][video]") {
    const auto folder = test::freshFolder("outputs_timelapse_mp4");
    const ScopedVariable codecs(outputs::kVideoCodecsVariable, "avc1,mp4v");
    auto settings = test::settingsFor(ExportKind::Timelapse, folder / "lapse.mp4");
    settings.wholePhoto = true;
    settings.widthPx = 241;  // odd: the video takes 240, H.264 wants even sides
    settings.framesPerSecond = 4;
    const outputs::ExportResult result = outputs::exportConsultation(test::demoSource(), settings);

    const int expected = outputs::timelapseSchedule(3, 14, 4).frameCount();
    REQUIRE(expected == 6 + 24 * 2 + 10 + 25 * 1);  // by the documented rule, at 4 frames a second
    REQUIRE_FALSE(result.wroteFrameFolder);
    REQUIRE(result.written == settings.output);
    REQUIRE(result.videoCodec == "avc1");
    REQUIRE(result.frames == expected);
    REQUIRE(result.size == core::SizePx{240, 300});
    core::SizePx decodedSize;
    REQUIRE(outputs::decodableFrames(settings.output, &decodedSize) == expected);
    REQUIRE(decodedSize == core::SizePx{240, 300});
    REQUIRE(test::folderEntries(folder) == std::vector<std::string>{"lapse.mp4"});  // no temporary file left
}

TEST_CASE("the second codec takes over when the first is not available", "[outputs][render][video]") {
    const auto folder = test::freshFolder("outputs_timelapse_mp4v");
    const ScopedVariable codecs(outputs::kVideoCodecsVariable, "zzzz,mp4v");
    auto settings = test::settingsFor(ExportKind::Timelapse, folder / "lapse.mp4");
    settings.widthPx = 160;
    settings.framesPerSecond = 2;
    const outputs::ExportResult result = outputs::exportConsultation(test::demoSource(), settings);
    REQUIRE(result.videoCodec == "mp4v");
    REQUIRE(outputs::decodableFrames(settings.output) == outputs::timelapseSchedule(3, 14, 2).frameCount());
}

TEST_CASE("with no encoder the time-lapse falls back to PNG frames and says so", "[outputs][render][video]") {
    const auto folder = test::freshFolder("outputs_timelapse_fallback");
    const ScopedVariable codecs(outputs::kVideoCodecsVariable, "");  // as on a system with no encoder
    auto settings = test::settingsFor(ExportKind::Timelapse, folder / "lapse.mp4");
    settings.widthPx = 160;
    settings.wholePhoto = true;
    const outputs::ExportResult result = outputs::exportConsultation(test::demoSource(), settings);

    const std::size_t moments = outputs::timelapseSchedule(3, 14, 12).steps.size();
    REQUIRE(result.wroteFrameFolder);
    REQUIRE(result.written == folder / "lapse-frames");
    REQUIRE(result.frames == int(moments));
    REQUIRE(result.videoCodec.empty());
    REQUIRE(result.notes.size() == 1);
    REQUIRE_THAT(result.notes[0], Contains("no MP4 encoder available") && Contains("lapse-frames"));
    REQUIRE_FALSE(std::filesystem::exists(settings.output));
    REQUIRE(test::folderEntries(folder) == std::vector<std::string>{"lapse-frames"});
    const auto frames = test::folderEntries(folder / "lapse-frames");
    REQUIRE(frames.size() == moments);
    REQUIRE(frames.front() == "frame-001.png");
    const core::Image first = vision::loadPhoto(folder / "lapse-frames" / frames.front());
    REQUIRE(first.width == 160);
    REQUIRE(first.height == 200);
}

TEST_CASE("PNG frames on request are written even where an encoder works, and replace old frames", "[outputs][render][video]") {
    const auto folder = test::freshFolder("outputs_timelapse_png_sequence");
    std::filesystem::create_directories(folder / "lapse-frames");
    std::ofstream(folder / "lapse-frames" / "frame-999.png") << "an old frame";
    auto settings = test::settingsFor(ExportKind::Timelapse, folder / "lapse.mp4");
    settings.widthPx = 128;
    settings.pngSequence = true;
    const outputs::ExportResult result = outputs::exportConsultation(test::demoSource(), settings);
    REQUIRE(result.wroteFrameFolder);
    REQUIRE_THAT(result.notes.at(0), Contains("as asked"));
    const auto frames = test::folderEntries(folder / "lapse-frames");
    REQUIRE(frames.size() == outputs::timelapseSchedule(3, 14, 12).steps.size());
    REQUIRE(std::find(frames.begin(), frames.end(), "frame-999.png") == frames.end());
    REQUIRE(test::folderEntries(folder) == std::vector<std::string>{"lapse-frames"});
}

TEST_CASE("a cancelled time-lapse leaves nothing behind", "[outputs][render][video]") {
    const auto folder = test::freshFolder("outputs_timelapse_cancel");
    auto settings = test::settingsFor(ExportKind::Timelapse, folder / "lapse.mp4");
    settings.widthPx = 128;
    std::stop_source stop;
    int reports = 0;
    const outputs::ExportControl control{[&](const outputs::ExportProgress& progress) {
                                             if (++reports == 5) stop.request_stop();
                                             REQUIRE(progress.total == int(outputs::timelapseSchedule(3, 14, 12).steps.size()) + 1);
                                         },
                                         stop.get_token()};
    REQUIRE_THROWS_AS(outputs::exportConsultation(test::demoSource(), settings, control), outputs::ExportCancelled);
    // The step under way when the stop came finishes (its report is the 6th); the next never starts.
    REQUIRE(reports == 6);
    REQUIRE(test::folderEntries(folder).empty());
}
