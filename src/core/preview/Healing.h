#pragma once
// How the skin shows the work from one day to the next: fresh punctures are red, scabbed, darker
// and larger; scabs flake off between days 3 and 10; the colour settles by about five weeks.
// Every figure comes from ../shared/DOMAIN.md and is a default the artist can change.

#include "core/dots/DensityField.h"
#include "core/dots/MicrodotEngine.h"
#include "core/preview/DotLook.h"

#include <optional>
#include <vector>

namespace smp::preview {

inline constexpr int kMaxTimelineDay = 365;

// A point on the treatment's timeline: after `sessionsDone` sessions (0 = the photo as taken),
// `day` days after the last of them; no day: healed and settled.
struct TimelinePoint {
    int sessionsDone = 0;
    std::optional<double> day;

    friend bool operator==(const TimelinePoint&, const TimelinePoint&) = default;
};

struct HealingModel {
    double rednessDays = 3.0;        // the scalp is red for hours to about 3 days after a session
    double freshDarkening = 0.5;     // a fresh dot is up to this much darker than where it settles (+50%)
    double freshGrowth = 0.6;        // and this much larger: scab halo (fresh ~0.25 mm, healed ~0.15 mm)
    double scabDays = 3.0;           // scabs hold until about day 3 ...
    double flakedDay = 10.0;         // ... and are gone by day 10, taking most of the fading with them
    double settledDay = 35.0;        // the colour has settled by about five weeks
    double flakingShare = 0.75;      // share of the fresh extra darkness and size gone when the scabs are off
    double sessionAgeBlurMm = 0.02;  // older sessions look softer: extra spread per later session, mm sigma
    double sessionAgeFading = 0.05;  // and lighter: shade lost per later session
    double scarBlurMm = 0.06;        // scar tissue spreads pigment: extra spread on full scar, mm sigma
    double scarFading = 0.15;        // and takes it poorly: shade lost on full scar

    // Throws core::UsageError naming the parameter when a value is out of range.
    void validate() const;

    friend bool operator==(const HealingModel&, const HealingModel&) = default;
};

// The healing curves, by day after the session (negative days count as 0). Each goes from its
// fresh value at day 0 to its healed value from settledDay on.
[[nodiscard]] double rednessOn(const HealingModel& model, double day);     // 1 at day 0 .. 0 by rednessDays
[[nodiscard]] double freshnessOn(const HealingModel& model, double day);   // 1 at day 0 .. 0 when settled
[[nodiscard]] double sheddingOn(const HealingModel& model, double day);    // share of a shed dot gone: 0 until scabDays, 1 from flakedDay

// Every dot the skin shows at `when`: the sessions done so far, healed and settled except the
// last, which heals by `when.day`. Dots shed by an earlier session are gone; the last session's
// shed dots fade out as its scabs flake. `field` (may be null) gives the scar tissue, which
// softens and lightens the dots on it. Throws core::UsageError for a negative session count or a
// day outside 0..kMaxTimelineDay.
[[nodiscard]] std::vector<DotLook> skinAt(const dots::DotLayout& layout, const TimelinePoint& when,
                                          const HealingModel& model = {}, const dots::DensityField* field = nullptr);

}  // namespace smp::preview
