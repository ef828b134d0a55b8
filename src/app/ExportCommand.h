#pragma once

#include "app/CommandLine.h"

#include <iosfwd>

namespace smp::app {

// `smp-studio export`: the consultation outputs (src/outputs), headless through EGL. Prints what
// was written on `out`; on `err` a progress line when `err` is a terminal, and every note the
// artist should hear about (the time-lapse's PNG fallback above all). Ctrl+C cancels at the next
// step, leaving no file (outputs::ExportCancelled). Throws the typed errors that main maps to
// exit codes.
void runExportCommand(const ExportRequest& request, std::ostream& out, std::ostream& err, bool errIsTerminal);

}  // namespace smp::app
