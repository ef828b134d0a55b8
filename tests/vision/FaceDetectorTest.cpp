// The face and eyes on real photos, the millimetre scale they give, and the face frame built on
// them. Real photos come from tests/photos/fetch-real-photos.sh (see RealPhotos.h).

#include "core/Errors.h"
#include "core/design/Calibration.h"
#include "vision/FaceDetector.h"

#include "RealPhotos.h"
#include "TestFolder.h"

#include <catch2/catch.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <numbers>
#include <optional>
#include <string>
#include <utility>

using namespace smp;
using Catch::Matchers::Contains;

namespace {

const vision::FaceDetector& detector() {
    static const vision::FaceDetector shared;
    return shared;
}

// SMP_HAAR_DIR for one scope; the previous value comes back even when a check throws, so a failing
// test cannot point the other tests at a folder of broken cascades.
class HaarDirSetting {
public:
    explicit HaarDirSetting(const std::filesystem::path& folder) {
        if (const char* value = std::getenv("SMP_HAAR_DIR")) before_ = value;
        ::setenv("SMP_HAAR_DIR", folder.c_str(), 1);
    }
    ~HaarDirSetting() {
        if (before_) ::setenv("SMP_HAAR_DIR", before_->c_str(), 1);
        else ::unsetenv("SMP_HAAR_DIR");
    }
    HaarDirSetting(const HaarDirSetting&) = delete;
    HaarDirSetting& operator=(const HaarDirSetting&) = delete;

private:
    std::optional<std::string> before_;
};

cv::Mat viewOf(const core::Image& image) {
    return {image.height, image.width, CV_8UC(image.channels), const_cast<std::uint8_t*>(image.pixels.data())};
}

core::Image imageOf(const cv::Mat& mat) {
    core::Image image(mat.cols, mat.rows, mat.channels());
    for (int y = 0; y < mat.rows; ++y) std::memcpy(image.row(y), mat.ptr(y), image.rowBytes());
    return image;
}

core::Image resized(const core::Image& photo, double factor) {
    cv::Mat out;
    cv::resize(viewOf(photo), out, {}, factor, factor, factor < 1 ? cv::INTER_AREA : cv::INTER_CUBIC);
    return imageOf(out);
}

// Turned about the photo's centre, counter-clockwise as seen on screen; the corners are filled
// with the nearest edge so that no black wedge looks like a feature.
core::Image rotated(const core::Image& photo, double degrees, cv::Matx23d& transform) {
    transform = cv::getRotationMatrix2D(cv::Point2f(photo.width * 0.5f, photo.height * 0.5f), degrees, 1.0);
    cv::Mat out;
    cv::warpAffine(viewOf(photo), out, transform, viewOf(photo).size(), cv::INTER_CUBIC, cv::BORDER_REPLICATE);
    return imageOf(out);
}

double degreesBetween(core::Vec2 a, core::Vec2 b) {
    return std::atan2(core::cross(a, b), core::dot(a, b)) * 180.0 / std::numbers::pi;
}

bool inside(core::Vec2 p, const core::RectPx& box) {
    return p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height;
}

double pupilDistancePx(const vision::FaceFinding& face) {
    return core::distance(*face.leftPupilPx, *face.rightPupilPx);
}

vision::FaceFinding requireFaceWithEyes(const core::Image& photo) {
    const auto face = detector().find(photo);
    REQUIRE(face.has_value());
    REQUIRE(face->bothEyes());
    REQUIRE(face->leftEye.has_value());
    REQUIRE(face->rightEye.has_value());
    return *face;
}

}  // namespace

TEST_CASE("a missing cascade is named, with every folder searched and what to install", "[face]") {
    const auto empty = test::freshFolder("face_empty_haar_dir");
    const std::vector<std::filesystem::path> folders{empty, empty / "not-there"};
    REQUIRE_THROWS_AS(vision::findCascade("haarcascade_eye.xml", folders), core::InputError);
    REQUIRE_THROWS_WITH(vision::findCascade("haarcascade_eye.xml", folders),
                        Contains("haarcascade_eye.xml") && Contains(empty.string() + ", ") &&
                            Contains((empty / "not-there").string()) && Contains("install opencv-data"));
    REQUIRE_THROWS_WITH(vision::findCascade("haarcascade_eye.xml", {}), Contains("none given"));
    REQUIRE_THROWS_AS(vision::FaceDetector(folders), core::InputError);
}

TEST_CASE("cascades are looked for in SMP_HAAR_DIR first, then where opencv-data puts them", "[face]") {
    const auto own = test::freshFolder("face_own_haar_dir");
    std::ofstream(own / "haarcascade_eye.xml") << "<opencv_storage></opencv_storage>\n";
    {
        const HaarDirSetting setting(own);
        const auto folders = vision::cascadeFolders();
        REQUIRE(folders.size() == 3);
        CHECK(folders[0] == own);
        CHECK(folders[1] == "/usr/share/opencv4/haarcascades");
        CHECK(vision::findCascade("haarcascade_eye.xml") == own / "haarcascade_eye.xml");
    }
    // Unset or empty, the system folders are all there is.
    CHECK(vision::cascadeFolders().size() == 2);
    const HaarDirSetting empty("");
    CHECK(vision::cascadeFolders().size() == 2);
}

TEST_CASE("a file that is not a cascade is refused by its path", "[face]") {
    const auto folder = test::freshFolder("face_broken_cascades");
    for (const char* name : {"haarcascade_frontalface_alt2.xml", "haarcascade_eye.xml"})
        std::ofstream(folder / name) << "this is not a cascade\n";
    const std::vector<std::filesystem::path> folders{folder};
    REQUIRE_THROWS_AS(vision::FaceDetector(folders), core::InputError);
    REQUIRE_THROWS_WITH(vision::FaceDetector(folders),
                        Contains((folder / "haarcascade_frontalface_alt2.xml").string()) && Contains("not a Haar cascade"));
}

TEST_CASE("the astronaut's face and both pupils are found where they are", "[face]") {
    const auto face = requireFaceWithEyes(test::realPhoto("astronaut.png"));
    const core::Vec2 left = *face.leftPupilPx, right = *face.rightPupilPx;
    INFO("face " << face.face.x << "," << face.face.y << " " << face.face.width << "x" << face.face.height
                 << "; pupils (" << left.x << ", " << left.y << ") (" << right.x << ", " << right.y << ")");
    CHECK(inside(left, *face.leftEye));
    CHECK(inside(right, *face.rightEye));
    CHECK(inside(left, face.face));
    CHECK(inside(right, face.face));
    CHECK(left.x < right.x);
    // The pupils are about 0.45 of the cascade's face box apart (0.47 here).
    const double share = pupilDistancePx(face) / face.face.width;
    CHECK(share > 0.35);
    CHECK(share < 0.5);
    // Her head is tilted a little (about 3 degrees), no more.
    CHECK(std::abs(degreesBetween({1, 0}, right - left)) < 6.0);
}

TEST_CASE("the face frame on the astronaut: upright, glabella above the eyes inside the face", "[face]") {
    const auto face = requireFaceWithEyes(test::realPhoto("astronaut.png"));
    const auto scale = design::scaleFromPupils(*face.leftPupilPx, *face.rightPupilPx, design::kDefaultPupilDistanceMm);
    const auto frame = vision::faceFrameFrom(face, scale);
    CHECK(frame.detected);
    CHECK(core::length(frame.up) == Approx(1.0));
    CHECK(std::abs(degreesBetween({0, -1}, frame.up)) < 6.0);
    // ~18 mm above the pupils (0.28 of a 63 mm pupil distance).
    CHECK(frame.eyeLineMm == Approx(0.28 * design::kDefaultPupilDistanceMm).margin(0.5));
    const core::Vec2 glabellaPx = frame.glabella * scale.pxPerMm;
    CHECK(inside(glabellaPx, face.face));
    CHECK(glabellaPx.y < std::min(face.leftPupilPx->y, face.rightPupilPx->y));
    CHECK(glabellaPx.x > face.leftPupilPx->x);
    CHECK(glabellaPx.x < face.rightPupilPx->x);
    // Outer eye corners: half a 94-98 mm biocular width, give or take the eye boxes' margin.
    CHECK(frame.outerEyeMm > 40.0);
    CHECK(frame.outerEyeMm < 56.0);
}

TEST_CASE("an RGBA photo gives the same face and pupils as its RGB", "[face]") {
    const auto rgb = test::realPhoto("astronaut.png");
    cv::Mat withAlpha;
    cv::cvtColor(viewOf(rgb), withAlpha, cv::COLOR_RGB2RGBA);
    const auto fromRgb = requireFaceWithEyes(rgb);
    const auto fromRgba = requireFaceWithEyes(imageOf(withAlpha));
    CHECK(fromRgba.face == fromRgb.face);
    CHECK(*fromRgba.leftPupilPx == *fromRgb.leftPupilPx);
    CHECK(*fromRgba.rightPupilPx == *fromRgb.rightPupilPx);
}

TEST_CASE("photos without a human face give no face", "[face]") {
    for (const char* name : {"coffee.png", "chelsea.png", "rocket.jpg", "motorcycle_left.png"}) {
        INFO(name);
        CHECK_FALSE(detector().find(test::realPhoto(name)).has_value());
    }
}

TEST_CASE("the pupil distance, and so the photo's px/mm, scales with the photo", "[face]") {
    const auto photo = test::realPhoto("astronaut.png");
    const auto original = requireFaceWithEyes(photo);
    const double originalPx = pupilDistancePx(original);
    const double originalPxPerMm =
        design::scaleFromPupils(*original.leftPupilPx, *original.rightPupilPx, 63.0).pxPerMm;
    // 6.0 makes a 3072 x 3072 photo: a phone photo's size, found on the downscaled copy.
    for (double factor : {0.75, 1.5, 2.0, 6.0}) {
        const auto face = requireFaceWithEyes(resized(photo, factor));
        const double distancePx = pupilDistancePx(face);
        INFO("factor " << factor << ": " << distancePx << " px against " << originalPx * factor << " expected");
        CHECK(distancePx / (originalPx * factor) == Approx(1.0).epsilon(0.05));
        const auto scale = design::scaleFromPupils(*face.leftPupilPx, *face.rightPupilPx, 63.0);
        CHECK(scale.pxPerMm / (originalPxPerMm * factor) == Approx(1.0).epsilon(0.05));
    }
}

TEST_CASE("a tilted head gives a frame tilted with it", "[face]") {
    const auto photo = test::realPhoto("astronaut.png");
    const core::PhotoScale scale{1.0, core::ScaleSource::Assumed};
    const auto upright = vision::faceFrameFrom(requireFaceWithEyes(photo), scale);
    for (double degrees : {10.0, -10.0}) {
        cv::Matx23d transform;
        const auto turned = vision::faceFrameFrom(requireFaceWithEyes(rotated(photo, degrees, transform)), scale);
        // The upright frame's `up`, turned the way the photo was.
        const core::Vec2 expected{transform(0, 0) * upright.up.x + transform(0, 1) * upright.up.y,
                                  transform(1, 0) * upright.up.x + transform(1, 1) * upright.up.y};
        INFO("turned " << degrees << " degrees: up (" << turned.up.x << ", " << turned.up.y << ")");
        CHECK(std::abs(degreesBetween(expected, turned.up)) < 3.0);
        CHECK(std::abs(std::abs(degreesBetween(upright.up, turned.up)) - 10.0) < 3.0);
    }
}

TEST_CASE("the demo head's pupils and scale are found as it was painted", "[face]") {
    // make_demo_head.cpp paints the pupils at (800 -+ 192.15, 800) at exactly 6.1 px/mm.
    const auto face = requireFaceWithEyes(vision::loadPhoto(SMP_SOURCE_DIR "/assets/demo/demo_head.jpg"));
    const core::Vec2 left{607.85, 800.0}, right{992.15, 800.0};
    INFO("pupils (" << face.leftPupilPx->x << ", " << face.leftPupilPx->y << ") (" << face.rightPupilPx->x << ", "
                    << face.rightPupilPx->y << ")");
    CHECK(core::distance(*face.leftPupilPx, left) < 0.03 * 384.3);
    CHECK(core::distance(*face.rightPupilPx, right) < 0.03 * 384.3);
    const auto scale = design::scaleFromPupils(*face.leftPupilPx, *face.rightPupilPx, 63.0);
    CHECK(scale.pxPerMm == Approx(6.1).epsilon(0.02));
}

TEST_CASE("without eyes the frame stands on the face box", "[face]") {
    vision::FaceFinding face;
    face.face = {100, 200, 400, 400};
    const auto frame = vision::faceFrameFrom(face, {2.0, core::ScaleSource::Assumed});
    CHECK(frame.detected);
    CHECK(frame.up == core::Vec2{0.0, -1.0});
    CHECK(frame.glabella.x == Approx(150.0));  // the box's centre line, 300 px at 2 px/mm
    CHECK(frame.glabella.y * 2.0 < 200 + 0.38 * 400);
    CHECK(frame.glabella.y * 2.0 > 200);
}

TEST_CASE("the frame's up points to the crown whichever way round the pupils are given", "[face]") {
    vision::FaceFinding face;
    face.face = {0, 0, 200, 200};
    face.leftPupilPx = core::Vec2{60, 80};
    face.rightPupilPx = core::Vec2{140, 80};
    const auto frame = vision::faceFrameFrom(face, {1.0, core::ScaleSource::Assumed});
    std::swap(face.leftPupilPx, face.rightPupilPx);
    CHECK(vision::faceFrameFrom(face, {1.0, core::ScaleSource::Assumed}) == frame);
    CHECK(frame.up == core::Vec2{0.0, -1.0});
    CHECK(frame.glabella.x == Approx(100.0));
    CHECK(frame.glabella.y == Approx(80.0 - 0.28 * 80.0));
    CHECK(frame.outerEyeMm == Approx(0.76 * 80.0));  // no eye boxes: the proportion
}

TEST_CASE("bad requests are refused with a message that says what is wrong", "[face]") {
    REQUIRE_THROWS_AS(detector().find(core::Image{}), core::UsageError);
    REQUIRE_THROWS_WITH(detector().find(core::Image{}), Contains("face detection") && Contains("empty"));
    REQUIRE_THROWS_WITH(detector().find(core::Image(8, 8, 1)), Contains("RGB or RGBA"));
    vision::FaceFinding face;
    REQUIRE_THROWS_WITH(vision::faceFrameFrom(face, {}), Contains("face box is empty"));
    face.face = {0, 0, 10, 10};
    REQUIRE_THROWS_AS(vision::faceFrameFrom(face, {0.0, core::ScaleSource::Assumed}), core::UsageError);
    REQUIRE_THROWS_WITH(vision::faceFrameFrom(face, {-1.0, core::ScaleSource::Assumed}), Contains("px/mm"));
    vision::FaceDetector movedFrom;
    const vision::FaceDetector taker(std::move(movedFrom));
    REQUIRE_THROWS_WITH(movedFrom.find(core::Image(8, 8, 3)), Contains("moved from"));  // NOLINT(bugprone-use-after-move)
}
