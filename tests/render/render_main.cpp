// The Catch2 main of the [render] tests: one headless EGL context for the whole run, made before
// any test, so that every test draws on Mesa's software rasteriser with no display.
#define CATCH_CONFIG_RUNNER
#include "render/HeadlessGl.h"
#include "render/RenderError.h"

#include <catch2/catch.hpp>

#include <iostream>

int main(int argc, char** argv) {
    try {
        smp::render::HeadlessGl gl;
        std::cerr << "render tests on " << gl.rendererName() << "\n";
        return Catch::Session().run(argc, argv);
    } catch (const smp::render::RenderError& error) {
        std::cerr << error.what() << "\n";
        return 1;
    }
}
