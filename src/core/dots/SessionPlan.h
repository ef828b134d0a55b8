#pragma once
// How the treatment is split into sessions and how imperfect the dots are. Every default comes
// from ../shared/DOMAIN.md (practitioner figures: defaults the artist can change, never constants).

#include <vector>

namespace smp::dots {

inline constexpr int kMaxSessions = 7;

struct Session {
    double densityShare = 0.40;   // share of the final density this session brings, (0, 1]
    double shade = 0.60;          // pigment strength of its dilution: 0 water .. 1 undiluted
    double needleMm = 0.25;       // nominal healed dot diameter, mm (needles are 0.18-0.30)
    double retention = 0.85;      // share of its dots still there at the next session (0, 1]
    double scarRetention = 0.60;  // the same on scar tissue, which takes pigment poorly

    friend bool operator==(const Session&, const Session&) = default;
};

// "Perfectly imperfect": what keeps a layout from looking printed.
struct Imperfection {
    double sizeJitter = 0.12;         // standard deviation of a dot's diameter, share of the needle
    double shadeJitter = 0.05;        // standard deviation of a dot's shade, in shade units (0..1)
    double maxEllipse = 1.30;         // largest long/short axis ratio (1 = perfectly round)
    double follicularChance = 0.08;   // chance a dot on full-density skin starts a follicular unit
    double tripleChance = 0.30;       // chance such a unit has three dots rather than two
    double unitSpacing = 0.40;        // distance of a unit's extra dots from its first, share of the spacing
    double transitionScatter = 0.25;  // largest nudge of a dot at the front of a faded hairline, share of the spacing
    double scarSpread = 0.25;         // extra diameter on scar tissue, share of the needle (pigment spreads)

    friend bool operator==(const Imperfection&, const Imperfection&) = default;
};

struct SessionPlan {
    std::vector<Session> sessions;
    Imperfection imperfection;

    // 1 to 7 sessions, lighter pigment and more density first: 3 sessions give 40/35/25%.
    static SessionPlan standard(int sessionCount = 3);

    // Throws core::UsageError naming the session and the value when something is out of range.
    void validate() const;

    // Share of the final density placed by sessions 0..k.
    [[nodiscard]] double cumulativeShare(int session) const;

    friend bool operator==(const SessionPlan&, const SessionPlan&) = default;
};

}  // namespace smp::dots
