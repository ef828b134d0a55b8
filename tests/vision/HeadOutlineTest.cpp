// The proposed head outline: on a drawn head whose every pixel is known, and on a real portrait.

#include "core/Errors.h"
#include "vision/FaceDetector.h"
#include "vision/HeadOutline.h"

#include "RealPhotos.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <random>

using namespace smp;
using Catch::Matchers::Contains;

namespace {

struct DrawnHead {
    double cx, cy, rx, ry;  // photo pixels

    // Pixels [x0, x1) of row y inside the head, by the pixel-centre rule.
    [[nodiscard]] std::pair<int, int> span(int y, int width) const {
        const double dy = (y + 0.5 - cy) / ry;
        if (dy * dy > 1.0) return {0, 0};
        const double half = rx * std::sqrt(1.0 - dy * dy);
        const int x0 = std::clamp(static_cast<int>(std::ceil(cx - half - 0.5)), 0, width);
        const int x1 = std::clamp(static_cast<int>(std::floor(cx + half - 0.5)) + 1, 0, width);
        return {x0, std::max(x0, x1)};
    }
};

// A flat skin-coloured head on a dark slate backdrop, both with a little sensor noise (fixed seed).
core::Image drawHead(int width, int height, const DrawnHead& head) {
    core::Image photo(width, height, 3);
    std::mt19937 noise(7);
    std::uniform_int_distribution<int> grain(-6, 6);
    for (int y = 0; y < height; ++y) {
        const auto [x0, x1] = head.span(y, width);
        for (int x = 0; x < width; ++x) {
            const bool skin = x >= x0 && x < x1;
            const int base[3] = {skin ? 224 : 48, skin ? 172 : 56, skin ? 140 : 72};
            for (int c = 0; c < 3; ++c)
                photo.at(x, y)[c] = static_cast<std::uint8_t>(std::clamp(base[c] + grain(noise), 0, 255));
        }
    }
    return photo;
}

// Intersection over union of the mask and the drawn head, row by row over the mask's runs.
double iou(const design::PhotoMask& mask, const DrawnHead& head) {
    std::int64_t both = 0, headArea = 0;
    for (int y = 0; y < mask.size().height; ++y) {
        const auto [x0, x1] = head.span(y, mask.size().width);
        headArea += x1 - x0;
        for (const auto& run : mask.row(y)) both += std::max(0, std::min(run.x1, x1) - std::max(run.x0, x0));
    }
    return double(both) / double(mask.area() + headArea - both);
}

}  // namespace

TEST_CASE("a drawn head on a plain backdrop is outlined, seeded without a face", "[outline]") {
    const DrawnHead head{250, 300, 140, 180};
    const auto photo = drawHead(480, 640, head);
    const auto mask = vision::proposeHeadOutline(photo, std::nullopt);
    REQUIRE(mask.size() == core::SizePx{480, 640});
    const double overlap = iou(mask, head);
    INFO("IoU " << overlap);
    CHECK(overlap > 0.9);
    CHECK(vision::proposeHeadOutline(photo, std::nullopt) == mask);  // deterministic
}

TEST_CASE("a drawn head is outlined from a face box, at a phone photo's resolution", "[outline]") {
    // 4000 x 3000: the outline is found on a small copy and must come back at full size.
    const DrawnHead head{2100, 1400, 900, 1150};
    const auto photo = drawHead(4000, 3000, head);
    vision::FaceFinding face;
    face.face = {1500, 1200, 1200, 1200};
    const auto mask = vision::proposeHeadOutline(photo, face);
    REQUIRE(mask.size() == core::SizePx{4000, 3000});
    const double overlap = iou(mask, head);
    INFO("IoU " << overlap);
    CHECK(overlap > 0.9);
}

TEST_CASE("only the head is kept, not a patch of the same colour beside it", "[outline]") {
    const DrawnHead head{260, 300, 130, 170};
    auto photo = drawHead(480, 640, head);
    for (int y = 540; y < 600; ++y)
        for (int x = 30; x < 80; ++x) std::copy_n(photo.at(int(head.cx), int(head.cy)), 3, photo.at(x, y));
    const auto mask = vision::proposeHeadOutline(photo, std::nullopt);
    CHECK_FALSE(mask.contains(55, 570));
    CHECK(iou(mask, head) > 0.9);
}

TEST_CASE("a face box partly or wholly off the photo gives an outline inside it, or none", "[outline]") {
    const DrawnHead head{250, 300, 140, 180};
    const auto photo = drawHead(480, 640, head);
    vision::FaceFinding face;
    face.face = {-5000, -5000, 100, 100};
    CHECK(vision::proposeHeadOutline(photo, face).empty());
    face.face = {-180, -180, 200, 200};  // the seed ellipse just reaches into the top-left corner
    const auto corner = vision::proposeHeadOutline(photo, face);
    CHECK(corner.size() == core::SizePx{480, 640});
    CHECK_FALSE(corner.contains(240, 320));
    face.face = {400, 500, 400, 400};  // half off the bottom right
    CHECK(vision::proposeHeadOutline(photo, face).size() == core::SizePx{480, 640});
}

TEST_CASE("the astronaut's head: face, forehead and hair in, the suit and the corners out", "[outline]") {
    const auto photo = test::realPhoto("astronaut.png");
    const auto face = vision::FaceDetector().find(photo);
    REQUIRE(face.has_value());
    const auto mask = vision::proposeHeadOutline(photo, face);
    REQUIRE(mask.size() == core::SizePx{photo.width, photo.height});
    const auto& box = face->face;
    const int cx = box.x + box.width / 2;
    CHECK(mask.contains(cx, box.y + box.height / 2));       // face centre
    CHECK(mask.contains(cx, box.y + box.height / 8));       // forehead
    CHECK(mask.contains(cx, box.y - box.height / 4));       // hair on the crown
    CHECK_FALSE(mask.contains(cx, box.y + 3 * box.height));  // the spacesuit's chest
    for (const auto& [x, y] : {std::pair{0, 0}, {photo.width - 1, 0}, {0, photo.height - 1},
                               {photo.width - 1, photo.height - 1}}) {
        INFO("corner " << x << ", " << y);
        CHECK_FALSE(mask.contains(x, y));
    }
    // Her head is a small part of this photo, about twice the cascade's face box.
    const double share = double(mask.area()) / (double(photo.width) * photo.height);
    const double perFaceBox = double(mask.area()) / (double(box.width) * box.height);
    INFO("share of the photo " << share << ", of the face box " << perFaceBox);
    CHECK(share > 0.03);
    CHECK(share < 0.3);
    CHECK(perFaceBox > 1.3);
    CHECK(perFaceBox < 4.0);
}

TEST_CASE("an empty or tiny photo is refused with a clear message", "[outline]") {
    REQUIRE_THROWS_AS(vision::proposeHeadOutline(core::Image{}, std::nullopt), core::UsageError);
    REQUIRE_THROWS_WITH(vision::proposeHeadOutline(core::Image{}, std::nullopt),
                        Contains("head outline") && Contains("empty"));
    REQUIRE_THROWS_WITH(vision::proposeHeadOutline(core::Image(10, 10, 3), std::nullopt), Contains("at least 32"));
    REQUIRE_THROWS_WITH(vision::proposeHeadOutline(core::Image(64, 64, 2), std::nullopt), Contains("RGB or RGBA"));
}
