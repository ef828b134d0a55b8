#pragma once

#include "app/CommandLine.h"

namespace smp::app {

// Opens the SMP Studio window and runs it until the artist quits (or, with --frames, for that
// many frames). Returns the process exit code.
int runWindow(const WindowRequest& request);

}  // namespace smp::app
