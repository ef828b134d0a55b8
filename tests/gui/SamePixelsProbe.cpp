// Renders a project's canvas the way the window does (SceneRenderer into a RenderTarget) in the
// GL context named on the command line, and writes the pixels as PNGs for SamePixelsTest:
//   smp-same-pixels-probe --window|--headless PROJECT OUTPUT_FOLDER
// --window makes the context the way WindowApp does (GLFW, 3.3 core, forward compatible) with the
// window hidden, so it needs an X display (xvfb-run); --headless uses HeadlessGl, the exports'
// EGL context, and needs none. Writes closeup.png (zoomed in on the dots and panned by a
// fraction of a pixel), overview.png (zoomed out, through the mipmaps) and closeup-no-dots.png
// (the close-up without the dots, so the test can tell the dots are in view), and prints
// "dots: N" and "renderer: NAME".

#include "core/ProjectDots.h"
#include "core/ViewTransform.h"
#include "render/HeadlessGl.h"
#include "render/RenderTarget.h"
#include "render/SceneRenderer.h"
#include "render/WindowFramebuffer.h"
#include "vision/ClientDocument.h"
#include "vision/ImageWriter.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

using namespace smp;

namespace {

// The canvas of a 1280x800 window less its side panel: not a power of two, not square.
constexpr core::SizePx kCanvasPx{900, 640};

class HiddenGlfwWindow {
public:
    HiddenGlfwWindow() {
        glfwSetErrorCallback([](int code, const char* text) { std::cerr << "GLFW error " << code << ": " << text << "\n"; });
        if (!glfwInit()) throw std::runtime_error("glfwInit failed: no display (run under xvfb-run)");
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
        glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
        window_ = glfwCreateWindow(320, 200, "same pixels probe", nullptr, nullptr);
        if (!window_) {
            glfwTerminate();
            throw std::runtime_error("cannot create an OpenGL 3.3 core window");
        }
        glfwMakeContextCurrent(window_);
    }
    ~HiddenGlfwWindow() {
        glfwDestroyWindow(window_);
        glfwTerminate();
    }
    HiddenGlfwWindow(const HiddenGlfwWindow&) = delete;
    HiddenGlfwWindow& operator=(const HiddenGlfwWindow&) = delete;

private:
    GLFWwindow* window_ = nullptr;
};

// A dot half way down the treated area: a real dot, so the close-up is among dots (the mean of
// a hairline band's dots can fall on bare forehead).
core::Vec2 middleDotMm(std::vector<preview::DotLook> dots) {
    if (dots.empty()) throw std::runtime_error("the project has no dots to compare");
    const auto middle = dots.begin() + std::ptrdiff_t(dots.size() / 2);
    std::nth_element(dots.begin(), middle, dots.end(),
                     [](const preview::DotLook& a, const preview::DotLook& b) { return a.positionMm.y < b.positionMm.y; });
    return middle->positionMm;
}

void renderViews(const std::filesystem::path& project, const std::filesystem::path& output) {
    const vision::ClientDocument document = vision::openClientDocument(project);
    const core::SizePx photoSize{document.photo.width, document.photo.height};
    // What the canvas shows on opening: the project's own point of the timeline.
    const std::vector<preview::DotLook> dots =
        core::projectSkin(document.project, photoSize, core::timelinePoint(document.project.timeline)).looks;
    const double pxPerMm = document.project.scale.pxPerMm;
    std::cout << "dots: " << dots.size() << "\n" << "renderer: " << render::currentRendererName() << "\n";

    render::SceneRenderer renderer;
    renderer.setPhoto(document.photo);
    renderer.setDots(std::span<const preview::DotLook>(dots), pxPerMm);
    render::RenderTarget target;
    target.resize(kCanvasPx);
    const auto renderTo = [&](const core::ViewTransform& view, const std::string& file) {
        renderer.render(target, view);
        vision::writeImage(target.read(3), output / file);
    };

    // As an artist gets there: fit, zoom in on the treated area with the wheel, drag a little.
    const core::ViewTransform fitted = core::fitToView(photoSize, kCanvasPx, 16.0);
    const core::Vec2 treatedPx = middleDotMm(dots) * pxPerMm;
    const core::Vec2 treated = fitted.toView(treatedPx);
    const core::Vec2 canvasCentre{kCanvasPx.width * 0.5, kCanvasPx.height * 0.5};
    // Ten wheel notches (1.2 each, as CanvasPanel zooms): past 1 view px per texel, so the
    // close-up filter runs, and the drag leaves the photo a fraction of a pixel off the grid.
    core::ViewTransform closeUp = core::zoomAt(fitted, treated, std::pow(1.2, 10));
    closeUp = core::panBy(closeUp, canvasCentre - closeUp.toView(treatedPx) + core::Vec2{13.3, -7.6});
    renderTo(closeUp, "closeup.png");
    // One notch out from the fit: a quarter of the photo's pixels, through the composite's mipmaps.
    renderTo(core::zoomAt(fitted, canvasCentre, 1.0 / 1.2), "overview.png");
    renderer.clearDots();
    renderTo(closeUp, "closeup-no-dots.png");
    std::cout << "close-up zoom: " << closeUp.zoom << "\n";
}

}  // namespace

int main(int argc, char** argv) {
    const std::string mode = argc == 4 ? argv[1] : "";
    if (mode != "--window" && mode != "--headless") {
        std::cerr << "usage: " << argv[0] << " --window|--headless PROJECT OUTPUT_FOLDER\n";
        return 2;
    }
    try {
        std::unique_ptr<HiddenGlfwWindow> window;
        std::optional<render::HeadlessGl> headless;
        if (mode == "--window") window = std::make_unique<HiddenGlfwWindow>();
        else headless.emplace();
        std::cout << "context: " << (window ? "GLFW window" : "headless EGL") << "\n";
        renderViews(argv[2], argv[3]);
        return 0;
    } catch (const std::exception& error) {
        std::cerr << argv[0] << ": " << error.what() << "\n";
        return 1;
    }
}
