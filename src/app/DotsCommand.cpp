#include "app/DotsCommand.h"

#include "core/Errors.h"
#include "core/ProjectDots.h"
#include "vision/ClientDocument.h"

#include <cstdio>
#include <ostream>

namespace smp::app {

void runDotsCommand(const DotsRequest& request, std::ostream& out) {
    const vision::ClientDocument document = vision::openClientDocument(request.input);
    const dots::DotLayout layout =
        core::projectDots(document.project, {document.photo.width, document.photo.height});

    std::size_t first = 0;
    std::size_t end = layout.dots.size();
    if (request.session) {
        const auto k = static_cast<std::size_t>(*request.session);
        if (k > layout.sessionCount())
            throw core::UsageError("dots: --session " + std::to_string(k) + ": the plan has " +
                                   std::to_string(layout.sessionCount()) + " sessions");
        first = layout.sessionStart[k - 1];
        end = layout.sessionStart[k];
    }
    out << "x_mm,y_mm,diameter_mm,shade,session,shed\n";
    char line[160];
    for (std::size_t i = first; i < end; ++i) {
        const dots::Dot& d = layout.dots[i];
        // 4 decimals of a mm is a tenth of a micrometre: finer than any photo, short enough to read.
        std::snprintf(line, sizeof line, "%.4f,%.4f,%.4f,%.4f,%d,%d\n", d.positionMm.x, d.positionMm.y, d.diameterMm,
                      static_cast<double>(d.shade), d.session + 1, d.shedBeforeNext ? 1 : 0);
        out << line;
    }
}

}  // namespace smp::app
