#pragma once
// An MP4 written through OpenCV's video writer (FFmpeg underneath on Debian). Debian's OpenCV
// 4.6 writes H.264 ("avc1", through libx264) and MPEG-4 Part 2 ("mp4v"); H.264 is tried first
// because phones and QuickTime play it, mp4v second. A writer that opens is not trusted on its
// word: the file is read back and its frames counted before it counts as written.

#include "core/Geometry.h"
#include "core/Image.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace smp::outputs {

// The environment variable that overrides the codecs tried, a comma-separated list of fourccs
// ("mp4v"); set but empty, no codec is tried and the time-lapse falls back to PNG frames, as on
// a system whose OpenCV has no encoder.
inline constexpr const char* kVideoCodecsVariable = "SMP_STUDIO_VIDEO_CODECS";

// "avc1", "mp4v", or what kVideoCodecsVariable says.
[[nodiscard]] std::vector<std::string> videoCodecsToTry();

class VideoFile {
public:
    // Opens `file` (ending in .mp4) with the first codec that opens at this size and rate; null
    // when none does. `tried` gets what was tried, for the message.
    static std::unique_ptr<VideoFile> open(const std::filesystem::path& file, core::SizePx size, int framesPerSecond,
                                           const std::vector<std::string>& codecs, std::string& tried);
    ~VideoFile();
    VideoFile(const VideoFile&) = delete;
    VideoFile& operator=(const VideoFile&) = delete;

    // An RGB frame of the size given to open(). Throws core::InputError when it is not.
    void write(const core::Image& frame);
    // Finishes the file (the MP4 index is written here).
    void close();
    [[nodiscard]] const std::string& codec() const { return codec_; }
    [[nodiscard]] int framesWritten() const { return frames_; }

private:
    VideoFile();
    struct Writer;
    std::unique_ptr<Writer> writer_;
    std::string codec_;
    core::SizePx size_;
    int frames_ = 0;
};

// Opens the file with OpenCV's reader and decodes every frame; the count (0 when it cannot be
// opened). `size` gets the frames' size.
[[nodiscard]] int decodableFrames(const std::filesystem::path& file, core::SizePx* size = nullptr);

}  // namespace smp::outputs
