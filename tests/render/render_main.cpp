// The Catch2 main of the [render] tests: one headless EGL context for the whole run, made before
// any test, so that every test draws on Mesa's software rasteriser with no display. Listing the
// tests (CTest's discovery at build time) needs no context and makes none.
#define CATCH_CONFIG_RUNNER
#include "render/HeadlessGl.h"
#include "render/RenderError.h"

#include <catch2/catch.hpp>

#include <iostream>
#include <optional>

int main(int argc, char** argv) {
    Catch::Session session;
    if (const int status = session.applyCommandLine(argc, argv); status != 0) return status;
    const Catch::ConfigData& config = session.configData();
    const bool listingOnly = config.listTests || config.listTestNamesOnly || config.listTags || config.listReporters;
    try {
        std::optional<smp::render::HeadlessGl> gl;
        if (!listingOnly) {
            gl.emplace();
            std::cerr << "render tests on " << gl->rendererName() << "\n";
        }
        return session.run();
    } catch (const smp::render::RenderError& error) {
        std::cerr << error.what() << "\n";
        return 1;
    }
}
