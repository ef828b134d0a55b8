#pragma once

#include "app/CommandLine.h"

namespace smp::app {

// `smp-studio render`: headless through EGL; needs no display. Throws the typed errors that
// main maps to exit codes.
void runRenderCommand(const RenderRequest& request);

}  // namespace smp::app
