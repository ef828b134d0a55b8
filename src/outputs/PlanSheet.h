#pragma once
// The treatment plan on one printable page (A4 portrait): each session's date, dots, treated
// area, time, dilution and needle; scar notes; the aftercare schedule; and the before and after.
// The figures are plan::computePlan's, the same as `smp-studio plan` prints.

#include "core/plan/TreatmentPlan.h"
#include "outputs/ComposedPicture.h"
#include "outputs/ExportControl.h"
#include "outputs/ExportSettings.h"
#include "outputs/LabelFacts.h"
#include "outputs/PreviewRenderer.h"

namespace smp::outputs {

// Steps: the plan, the before, the after, the page.
inline constexpr int kPlanSheetSteps = 4;

// A4 (210 x 297 mm) at `dpi`: 1240 x 1754 px at 150 dpi.
[[nodiscard]] core::SizePx a4PageAt(int dpi);
// The page for the settings: a4PageAt(settings.dpi), or settings.widthPx wide in A4's proportion.
[[nodiscard]] core::SizePx planPageSize(const ExportSettings& settings);

// The plan as the sheet prints it: sessions from settings.start (else the consultation day),
// settings.daysBetweenSessions apart.
[[nodiscard]] plan::TreatmentPlan planFor(const PreviewRenderer& renderer, const ExportSettings& settings,
                                          const LabelFacts& facts);

[[nodiscard]] ComposedPicture planSheet(PreviewRenderer& renderer, const ExportSettings& settings,
                                        const LabelFacts& facts, ExportSteps& steps);

}  // namespace smp::outputs
