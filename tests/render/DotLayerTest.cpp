// The dots as pigment over the photo: where they darken it, how, and that a view change reuses
// the drawn layer. Pixel values are sRGB; comparisons of light are made in linear light.
#include "core/ViewTransform.h"
#include "render/RenderError.h"
#include "render/SceneRenderer.h"

#include "ImageCompare.h"
#include "LinearLight.h"
#include "PaintedPhotos.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>
#include <stdexcept>
#include <vector>

using namespace smp;

namespace {

core::Image plainPhoto(int width, int height, int r, int g, int b) {
    core::Image photo(width, height, 3);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            std::uint8_t* p = photo.at(x, y);
            p[0] = std::uint8_t(r), p[1] = std::uint8_t(g), p[2] = std::uint8_t(b);
        }
    return photo;
}

// A dot centred on photo pixel (x, y) at pxPerMm.
dots::Dot dotOnPixel(int x, int y, double pxPerMm, double diameterMm, float shade) {
    dots::Dot dot;
    dot.positionMm = {(x + 0.5) / pxPerMm, (y + 0.5) / pxPerMm};
    dot.diameterMm = diameterMm;
    dot.shade = shade;
    return dot;
}

// Renders the photo pixel for pixel with the dots over it.
core::Image renderWithDots(const core::Image& photo, const std::vector<dots::Dot>& dots, double pxPerMm) {
    render::SceneRenderer renderer;
    renderer.setPhoto(photo);
    renderer.setDots(dots, pxPerMm);
    return renderer.renderToImage({photo.width, photo.height}, {});
}

// The fraction of light the pigment lets through in a channel, from a render and its photo.
double transmittance(const core::Image& rendered, const core::Image& photo, int x, int y, int channel) {
    return test::decodeSrgb(rendered.at(x, y)[channel]) / test::decodeSrgb(photo.at(x, y)[channel]);
}

// Sum over the image of the light the pigment takes away in the red channel, 1 - transmittance.
double totalRedDarkening(const core::Image& rendered, const core::Image& photo) {
    double sum = 0.0;
    for (int y = 0; y < photo.height; ++y)
        for (int x = 0; x < photo.width; ++x) sum += 1.0 - transmittance(rendered, photo, x, y, 0);
    return sum;
}

// Sum over the image of the red channel's absorbance, -ln(transmittance).
double totalRedAbsorbance(const core::Image& rendered, const core::Image& photo) {
    double sum = 0.0;
    for (int y = 0; y < photo.height; ++y)
        for (int x = 0; x < photo.width; ++x) sum -= std::log(transmittance(rendered, photo, x, y, 0));
    return sum;
}

}  // namespace

TEST_CASE("a dot darkens the photo where it is and not a millimetre away", "[render][dots]") {
    const double pxPerMm = 10.0;
    const core::Image photo = plainPhoto(200, 200, 150, 150, 150);
    const core::Image rendered = renderWithDots(photo, {dotOnPixel(100, 100, pxPerMm, 0.25, 0.85f)}, pxPerMm);
    REQUIRE(int(rendered.at(100, 100)[0]) < 150 - 40);
    for (auto [x, y] : {std::pair{110, 100}, {90, 100}, {100, 110}, {100, 90}, {107, 107}, {0, 0}, {199, 199}})
        for (int c = 0; c < 3; ++c) REQUIRE(std::abs(int(rendered.at(x, y)[c]) - 150) <= 1);
}

TEST_CASE("a darker shade darkens more", "[render][dots]") {
    const double pxPerMm = 10.0;
    const core::Image photo = plainPhoto(64, 64, 200, 170, 150);
    const core::Image light = renderWithDots(photo, {dotOnPixel(32, 32, pxPerMm, 0.25, 0.3f)}, pxPerMm);
    const core::Image dark = renderWithDots(photo, {dotOnPixel(32, 32, pxPerMm, 0.25, 0.85f)}, pxPerMm);
    for (int c = 0; c < 3; ++c) {
        REQUIRE(light.at(32, 32)[c] < photo.at(32, 32)[c]);
        REQUIRE(dark.at(32, 32)[c] + 10 < light.at(32, 32)[c]);
    }
}

TEST_CASE("an elliptical dot stretches along its angle", "[render][dots]") {
    const double pxPerMm = 40.0;
    const core::Image photo = plainPhoto(64, 64, 180, 180, 180);
    // Second moments of the darkening about the dot's centre pixel.
    auto spread = [&](float angleRad) {
        dots::Dot dot = dotOnPixel(32, 32, pxPerMm, 0.4, 0.9f);
        dot.ellipseRatio = 3.0f;
        dot.angleRad = angleRad;
        const core::Image rendered = renderWithDots(photo, {dot}, pxPerMm);
        double xx = 0, yy = 0;
        for (int y = 0; y < 64; ++y)
            for (int x = 0; x < 64; ++x) {
                const double a = -std::log(transmittance(rendered, photo, x, y, 0));
                xx += a * (x - 32) * (x - 32);
                yy += a * (y - 32) * (y - 32);
            }
        return std::pair{xx, yy};
    };
    const auto [wide, flat] = spread(0.0f);
    REQUIRE(wide > 3.0 * flat);
    const auto [narrow, tall] = spread(float(std::numbers::pi / 2));
    REQUIRE(tall > 3.0 * narrow);
}

TEST_CASE("the photo away from the dots is the photo-only render", "[render][dots]") {
    const double pxPerMm = 8.0;
    const core::Image photo = test::paintTestPhoto(320, 240);
    std::vector<dots::Dot> dots;
    for (int i = 0; i < 12; ++i)
        for (int j = 0; j < 20; ++j) dots.push_back(dotOnPixel(10 + 8 * i, 10 + 11 * j, pxPerMm, 0.3, 0.9f));

    render::SceneRenderer renderer;
    renderer.setPhoto(photo);
    const core::Image photoOnly = renderer.renderToImage({320, 240}, {});
    renderer.setDots(dots, pxPerMm);
    const core::Image withDots = renderer.renderToImage({320, 240}, {});
    // The dots reach x = 98 px; from a millimetre past them on, nothing may change.
    int compared = 0;
    for (int y = 0; y < 240; ++y)
        for (int x = 98 + 8; x < 320; ++x, ++compared)
            for (int c = 0; c < 3; ++c) REQUIRE(std::abs(int(withDots.at(x, y)[c]) - int(photoOnly.at(x, y)[c])) <= 1);
    REQUIRE(compared > 50000);
    REQUIRE(withDots.at(10, 10)[2] + 20 < photoOnly.at(10, 10)[2]);
}

TEST_CASE("dots on neutral grey skin have carbon's blue-grey cast", "[render][dots]") {
    const double pxPerMm = 10.0;
    const core::Image photo = plainPhoto(32, 32, 128, 128, 128);
    const core::Image rendered = renderWithDots(photo, {dotOnPixel(16, 16, pxPerMm, 0.3, 0.9f)}, pxPerMm);
    const double red = transmittance(rendered, photo, 16, 16, 0);
    const double green = transmittance(rendered, photo, 16, 16, 1);
    const double blue = transmittance(rendered, photo, 16, 16, 2);
    REQUIRE(red < green);
    REQUIRE(green < blue);
    REQUIRE(blue < 0.8);  // still a dark dot, only tinted
    REQUIRE(rendered.at(16, 16)[2] > rendered.at(16, 16)[0] + 5);
}

TEST_CASE("a healed 0.25 mm dot at 4 px/mm is clearly visible but not black", "[render][dots]") {
    const double pxPerMm = 4.0;
    const core::Image photo = plainPhoto(16, 16, 224, 172, 140);  // light skin
    const core::Image rendered = renderWithDots(photo, {dotOnPixel(8, 8, pxPerMm, 0.25, 0.85f)}, pxPerMm);
    for (int c = 0; c < 3; ++c) {
        INFO("channel " << c << ": " << int(photo.at(8, 8)[c]) << " -> " << int(rendered.at(8, 8)[c]));
        REQUIRE(rendered.at(8, 8)[c] + 30 < photo.at(8, 8)[c]);
        REQUIRE(rendered.at(8, 8)[c] > 60);
    }
}

TEST_CASE("dots filter the light the photo shows: a shadow stays a shadow", "[render][dots]") {
    const double pxPerMm = 10.0;
    core::Image photo = plainPhoto(64, 32, 210, 170, 150);
    for (int y = 0; y < 32; ++y)
        for (int x = 32; x < 64; ++x) photo.at(x, y)[0] = 90, photo.at(x, y)[1] = 70, photo.at(x, y)[2] = 60;
    const core::Image rendered = renderWithDots(
        photo, {dotOnPixel(16, 16, pxPerMm, 0.3, 0.9f), dotOnPixel(48, 16, pxPerMm, 0.3, 0.9f)}, pxPerMm);
    for (int c = 0; c < 3; ++c) {
        REQUIRE(rendered.at(48, 16)[c] < rendered.at(16, 16)[c]);
        // The same fraction of light is let through in the light and in the shadow.
        REQUIRE(transmittance(rendered, photo, 48, 16, c) ==
                Approx(transmittance(rendered, photo, 16, 16, c)).margin(0.03));
    }
}

TEST_CASE("a dot smaller than a pixel keeps its pigment", "[render][dots]") {
    const core::Image photo = plainPhoto(64, 64, 255, 255, 255);
    dots::Dot dot;
    dot.diameterMm = 0.4;
    dot.shade = 1.0f;
    // The same dot at 2 px/mm (0.8 px wide) on and between pixel centres, and at 16 px/mm.
    dot.positionMm = {16.25, 16.25};
    const double onCentre = totalRedAbsorbance(renderWithDots(photo, {dot}, 2.0), photo);
    dot.positionMm = {16.0, 16.0};
    const double onCorner = totalRedAbsorbance(renderWithDots(photo, {dot}, 2.0), photo);
    dot.positionMm = {2.0, 2.0};
    const double sharp = totalRedAbsorbance(renderWithDots(photo, {dot}, 16.0), photo) / 64.0;
    const double expected = render::dotPigmentMm2(dot, render::PigmentOptics{}) * 4.0;
    REQUIRE(onCentre == Approx(expected).epsilon(0.05));
    REQUIRE(onCorner == Approx(expected).epsilon(0.05));
    REQUIRE(sharp == Approx(expected).epsilon(0.05));
}

TEST_CASE("zoomed out, dots average the light through them, not their pigment", "[render][dots]") {
    const double pxPerMm = 8.0;
    const core::Image photo = plainPhoto(256, 256, 190, 150, 130);
    std::vector<dots::Dot> dots;
    for (int i = 0; i < 16; ++i)
        for (int j = 0; j < 16; ++j) dots.push_back(dotOnPixel(8 + 16 * i + j % 3, 8 + 16 * j, pxPerMm, 0.4, 0.9f));
    render::SceneRenderer renderer;
    renderer.setPhoto(photo);
    renderer.setDots(dots, pxPerMm);
    const core::Image full = renderer.renderToImage({256, 256}, {});
    const core::ExportFrame half = core::wholePhotoAtWidth({256, 256}, 128);
    // Tolerance 3: one resampling step, plus the transmittance's own 8-bit rounding.
    REQUIRE(test::imagesMatch(renderer.renderToImage(half.size, half.view), test::halveInLinearLight(full), 3,
                              "dots_half_width"));
}

TEST_CASE("zoomed in, a round dot stays round", "[render][dots]") {
    const double pxPerMm = 10.0;
    const core::Image photo = plainPhoto(64, 64, 200, 200, 200);
    render::SceneRenderer renderer;
    renderer.setPhoto(photo);
    renderer.setDots(std::vector<dots::Dot>{dotOnPixel(32, 32, pxPerMm, 0.2, 0.9f)}, pxPerMm);
    core::ViewTransform view;
    view.zoom = 8.0;
    view.offsetPx = {0.5, 0.5};  // the dot's centre on view pixel (260, 260)
    const core::Image rendered = renderer.renderToImage({520, 520}, view);
    auto absorbance = [&](int x, int y) { return -std::log(test::decodeSrgb(rendered.at(x, y)[0]) / test::decodeSrgb(200)); };
    for (int r : {6, 10, 14}) {
        const int d = int(std::lround(r / std::sqrt(2.0)));
        const double along = absorbance(260 + r, 260), diagonal = absorbance(260 + d, 260 - d);
        INFO("radius " << r << ": along an axis " << along << ", on the diagonal " << diagonal);
        // Bilinear filtering alone makes a four-pointed star: 16% apart at 6 and 10 px.
        CHECK(diagonal == Approx(along).epsilon(0.06));
    }
}

TEST_CASE("zooming in keeps the light a dot takes away", "[render][dots]") {
    const double pxPerMm = 10.0;
    const core::Image white = plainPhoto(32, 32, 255, 255, 255);
    render::SceneRenderer renderer;
    renderer.setPhoto(white);
    renderer.setDots(std::vector<dots::Dot>{dotOnPixel(16, 16, pxPerMm, 0.3, 0.9f)}, pxPerMm);
    const double atFull = totalRedDarkening(renderer.renderToImage({32, 32}, {}), white);
    for (double zoom : {1.25, 1.5, 2.0, 4.0, 8.0}) {  // into the close-up filter and past it
        core::ViewTransform view;
        view.zoom = zoom;
        const int side = int(32 * zoom);
        const core::Image zoomed = renderer.renderToImage({side, side}, view);
        INFO("zoom " << zoom);
        REQUIRE(totalRedDarkening(zoomed, plainPhoto(side, side, 255, 255, 255)) / (zoom * zoom) ==
                Approx(atFull).epsilon(0.02));
    }
}

TEST_CASE("panning and zooming reuse the drawn dot layer", "[render][dots]") {
    const double pxPerMm = 4.0;
    const std::vector<dots::Dot> dots{dotOnPixel(20, 20, pxPerMm, 0.25, 0.8f), dotOnPixel(40, 30, pxPerMm, 0.2, 0.6f)};
    render::SceneRenderer renderer;
    renderer.setDots(dots, pxPerMm);  // before any photo: drawn once there is one
    REQUIRE(renderer.dotLayerDraws() == 0);
    renderer.setPhoto(plainPhoto(100, 80, 200, 160, 140));
    render::RenderTarget target;
    target.resize({300, 200});
    renderer.render(target, {});
    REQUIRE(renderer.dotLayerDraws() == 1);

    core::ViewTransform view;
    for (int step = 0; step < 5; ++step) {
        view = core::zoomAt(view, {50, 40}, 1.5);
        view = core::panBy(view, {7, -3});
        renderer.render(target, view);
    }
    (void)renderer.renderToImage({64, 48}, view);
    REQUIRE(renderer.dotLayerDraws() == 1);

    renderer.setPhoto(plainPhoto(100, 80, 90, 70, 60));  // same size: the dots still fit
    const core::Image onNewPhoto = renderer.renderToImage({100, 80}, {});
    REQUIRE(renderer.dotLayerDraws() == 1);
    REQUIRE(int(onNewPhoto.at(5, 5)[0]) == Approx(90).margin(1));  // the new photo, under the same dots
    REQUIRE(onNewPhoto.at(20, 20)[0] < 80);
    renderer.setDots(dots, pxPerMm);
    renderer.setDots(dots, pxPerMm);  // two changes before a frame: one draw
    renderer.render(target, view);
    REQUIRE(renderer.dotLayerDraws() == 2);
    renderer.setPhoto(plainPhoto(120, 80, 90, 70, 60));
    renderer.render(target, view);
    REQUIRE(renderer.dotLayerDraws() == 3);
}

TEST_CASE("clearing the dots restores the photo exactly", "[render][dots]") {
    const core::Image photo = test::paintTestPhoto(120, 90);
    render::SceneRenderer renderer;
    renderer.setPhoto(photo);
    const core::Image photoOnly = renderer.renderToImage({120, 90}, {});
    renderer.setDots(std::vector<dots::Dot>{dotOnPixel(60, 45, 4.0, 0.3, 1.0f)}, 4.0);
    REQUIRE(test::compareImages(renderer.renderToImage({120, 90}, {}), photoOnly).maxChannelDiff > 20);
    renderer.clearDots();
    REQUIRE(test::imagesMatch(renderer.renderToImage({120, 90}, {}), photoOnly, 0, "dots_cleared"));
}

TEST_CASE("60000 dots draw into the layer", "[render][dots]") {
    const double pxPerMm = 4.0;
    const core::Image photo = plainPhoto(1000, 1300, 200, 160, 140);
    std::mt19937 random(7);
    std::uniform_real_distribution<double> x(0.0, 250.0), y(0.0, 325.0), size(0.15, 0.3), shade(0.4, 1.0);
    std::vector<dots::Dot> dots(60000);
    for (dots::Dot& dot : dots) {
        dot.positionMm = {x(random), y(random)};
        dot.diameterMm = size(random);
        dot.shade = float(shade(random));
        dot.ellipseRatio = float(1.0 + 0.5 * shade(random));
        dot.angleRad = float(3.0 * shade(random));
    }
    render::SceneRenderer renderer;
    renderer.setPhoto(photo);
    renderer.setDots(dots, pxPerMm);
    const core::ExportFrame frame = core::wholePhotoAtWidth({1000, 1300}, 1000);
    core::Image rendered;
    REQUIRE_NOTHROW(rendered = renderer.renderToImage(frame.size, frame.view));
    REQUIRE(renderer.dotLayerDraws() == 1);
    long long darkened = 0;
    for (std::size_t i = 0; i < rendered.pixels.size(); i += 3) darkened += rendered.pixels[i] < 195;
    REQUIRE(darkened > 30000);
}

TEST_CASE("dots need a positive photo scale", "[render][dots]") {
    render::SceneRenderer renderer;
    const std::vector<dots::Dot> dots(1);
    REQUIRE_THROWS_AS(renderer.setDots(dots, 0.0), std::invalid_argument);
    REQUIRE_THROWS_AS(renderer.setDots(dots, std::nan("")), std::invalid_argument);
}

namespace {

// Red over green in linear light, averaged over a rectangle.
double rednessRatio(const core::Image& image, int x0, int y0, int x1, int y1) {
    double red = 0.0, green = 0.0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) {
            red += test::decodeSrgb(image.at(x, y)[0]);
            green += test::decodeSrgb(image.at(x, y)[1]);
        }
    return red / green;
}

// Dots about 1 mm apart over x, y < sideMm (in mm), each with `redness`.
std::vector<preview::DotLook> treatedPatch(double sideMm, float redness) {
    std::mt19937 random(9);
    std::uniform_real_distribution<double> jitter(-0.2, 0.2);
    std::vector<preview::DotLook> dots;
    for (double y = 0.5; y < sideMm; y += 1.0)
        for (double x = 0.5; x < sideMm; x += 1.0) {
            preview::DotLook dot;
            dot.positionMm = {x + jitter(random), y + jitter(random)};
            dot.diameterMm = 0.25;
            dot.shade = 1.3f;
            dot.redness = redness;
            dots.push_back(dot);
        }
    return dots;
}

}  // namespace

TEST_CASE("fresh redness reddens the treated skin, evenly, and nothing far from it", "[render][dots][redness]") {
    const double pxPerMm = 10.0;  // the redness sigma, 1.2 mm, is 12 px
    core::Image photo = plainPhoto(400, 240, 215, 170, 150);  // fair skin, a shadow over the right half
    for (int y = 0; y < 240; ++y)
        for (int x = 60; x < 400; ++x) photo.at(x, y)[0] = 120, photo.at(x, y)[1] = 90, photo.at(x, y)[2] = 80;
    render::SceneRenderer renderer;
    renderer.setPhoto(photo);
    renderer.setDots(treatedPatch(12.0, 0.0f), pxPerMm);  // dots over x, y < 120 px
    const core::Image calm = renderer.renderToImage({400, 240}, {});
    renderer.setDots(treatedPatch(12.0, 1.0f), pxPerMm);
    const core::Image red = renderer.renderToImage({400, 240}, {});

    // Inside the treated patch, skin and dots together: redder (red over green up in linear light).
    const double calmRatio = rednessRatio(calm, 20, 20, 100, 100), redRatio = rednessRatio(red, 20, 20, 100, 100);
    INFO("R/G " << calmRatio << " -> " << redRatio);
    REQUIRE(redRatio > 1.12 * calmRatio);
    // Evenly red, in the light and in the shadow alike: across the middle of the patch the
    // reddening varies little from spot to spot.
    double least = 1e9, most = 0.0;
    for (int y = 30; y < 90; y += 10)
        for (int x = 30; x < 90; x += 10) {
            const double gain = rednessRatio(red, x, y, x + 10, y + 10) / rednessRatio(calm, x, y, x + 10, y + 10);
            least = std::min(least, gain), most = std::max(most, gain);
        }
    REQUIRE(most - least < 0.1 * (most - 1.0));
    // More than five sigmas (60 px) from every dot, exactly the image without redness.
    int compared = 0;
    for (int y = 0; y < 240; ++y)
        for (int x = 0; x < 400; ++x) {
            if (x < 120 + 60 && y < 120 + 60) continue;
            ++compared;
            for (int c = 0; c < 3; ++c) REQUIRE(red.at(x, y)[c] == calm.at(x, y)[c]);
        }
    REQUIRE(compared > 50000);

    // Close-ups filter the photo with the transmittance: it holds the redness too.
    core::ViewTransform closeUp;
    closeUp.zoom = 4.0;
    closeUp.offsetPx = {-4.0 * 40, -4.0 * 40};
    const core::Image redClose = renderer.renderToImage({200, 200}, closeUp);
    renderer.setDots(treatedPatch(12.0, 0.0f), pxPerMm);
    const core::Image calmClose = renderer.renderToImage({200, 200}, closeUp);
    REQUIRE(rednessRatio(redClose, 0, 0, 200, 200) > 1.12 * rednessRatio(calmClose, 0, 0, 200, 200));
}

TEST_CASE("a stray fresh dot only blushes, and dots with no redness are untouched by it", "[render][dots][redness]") {
    const double pxPerMm = 10.0;
    const core::Image photo = plainPhoto(300, 100, 200, 160, 140);
    preview::DotLook calmDot;
    calmDot.positionMm = {5.05, 5.05};
    calmDot.diameterMm = 0.25;
    calmDot.shade = 1.0f;
    preview::DotLook strayDot = calmDot;
    strayDot.positionMm = {25.05, 5.05};  // 20 mm away: far past its redness's reach

    render::SceneRenderer renderer;
    renderer.setPhoto(photo);
    renderer.setDots(std::vector<preview::DotLook>{calmDot, strayDot}, pxPerMm);
    const core::Image noRed = renderer.renderToImage({300, 100}, {});
    strayDot.redness = 1.0f;
    renderer.setDots(std::vector<preview::DotLook>{calmDot, strayDot}, pxPerMm);
    const core::Image oneRed = renderer.renderToImage({300, 100}, {});

    // Redness 0 leaves the image exactly as it was: the calm dot and its surroundings.
    for (int y = 0; y < 100; ++y)
        for (int x = 0; x < 150; ++x)
            for (int c = 0; c < 3; ++c) REQUIRE(oneRed.at(x, y)[c] == noRed.at(x, y)[c]);
    // The stray dot's skin blushes, faintly: a few levels of green at most, red kept.
    const int skinX = 250 + 8, skinY = 50;  // 0.8 mm from the dot, clear of its pigment
    const int greenDrop = int(noRed.at(skinX, skinY)[1]) - int(oneRed.at(skinX, skinY)[1]);
    INFO("green " << int(noRed.at(skinX, skinY)[1]) << " -> " << int(oneRed.at(skinX, skinY)[1]));
    REQUIRE(greenDrop >= 2);
    REQUIRE(greenDrop <= 12);
    REQUIRE(std::abs(int(oneRed.at(skinX, skinY)[0]) - int(noRed.at(skinX, skinY)[0])) <= 1);
}

TEST_CASE("an edit redraws the layer exactly as a fresh one draws it", "[render][dots]") {
    const double pxPerMm = 4.0;
    const core::Image photo = test::paintTestPhoto(640, 480);
    std::mt19937 random(21);
    std::uniform_real_distribution<double> x(0.0, 160.0), y(0.0, 120.0), unit(0.0, 1.0);
    std::vector<preview::DotLook> before(6000);
    for (preview::DotLook& dot : before) {
        dot.positionMm = {x(random), y(random)};
        dot.diameterMm = 0.15 + 0.15 * unit(random);
        dot.shade = float(0.5 + 0.5 * unit(random));
        dot.ellipseRatio = float(1.0 + 0.5 * unit(random));
        dot.angleRad = float(3.0 * unit(random));
    }
    std::vector<preview::DotLook> after = before;  // a hairline edit: the top band moves, some turn red
    for (preview::DotLook& dot : after)
        if (dot.positionMm.y < 15.0) {
            dot.positionMm.x += 0.4;
            dot.redness = dot.positionMm.x < 40.0 ? 1.0f : 0.0f;
        }

    render::SceneRenderer edited;
    edited.setPhoto(photo);
    edited.setDots(before, pxPerMm);
    (void)edited.renderToImage({640, 480}, {});
    edited.setDots(after, pxPerMm);
    render::SceneRenderer fresh;
    fresh.setPhoto(photo);
    fresh.setDots(after, pxPerMm);
    // At full size (the composite), zoomed out (its mipmaps) and zoomed in (the transmittance).
    REQUIRE(test::imagesMatch(edited.renderToImage({640, 480}, {}), fresh.renderToImage({640, 480}, {}), 0,
                              "dots_edited_full"));
    const core::ExportFrame small = core::wholePhotoAtWidth({640, 480}, 150);
    REQUIRE(test::imagesMatch(edited.renderToImage(small.size, small.view), fresh.renderToImage(small.size, small.view),
                              0, "dots_edited_small"));
    core::ViewTransform closeUp;
    closeUp.zoom = 3.0;
    closeUp.offsetPx = {-3.0 * 20, -3.0 * 10};
    REQUIRE(test::imagesMatch(edited.renderToImage({300, 200}, closeUp), fresh.renderToImage({300, 200}, closeUp), 0,
                              "dots_edited_close"));
    REQUIRE(edited.dotLayerDraws() == 2);
}

TEST_CASE("a photo wider than the layer's cap gets its dots on a resampled photo", "[render][dots]") {
    const double pxPerMm = 10.0;
    const int width = render::kMaxPigmentSide + 808;  // the layer is 8192 wide, the photo resampled to it
    const core::Image photo = plainPhoto(width, 24, 180, 150, 130);
    render::SceneRenderer renderer;
    renderer.setPhoto(photo);
    renderer.setDots(std::vector<dots::Dot>{dotOnPixel(width / 2, 12, pxPerMm, 0.4, 1.0f)}, pxPerMm);
    core::ViewTransform view;  // 1:1 around the dot
    view.offsetPx = {-(width / 2.0 - 32), 0.0};
    const core::Image rendered = renderer.renderToImage({64, 24}, view);
    REQUIRE(int(rendered.at(32, 12)[0]) < 180 - 40);
    for (auto [x, y] : {std::pair{2, 2}, {60, 20}, {10, 12}})
        for (int c = 0; c < 3; ++c) REQUIRE(std::abs(int(rendered.at(x, y)[c]) - int(photo.at(0, 0)[c])) <= 1);
}
