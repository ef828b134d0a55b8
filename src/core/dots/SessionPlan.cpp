#include "core/dots/SessionPlan.h"

#include "core/Errors.h"

#include <cmath>
#include <sstream>
#include <string>

namespace smp::dots {

namespace {

void check(bool ok, const std::string& where, const std::string& what, double value, const std::string& range) {
    if (ok) return;
    std::ostringstream message;
    message << where << ": " << what << " is " << value << ", must be " << range;
    throw core::UsageError(message.str());
}

bool within(double v, double lo, double hi) {
    return std::isfinite(v) && v >= lo && v <= hi;
}

}  // namespace

SessionPlan SessionPlan::standard(int sessionCount) {
    if (sessionCount < 1 || sessionCount > kMaxSessions)
        throw core::UsageError("session plan: " + std::to_string(sessionCount) +
                               " sessions asked for; a plan has 1 to " + std::to_string(kMaxSessions));
    // Shares fall off so that the foundation and the main density come first (DOMAIN.md:
    // session 2 brings most of the density, later ones fine-tune). 3 sessions: 40/35/25.
    static const std::vector<std::vector<double>> kShares{
        {1.0},
        {0.55, 0.45},
        {0.40, 0.35, 0.25},
        {0.35, 0.30, 0.20, 0.15},
        {0.30, 0.27, 0.20, 0.13, 0.10},
        {0.27, 0.24, 0.18, 0.13, 0.10, 0.08},
        {0.25, 0.22, 0.16, 0.12, 0.10, 0.08, 0.07},
    };
    SessionPlan plan;
    const auto& shares = kShares[static_cast<std::size_t>(sessionCount - 1)];
    for (int k = 0; k < sessionCount; ++k) {
        Session s;
        s.densityShare = shares[static_cast<std::size_t>(k)];
        // Light to dark: a dilute first session, the darkest at the end.
        const double progress = sessionCount == 1 ? 1.0 : static_cast<double>(k) / (sessionCount - 1);
        s.shade = 0.55 + 0.30 * progress;
        // The fine-tuning sessions use a finer needle.
        s.needleMm = k + 1 == sessionCount && sessionCount > 2 ? 0.20 : 0.25;
        plan.sessions.push_back(s);
    }
    return plan;
}

void SessionPlan::validate() const {
    const int count = static_cast<int>(sessions.size());
    if (count < 1 || count > kMaxSessions)
        throw core::UsageError("session plan: it has " + std::to_string(count) + " sessions; a plan has 1 to " +
                               std::to_string(kMaxSessions));
    double total = 0.0;
    for (int k = 0; k < count; ++k) {
        const Session& s = sessions[static_cast<std::size_t>(k)];
        const std::string where = "session " + std::to_string(k + 1);
        check(within(s.densityShare, 1e-3, 1.0), where, "density share", s.densityShare, "in (0, 1]");
        check(within(s.shade, 0.0, 1.0), where, "shade", s.shade, "in [0, 1]");
        check(within(s.needleMm, 0.05, 1.5), where, "needle diameter (mm)", s.needleMm, "in [0.05, 1.5]");
        check(within(s.retention, 0.01, 1.0), where, "retention", s.retention, "in (0, 1]");
        check(within(s.scarRetention, 0.01, 1.0), where, "scar retention", s.scarRetention, "in (0, 1]");
        total += s.densityShare;
    }
    check(std::abs(total - 1.0) <= 1e-6, "session plan", "the sum of the density shares", total, "1");
    const Imperfection& i = imperfection;
    const std::string where = "imperfection";
    check(within(i.sizeJitter, 0.0, 0.5), where, "size jitter", i.sizeJitter, "in [0, 0.5]");
    check(within(i.shadeJitter, 0.0, 0.5), where, "shade jitter", i.shadeJitter, "in [0, 0.5]");
    check(within(i.maxEllipse, 1.0, 3.0), where, "largest ellipse ratio", i.maxEllipse, "in [1, 3]");
    check(within(i.follicularChance, 0.0, 1.0), where, "follicular unit chance", i.follicularChance, "in [0, 1]");
    check(within(i.tripleChance, 0.0, 1.0), where, "three-dot unit chance", i.tripleChance, "in [0, 1]");
    check(within(i.unitSpacing, 0.1, 1.0), where, "unit spacing", i.unitSpacing, "in [0.1, 1]");
    check(within(i.transitionScatter, 0.0, 0.5), where, "transition scatter", i.transitionScatter, "in [0, 0.5]");
    check(within(i.scarSpread, 0.0, 1.0), where, "scar spread", i.scarSpread, "in [0, 1]");
}

double SessionPlan::cumulativeShare(int session) const {
    double total = 0.0;
    for (int k = 0; k <= session && k < static_cast<int>(sessions.size()); ++k)
        total += sessions[static_cast<std::size_t>(k)].densityShare;
    return total;
}

}  // namespace smp::dots
