#pragma once

#include "app/CommandLine.h"

#include <iosfwd>

namespace smp::app {

// `smp-studio dots`: every dot of the project (or of a bare photo's automatic design) as CSV.
void runDotsCommand(const DotsRequest& request, std::ostream& out);

}  // namespace smp::app
