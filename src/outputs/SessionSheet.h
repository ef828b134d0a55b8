#pragma once
// One sheet for the client: the photo, then the preview after each session, healed and settled;
// optionally each session's day 1 above its settled look ("session 1 looks too light" is the
// worry it answers: day 1 is darker and redder, settled is what stays).

#include "outputs/ComposedPicture.h"
#include "outputs/ExportControl.h"
#include "outputs/ExportSettings.h"
#include "outputs/LabelFacts.h"
#include "outputs/PreviewRenderer.h"

namespace smp::outputs {

inline constexpr int kDefaultSheetWidthPx = 2400;

// Steps: one per picture (1 + sessions, or 1 + 2 x sessions with day 1), and the labels.
[[nodiscard]] int sessionSheetSteps(int sessionCount, bool dayOne);

// settings.widthPx wide (kDefaultSheetWidthPx when absent); the height follows the photo.
[[nodiscard]] ComposedPicture sessionSheet(PreviewRenderer& renderer, const ExportSettings& settings,
                                           const LabelFacts& facts, ExportSteps& steps);

}  // namespace smp::outputs
