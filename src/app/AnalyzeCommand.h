#pragma once

#include "app/CommandLine.h"

#include <iosfwd>

namespace smp::app {

// `smp-studio analyze`: what the photo analysis finds, as text for the artist or as JSON.
void runAnalyzeCommand(const AnalyzeRequest& request, std::ostream& out);

}  // namespace smp::app
