#include "core/ViewTransform.h"
#include "render/PhotoTexture.h"
#include "render/RenderError.h"
#include "render/SceneRenderer.h"

#include "ImageCompare.h"
#include "LinearLight.h"
#include "PaintedPhotos.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace smp;

TEST_CASE("a full-width render reproduces the photo's pixels", "[render]") {
    const core::Image photo = test::paintTestPhoto(320, 240);
    render::SceneRenderer renderer;
    renderer.setPhoto(photo);
    const core::ExportFrame frame = core::wholePhotoAtWidth({photo.width, photo.height}, photo.width);
    const core::Image rendered = renderer.renderToImage(frame.size, frame.view);
    // Tolerance 1: the sRGB decode/encode round trip of 8-bit values.
    REQUIRE(test::imagesMatch(rendered, photo, 1, "render_full_width"));
}

TEST_CASE("a half-width render averages the photo in linear light", "[render]") {
    const core::Image photo = test::paintTestPhoto(320, 240);
    render::SceneRenderer renderer;
    renderer.setPhoto(photo);
    const core::ExportFrame frame = core::wholePhotoAtWidth({photo.width, photo.height}, 160);
    const core::Image rendered = renderer.renderToImage(frame.size, frame.view);
    // Tolerance 2: one resampling step against the reference filter.
    REQUIRE(test::imagesMatch(rendered, test::halveInLinearLight(photo), 2, "render_half_width"));
}

TEST_CASE("the photo lands where the view transform puts it, on the canvas backdrop", "[render]") {
    const core::Image photo = test::paintTestPhoto(100, 50);
    render::SceneRenderer renderer;
    renderer.setPhoto(photo);
    core::ViewTransform view;
    view.offsetPx = {30, 70};
    const core::Image rendered = renderer.renderToImage({200, 200}, view);

    const std::uint8_t* backdrop = rendered.at(5, 5);
    REQUIRE(backdrop[0] == 41);  // sRGB 0.16, the neutral grey around the photo
    REQUIRE(backdrop[1] == 41);
    REQUIRE(backdrop[2] == 41);
    for (auto [x, y] : {std::pair{0, 0}, {99, 0}, {0, 49}, {99, 49}, {57, 23}}) {
        const std::uint8_t* drawn = rendered.at(30 + x, 70 + y);
        const std::uint8_t* source = photo.at(x, y);
        for (int c = 0; c < 3; ++c) REQUIRE(std::abs(int(drawn[c]) - int(source[c])) <= 1);
    }
    REQUIRE(rendered.at(29, 70)[0] == 41);   // just left of the photo
    REQUIRE(rendered.at(130, 70)[0] == 41);  // just right of it
}

TEST_CASE("transparent parts of a photo show the backdrop", "[render]") {
    core::Image photo = test::paintTestPhoto(64, 64, 4);
    for (int y = 0; y < 32; ++y)
        for (int x = 0; x < 64; ++x) photo.at(x, y)[3] = 0;
    render::SceneRenderer renderer;
    renderer.setPhoto(photo);
    const core::Image rendered = renderer.renderToImage({64, 64}, {});
    REQUIRE(rendered.at(10, 10)[0] == 41);
    REQUIRE(std::abs(int(rendered.at(10, 50)[0]) - int(photo.at(10, 50)[0])) <= 1);
}

TEST_CASE("no photo renders the backdrop alone", "[render]") {
    render::SceneRenderer renderer;
    const core::Image rendered = renderer.renderToImage({16, 8}, {});
    REQUIRE(rendered.width == 16);
    REQUIRE(rendered.height == 8);
    for (std::uint8_t v : rendered.pixels) REQUIRE(v == 41);
}

TEST_CASE("a photo wider than the GPU allows is shrunk to fit and still drawn whole", "[render]") {
    GLint maxSize = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &maxSize);
    core::Image tooWide(maxSize + 1, 512, 3);
    for (int y = 0; y < tooWide.height; ++y)
        for (int x = 0; x < tooWide.width; ++x) {
            std::uint8_t* p = tooWide.at(x, y);
            p[0] = x < tooWide.width / 2 ? 200 : 10;  // red left half, blue right half
            p[2] = x < tooWide.width / 2 ? 10 : 200;
        }
    const render::PhotoTexture texture(tooWide);
    REQUIRE(texture.shrinkFactor() == 2);
    REQUIRE(texture.size() == core::SizePx{maxSize + 1, 512});

    render::SceneRenderer renderer;
    renderer.setPhoto(tooWide);
    const core::ExportFrame frame = core::wholePhotoAtWidth(renderer.photoSize(), 64);
    const core::Image rendered = renderer.renderToImage(frame.size, frame.view);
    REQUIRE(rendered.width == 64);
    REQUIRE(int(rendered.at(4, 0)[0]) == Approx(200).margin(2));
    REQUIRE(int(rendered.at(60, 0)[2]) == Approx(200).margin(2));
}

TEST_CASE("render targets refuse an empty size", "[render]") {
    render::RenderTarget target;
    REQUIRE_THROWS_AS(target.resize({0, 10}), render::RenderError);
}
