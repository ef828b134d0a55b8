#include "outputs/VideoFile.h"

#include "core/Errors.h"
#include "vision/OpenCvQuiet.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <cstdlib>

namespace smp::outputs {

struct VideoFile::Writer {
    cv::VideoWriter video;
};

std::vector<std::string> videoCodecsToTry() {
    const char* setting = std::getenv(kVideoCodecsVariable);
    if (!setting) return {"avc1", "mp4v"};
    std::vector<std::string> codecs;
    std::string text(setting);
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = text.find(',', start);
        const std::string codec = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (codec.size() == 4) codecs.push_back(codec);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return codecs;
}

VideoFile::VideoFile() : writer_(std::make_unique<Writer>()) {}

VideoFile::~VideoFile() {
    if (writer_ && writer_->video.isOpened()) writer_->video.release();
}

std::unique_ptr<VideoFile> VideoFile::open(const std::filesystem::path& file, core::SizePx size, int framesPerSecond,
                                           const std::vector<std::string>& codecs, std::string& tried) {
    vision::quietOpenCvLogging();
    tried.clear();
    for (const std::string& codec : codecs) {
        tried += (tried.empty() ? "" : ", ") + codec;
        std::unique_ptr<VideoFile> video(new VideoFile());
        try {
            const int fourcc = cv::VideoWriter::fourcc(codec[0], codec[1], codec[2], codec[3]);
            if (!video->writer_->video.open(file.string(), cv::CAP_FFMPEG, fourcc, double(framesPerSecond),
                                            cv::Size(size.width, size.height), true))
                continue;
        } catch (const cv::Exception&) {
            continue;
        }
        if (!video->writer_->video.isOpened()) continue;
        video->codec_ = codec;
        video->size_ = size;
        return video;
    }
    return nullptr;
}

void VideoFile::write(const core::Image& frame) {
    if (frame.width != size_.width || frame.height != size_.height || frame.channels != 3)
        throw core::InputError("video frame of " + std::to_string(frame.width) + "x" + std::to_string(frame.height) +
                               " for a " + std::to_string(size_.width) + "x" + std::to_string(size_.height) + " video");
    const cv::Mat rgb(frame.height, frame.width, CV_8UC3, const_cast<std::uint8_t*>(frame.pixels.data()));
    cv::Mat bgr;
    cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
    writer_->video.write(bgr);
    ++frames_;
}

void VideoFile::close() { writer_->video.release(); }

int decodableFrames(const std::filesystem::path& file, core::SizePx* size) {
    vision::quietOpenCvLogging();
    cv::VideoCapture capture;
    try {
        if (!capture.open(file.string(), cv::CAP_FFMPEG)) return 0;
    } catch (const cv::Exception&) {
        return 0;
    }
    int frames = 0;
    cv::Mat frame;
    while (capture.read(frame) && !frame.empty()) {
        if (size) *size = {frame.cols, frame.rows};
        ++frames;
    }
    return frames;
}

}  // namespace smp::outputs
