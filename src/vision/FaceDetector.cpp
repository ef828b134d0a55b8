#include "vision/FaceDetector.h"

#include "core/Errors.h"
#include "vision/OpenCvQuiet.h"
#include "vision/PhotoView.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <mutex>
#include <sstream>
#include <string>
#include <tuple>

namespace smp::vision {
namespace {

// alt2 rather than "default": fewer false faces in clutter, a tighter box; on the test photos both
// find the same faces and pupils.
constexpr const char* kFaceCascade = "haarcascade_frontalface_alt2.xml";
constexpr const char* kEyeCascade = "haarcascade_eye.xml";

// Faces are found on a copy this long: a 12 MP phone photo costs no more than a webcam frame, and
// a head that fills the frame is still hundreds of pixels wide.
constexpr int kDetectLongSidePx = 800;
// A preview photo is framed on the head; smaller "faces" are patterns in the background.
constexpr double kMinFaceShareOfShortSide = 0.12;
// Eyes and pupils are looked for on the face box resampled to this width, so what they see does not
// depend on the photo's resolution and the pupil distance scales with the photo.
constexpr int kFaceCropWidthPx = 320;
// The band of the face box where eyes are searched ("upper half", with room for a tilted head):
// the cascade's boxes put the eyes about 0.38 of the way down.
constexpr double kEyeBandTop = 0.12;
constexpr double kEyeBandBottom = 0.60;

cv::Mat greyResized(const cv::Mat& rgb, cv::Size size) {
    cv::Mat resized;
    const bool shrinking = size.width < rgb.cols;
    cv::resize(rgb, resized, size, 0, 0, shrinking ? cv::INTER_AREA : cv::INTER_LINEAR);
    cv::Mat grey;
    cv::cvtColor(resized, grey, rgb.channels() == 4 ? cv::COLOR_RGBA2GRAY : cv::COLOR_RGB2GRAY);
    return grey;
}

cv::CascadeClassifier loadCascade(std::string_view fileName, std::span<const std::filesystem::path> folders) {
    const auto path = findCascade(fileName, folders);
    cv::CascadeClassifier cascade;
    bool loaded = false;
    try {
        loaded = cascade.load(path.string());
    } catch (const cv::Exception&) {
        loaded = false;
    }
    if (!loaded || cascade.empty())
        throw core::InputError(path.string() + ": not a Haar cascade OpenCV can read (reinstall opencv-data)");
    return cascade;
}

struct Detection {
    cv::Rect box;
    int neighbours = 0;
};

// Most neighbours first (the cascade's confidence), then the larger box, then position: a total
// order, so the choice never depends on the order OpenCV's threads reported boxes in.
bool moreConvincing(const Detection& a, const Detection& b) {
    if (a.neighbours != b.neighbours) return a.neighbours > b.neighbours;
    if (a.box.area() != b.box.area()) return a.box.area() > b.box.area();
    return std::tie(a.box.y, a.box.x) < std::tie(b.box.y, b.box.x);
}

std::vector<Detection> detect(cv::CascadeClassifier& cascade, const cv::Mat& grey, double scaleFactor,
                              int minNeighbours, cv::Size minSize, cv::Size maxSize) {
    std::vector<cv::Rect> boxes;
    std::vector<int> neighbours;
    cascade.detectMultiScale(grey, boxes, neighbours, scaleFactor, minNeighbours, 0, minSize, maxSize);
    std::vector<Detection> found;
    for (std::size_t i = 0; i < boxes.size(); ++i) found.push_back({boxes[i], neighbours[i]});
    return found;
}

// The iris is the darkest blob in the eye box. The box's top band (brow) and rim (lashes, shadow at
// the nose) are left out; the centre of the darkest pixels near the darkest point is the estimate.
cv::Point2d pupilIn(const cv::Mat& grey, const cv::Rect& eye) {
    const cv::Rect inner(eye.x + eye.width * 15 / 100, eye.y + eye.height * 30 / 100, eye.width * 70 / 100,
                         eye.height * 50 / 100);
    const cv::Point2d boxCentre(eye.x + eye.width * 0.5, eye.y + eye.height * 0.5);
    if (inner.width < 4 || inner.height < 4) return boxCentre;
    cv::Mat smooth;
    const double sigma = std::max(1.0, eye.width * 0.04);
    cv::GaussianBlur(grey(inner), smooth, cv::Size(), sigma);
    double darkest = 0;
    double brightest = 0;
    cv::Point darkestAt;
    cv::minMaxLoc(smooth, &darkest, &brightest, &darkestAt);
    if (brightest - darkest < 10) return boxCentre;  // flat: nothing to see

    const double threshold = darkest + 0.25 * (brightest - darkest);
    const double radius = eye.width * 0.18;
    double weightSum = 0;
    cv::Point2d sum;
    for (int y = 0; y < smooth.rows; ++y) {
        const auto* row = smooth.ptr<std::uint8_t>(y);
        for (int x = 0; x < smooth.cols; ++x) {
            if (std::hypot(x - darkestAt.x, y - darkestAt.y) > radius || row[x] > threshold) continue;
            const double weight = threshold - row[x] + 1.0;
            weightSum += weight;
            sum += cv::Point2d(x + 0.5, y + 0.5) * weight;
        }
    }
    return cv::Point2d(inner.x, inner.y) + sum * (1.0 / weightSum);
}

core::RectPx toPhoto(const cv::Rect& box, double scale, cv::Point offset = {}) {
    const auto at = [&](double v) { return static_cast<int>(std::lround(v / scale)); };
    const int x0 = offset.x + at(box.x), y0 = offset.y + at(box.y);
    return {x0, y0, offset.x + at(box.x + box.width) - x0, offset.y + at(box.y + box.height) - y0};
}

}  // namespace

bool FaceFinding::bothEyes() const { return leftPupilPx && rightPupilPx; }

std::vector<std::filesystem::path> cascadeFolders() {
    std::vector<std::filesystem::path> folders;
    if (const char* own = std::getenv("SMP_HAAR_DIR"); own && *own) folders.emplace_back(own);
    folders.emplace_back("/usr/share/opencv4/haarcascades");
    folders.emplace_back("/usr/share/opencv/haarcascades");
    return folders;
}

std::filesystem::path findCascade(std::string_view fileName) {
    const auto folders = cascadeFolders();
    return findCascade(fileName, folders);
}

std::filesystem::path findCascade(std::string_view fileName, std::span<const std::filesystem::path> folders) {
    std::ostringstream searched;
    for (const auto& folder : folders) {
        const auto candidate = folder / fileName;
        std::error_code ignored;
        if (std::filesystem::is_regular_file(candidate, ignored)) return candidate;
        searched << (searched.tellp() > 0 ? ", " : "") << folder.string();
    }
    throw core::InputError("face detection: the Haar cascade " + std::string(fileName) + " is not in " +
                           (folders.empty() ? std::string("any folder (none given)") : searched.str()) +
                           "; install opencv-data, or set SMP_HAAR_DIR to the folder that holds it");
}

struct FaceDetector::Cascades {
    cv::CascadeClassifier face;
    cv::CascadeClassifier eye;
    // detectMultiScale is not const and keeps scratch buffers: one caller at a time.
    std::mutex busy;
};

FaceDetector::FaceDetector() : FaceDetector(cascadeFolders()) {}

FaceDetector::FaceDetector(std::span<const std::filesystem::path> folders) : cascades_(std::make_unique<Cascades>()) {
    quietOpenCvLogging();
    cascades_->face = loadCascade(kFaceCascade, folders);
    cascades_->eye = loadCascade(kEyeCascade, folders);
}

FaceDetector::~FaceDetector() = default;
FaceDetector::FaceDetector(FaceDetector&&) noexcept = default;
FaceDetector& FaceDetector::operator=(FaceDetector&&) noexcept = default;

std::optional<FaceFinding> FaceDetector::find(const core::Image& photo) const {
    if (!cascades_) throw core::UsageError("face detection: this detector was moved from; make a new one");
    const cv::Mat rgb = photoView(photo, "face detection");
    const double detectScale = std::min(1.0, double(kDetectLongSidePx) / std::max(rgb.cols, rgb.rows));
    const cv::Size detectSize(std::max(1, int(std::lround(rgb.cols * detectScale))),
                              std::max(1, int(std::lround(rgb.rows * detectScale))));
    cv::Mat small = greyResized(rgb, detectSize);
    cv::equalizeHist(small, small);
    const int minFace = std::max(24, int(std::min(small.cols, small.rows) * kMinFaceShareOfShortSide));

    std::lock_guard lock(cascades_->busy);
    auto faces = detect(cascades_->face, small, 1.1, 4, {minFace, minFace}, {});
    if (faces.empty()) return std::nullopt;
    // The client is the largest face; neighbours only break ties.
    const auto largest = std::min_element(faces.begin(), faces.end(), [](const Detection& a, const Detection& b) {
        if (a.box.area() != b.box.area()) return a.box.area() > b.box.area();
        return moreConvincing(a, b);
    });
    FaceFinding finding;
    finding.face = toPhoto(largest->box, detectScale);
    const cv::Rect faceBox = cv::Rect(finding.face.x, finding.face.y, finding.face.width, finding.face.height) &
                             cv::Rect(0, 0, rgb.cols, rgb.rows);
    finding.face = {faceBox.x, faceBox.y, faceBox.width, faceBox.height};
    if (faceBox.width < 8 || faceBox.height < 8) return finding;

    const double cropScale = double(kFaceCropWidthPx) / faceBox.width;
    const cv::Size cropSize(kFaceCropWidthPx, std::max(1, int(std::lround(faceBox.height * cropScale))));
    const cv::Mat crop = greyResized(rgb(faceBox), cropSize);
    cv::Mat equalised;
    cv::equalizeHist(crop, equalised);
    const cv::Rect band(0, int(crop.rows * kEyeBandTop), crop.cols,
                        int(crop.rows * (kEyeBandBottom - kEyeBandTop)));
    const int minEye = int(crop.cols * 0.12), maxEye = int(crop.cols * 0.40);
    auto eyes = detect(cascades_->eye, equalised(band), 1.05, 3, {minEye, minEye}, {maxEye, maxEye});
    std::sort(eyes.begin(), eyes.end(), moreConvincing);

    const auto fromCrop = [&](cv::Point2d p) {
        return core::Vec2{faceBox.x + p.x / cropScale, faceBox.y + p.y / cropScale};
    };
    for (auto eye : eyes) {
        eye.box.y += band.y;
        const bool onLeft = eye.box.x + eye.box.width * 0.5 < crop.cols * 0.5;
        auto& box = onLeft ? finding.leftEye : finding.rightEye;
        auto& pupil = onLeft ? finding.leftPupilPx : finding.rightPupilPx;
        if (box) continue;
        box = toPhoto(eye.box, cropScale, faceBox.tl());
        pupil = fromCrop(pupilIn(crop, eye.box));
    }
    return finding;
}

}  // namespace smp::vision
