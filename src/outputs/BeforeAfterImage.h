#pragma once
// The consultation's before and after at full photo resolution: side by side with a thin
// gutter, or split at a divider in one picture; each with its labels and a scale bar.

#include "outputs/ComposedPicture.h"
#include "outputs/ExportControl.h"
#include "outputs/ExportSettings.h"
#include "outputs/LabelFacts.h"
#include "outputs/PreviewRenderer.h"

namespace smp::outputs {

// Steps it reports through `steps`: 3 (before, after, labels).
inline constexpr int kBeforeAfterSteps = 3;

// The photo on the left, the skin at settings.after on the right, each `framed` part of the
// photo at its own resolution, or both halves and the gutter together settings.widthPx wide.
[[nodiscard]] ComposedPicture beforeAfterPicture(PreviewRenderer& renderer, const ExportSettings& settings,
                                                 const LabelFacts& facts, ExportSteps& steps);

// Steps: 2 (the split render, labels).
inline constexpr int kSplitSteps = 2;

// One picture: the photo left of settings.divider, the skin at settings.after right of it.
[[nodiscard]] ComposedPicture splitPicture(PreviewRenderer& renderer, const ExportSettings& settings,
                                           const LabelFacts& facts, ExportSteps& steps);

// The gutter between the halves of a before-after `totalWidthPx` wide: about 0.6% of a half,
// at least 2 px, and what makes the two halves equal.
[[nodiscard]] int gutterWidth(int totalWidthPx);

}  // namespace smp::outputs
