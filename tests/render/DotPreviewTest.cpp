// A healed hairline on painted skin, written to the test output folder for a person to look at:
// the numbers in the other tests say the dots are right, this says whether they look right.
#include "core/ViewTransform.h"
#include "render/SceneRenderer.h"
#include "vision/ImageWriter.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <random>
#include <vector>

using namespace smp;

namespace {

constexpr double kPxPerMm = 12.0;

// Light skin lit from the top left, with a soft shadow over the right third and faint pores.
core::Image paintSkin(int width, int height) {
    core::Image skin(width, height, 3);
    std::mt19937 random(11);
    std::normal_distribution<double> pore(0.0, 0.015);
    const double base[3] = {0.74, 0.48, 0.36};  // linear light
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const double light = 1.05 - 0.25 * (x + y) / double(width + height);
            const double shadow = 1.0 - 0.55 / (1.0 + std::exp(-(x - 0.7 * width) / 25.0));
            const double grain = 1.0 + pore(random);
            for (int c = 0; c < 3; ++c) {
                const double v = std::clamp(base[c] * light * shadow * grain, 0.0, 1.0);
                const double srgb = v <= 0.0031308 ? 12.92 * v : 1.055 * std::pow(v, 1 / 2.4) - 0.055;
                skin.at(x, y)[c] = std::uint8_t(std::lround(srgb * 255));
            }
        }
    return skin;
}

// Dots about 1 mm apart, never on a grid, thinning out over a faded front edge at frontMm.
std::vector<dots::Dot> hairline(double widthMm, double frontMm) {
    std::mt19937 random(5);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<dots::Dot> dots;
    for (double y = 0.5; y < frontMm + 6.0; y += 0.95)
        for (double x = 0.5; x < widthMm; x += 0.95) {
            const double fade = std::clamp((frontMm + 6.0 - y) / 6.0, 0.0, 1.0);
            if (unit(random) > fade) continue;
            dots::Dot dot;
            dot.positionMm = {x + 0.5 * (unit(random) - 0.5), y + 0.5 * (unit(random) - 0.5)};
            dot.diameterMm = 0.15 + 0.12 * unit(random);
            dot.shade = float(0.55 + 0.4 * unit(random) * (0.6 + 0.4 * fade));
            dot.ellipseRatio = float(1.0 + 0.4 * unit(random));
            dot.angleRad = float(3.14 * unit(random));
            dots.push_back(dot);
        }
    return dots;
}

double meanRed(const core::Image& image, int x0, int y0, int x1, int y1) {
    double sum = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) sum += image.at(x, y)[0];
    return sum / ((x1 - x0) * (y1 - y0));
}

}  // namespace

TEST_CASE("a preview of a healed hairline is written for a look", "[render][dots][preview]") {
    const core::Image skin = paintSkin(720, 480);
    render::SceneRenderer renderer;
    renderer.setPhoto(skin);
    renderer.setDots(hairline(60.0, 22.0), kPxPerMm);

    const core::Image whole = renderer.renderToImage({720, 480}, {});
    core::ViewTransform closeUp;  // 6x on the faded front, across the shadow's edge
    closeUp.zoom = 6.0;
    closeUp.offsetPx = {-6.0 * 440, -6.0 * 230};
    const core::Image zoomed = renderer.renderToImage({720, 480}, closeUp);
    const auto folder = std::filesystem::path(SMP_TEST_OUTPUT_DIR);
    vision::writeImage(whole, folder / "dot_layer_preview.png");
    vision::writeImage(zoomed, folder / "dot_layer_preview_zoom.png");

    REQUIRE(renderer.dotLayerDraws() == 1);
    REQUIRE(meanRed(whole, 20, 20, 300, 200) + 3 < meanRed(skin, 20, 20, 300, 200));  // dotted
    REQUIRE(meanRed(whole, 20, 400, 300, 470) == Approx(meanRed(skin, 20, 400, 300, 470)).margin(0.5));  // bare
}

TEST_CASE("a preview of a freshly done hairline, red and dark, is written for a look", "[render][dots][preview]") {
    const core::Image skin = paintSkin(720, 480);
    // Day 0: every dot darker and larger than healed, on inflamed skin.
    std::vector<preview::DotLook> fresh;
    for (const dots::Dot& dot : hairline(60.0, 22.0)) {
        preview::DotLook look = preview::settledLook(dot);
        look.shade *= 1.4f;
        look.diameterMm *= 1.5;
        look.redness = 1.0f;
        fresh.push_back(look);
    }
    render::SceneRenderer renderer;
    renderer.setPhoto(skin);
    renderer.setDots(fresh, kPxPerMm);
    const core::Image whole = renderer.renderToImage({720, 480}, {});
    vision::writeImage(whole, std::filesystem::path(SMP_TEST_OUTPUT_DIR) / "dot_layer_preview_fresh.png");

    // Treated skin between the dots turns pinkish-red: green and blue drop more than red does.
    auto mean = [&](const core::Image& image, int c) {
        double sum = 0;
        for (int y = 100; y < 200; ++y)
            for (int x = 20; x < 300; ++x) sum += image.at(x, y)[c];
        return sum / (100 * 280);
    };
    renderer.setDots(hairline(60.0, 22.0), kPxPerMm);
    const core::Image healed = renderer.renderToImage({720, 480}, {});
    const double redDrop = mean(healed, 0) - mean(whole, 0), greenDrop = mean(healed, 1) - mean(whole, 1);
    INFO("drops: red " << redDrop << ", green " << greenDrop);
    REQUIRE(greenDrop > redDrop + 8);
    // Bare skin more than 6 mm (72 px) past the last dots is the photo.
    REQUIRE(meanRed(whole, 20, 440, 300, 470) == Approx(meanRed(skin, 20, 440, 300, 470)).margin(0.5));
}
