#pragma once

#include "app/CommandLine.h"

#include <iosfwd>

namespace smp::app {

// `smp-studio plan`: the treatment plan of the project (or of a bare photo's automatic design),
// as Markdown or JSON (core/plan/PlanReport.h documents the schema).
void runPlanCommand(const PlanRequest& request, std::ostream& out);

}  // namespace smp::app
