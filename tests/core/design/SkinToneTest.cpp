// Skin colour maths (CIELAB, ITA, bands, the dilution table) and the "match the sides and back"
// action that turns a stubble reading into targets and shades.

#include "core/Errors.h"
#include "core/design/ReferenceMatch.h"
#include "core/design/SkinTone.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace smp;
using namespace smp::design;
using Catch::Matchers::Contains;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void requireLab(const Lab& lab, double L, double a, double b, double tolerance) {
    CAPTURE(lab.L, lab.a, lab.b);
    REQUIRE(lab.L == Approx(L).margin(tolerance));
    REQUIRE(lab.a == Approx(a).margin(tolerance));
    REQUIRE(lab.b == Approx(b).margin(tolerance));
}

}  // namespace

TEST_CASE("sRGB to CIELAB matches the reference values", "[skin]") {
    requireLab(labFromSrgb(255, 255, 255), 100.0, 0.0, 0.0, 0.05);
    requireLab(labFromSrgb(0, 0, 0), 0.0, 0.0, 0.0, 0.05);
    requireLab(labFromSrgb(255, 0, 0), 53.24, 80.09, 67.20, 0.05);
    requireLab(labFromSrgb(0, 255, 0), 87.73, -86.18, 83.18, 0.05);
    requireLab(labFromSrgb(0, 0, 255), 32.30, 79.19, -107.86, 0.05);
    // sRGB 119 is the grey closest to L* 50 (50.03).
    requireLab(labFromSrgb(119, 119, 119), 50.0, 0.0, 0.0, 0.05);
    // The dark end of the curve takes the linear branch of both the sRGB and the CIE formula.
    requireLab(labFromSrgb(5, 5, 5), 1.3709, 0.0, 0.0, 0.001);
}

TEST_CASE("the mean of Lab colours is component-wise and refuses an empty list", "[skin]") {
    const std::vector<Lab> colours{{60, 10, 20}, {70, 14, 16}};
    requireLab(meanLab(colours), 65.0, 12.0, 18.0, 1e-12);
    REQUIRE_THROWS_AS(meanLab(std::vector<Lab>{}), core::UsageError);
}

TEST_CASE("ITA is atan((L* - 50) / b*) and stays defined at and below b* = 0", "[skin]") {
    REQUIRE(itaDegrees({50.0 + 10.0 * std::sqrt(3.0), 5.0, 10.0}) == Approx(60.0).margin(1e-9));
    REQUIRE(itaDegrees({60.0, 5.0, 10.0}) == Approx(45.0).margin(1e-9));
    REQUIRE(itaDegrees({40.0, 5.0, 10.0}) == Approx(-45.0).margin(1e-9));
    REQUIRE(itaDegrees({70.0, 0.0, 0.0}) == Approx(90.0));
    REQUIRE(itaDegrees({30.0, 0.0, 0.0}) == Approx(-90.0));
    REQUIRE(itaDegrees({50.0, 0.0, 0.0}) == Approx(0.0));
    // Bluish colours: past 90 when light, past -90 when dark, so the bands still read right.
    REQUIRE(itaDegrees({70.0, 0.0, -5.0}) > 90.0);
    REQUIRE(bandFromIta(itaDegrees({70.0, 0.0, -5.0})) == SkinBand::VeryLight);
    REQUIRE(itaDegrees({30.0, 0.0, -5.0}) < -90.0);
    REQUIRE(bandFromIta(itaDegrees({30.0, 0.0, -5.0})) == SkinBand::Dark);
}

TEST_CASE("skin bands follow DOMAIN.md and a threshold belongs to the darker band", "[skin]") {
    REQUIRE(bandFromIta(80.0) == SkinBand::VeryLight);
    REQUIRE(bandFromIta(55.0001) == SkinBand::VeryLight);
    REQUIRE(bandFromIta(55.0) == SkinBand::Light);
    REQUIRE(bandFromIta(41.0001) == SkinBand::Light);
    REQUIRE(bandFromIta(41.0) == SkinBand::Intermediate);
    REQUIRE(bandFromIta(28.0001) == SkinBand::Intermediate);
    REQUIRE(bandFromIta(28.0) == SkinBand::Tan);
    REQUIRE(bandFromIta(10.0001) == SkinBand::Tan);
    REQUIRE(bandFromIta(10.0) == SkinBand::Brown);
    REQUIRE(bandFromIta(-29.9999) == SkinBand::Brown);
    REQUIRE(bandFromIta(-30.0) == SkinBand::Dark);
    REQUIRE(bandFromIta(-70.0) == SkinBand::Dark);
    REQUIRE_THROWS_AS(bandFromIta(kNaN), core::UsageError);
    REQUIRE(bandName(SkinBand::VeryLight) == "very light");
    REQUIRE(bandName(SkinBand::Intermediate) == "intermediate");
    REQUIRE(bandName(SkinBand::Dark) == "dark");
}

TEST_CASE("the standard dilution table goes light to dark with the skin", "[skin]") {
    const DilutionTable table = DilutionTable::standard();
    REQUIRE_NOTHROW(table.validate());
    for (int i = 1; i < kSkinBandCount; ++i) {
        const ShadeRange lighter = table.byBand[static_cast<std::size_t>(i - 1)];
        const ShadeRange darker = table.byBand[static_cast<std::size_t>(i)];
        CAPTURE(i);
        REQUIRE(darker.firstShade > lighter.firstShade);
        REQUIRE(darker.lastShade > lighter.lastShade);
    }
    // Intermediate skin gets the session plan's own defaults.
    REQUIRE(table[SkinBand::Intermediate].firstShade == Approx(0.55));
    REQUIRE(table[SkinBand::Intermediate].lastShade == Approx(0.85));
}

TEST_CASE("suggested shades interpolate the band's range across the sessions", "[skin]") {
    DilutionTable table = DilutionTable::standard();
    table[SkinBand::Light] = {0.40, 0.70};
    const auto three = suggestedShades(table, SkinBand::Light, 3);
    REQUIRE(three.size() == 3);
    REQUIRE(three[0] == Approx(0.40));
    REQUIRE(three[1] == Approx(0.55));
    REQUIRE(three[2] == Approx(0.70));
    REQUIRE(suggestedShades(table, SkinBand::Light, 1) == std::vector<double>{0.70});
    REQUIRE_THROWS_WITH(suggestedShades(table, SkinBand::Light, 0), Contains("0 sessions"));
    REQUIRE_THROWS_AS(suggestedShades(table, SkinBand::Light, 8), core::UsageError);
}

TEST_CASE("an edited dilution table is checked and the message names band and value", "[skin]") {
    DilutionTable table = DilutionTable::standard();
    table[SkinBand::Tan].lastShade = 1.2;
    REQUIRE_THROWS_AS(table.validate(), core::UsageError);
    REQUIRE_THROWS_WITH(table.validate(), Contains("tan skin") && Contains("last-session shade is 1.2"));
    table = DilutionTable::standard();
    table[SkinBand::VeryLight].firstShade = kNaN;
    REQUIRE_THROWS_WITH(table.validate(), Contains("very light skin") && Contains("first-session shade is nan"));
    table = DilutionTable::standard();
    table[SkinBand::Dark] = {0.9, 0.8};
    REQUIRE_THROWS_WITH(table.validate(), Contains("dark skin") && Contains("light to dark"));
    REQUIRE_THROWS_AS(suggestedShades(table, SkinBand::Light, 3), core::UsageError);
}

TEST_CASE("a shade reads as parts of pigment and water", "[skin]") {
    REQUIRE(dilutionText(1.0) == "undiluted pigment");
    REQUIRE(dilutionText(0.0) == "water only, no pigment");
    REQUIRE(dilutionText(0.25) == "1 part pigment : 3 parts water");
    REQUIRE(dilutionText(0.5) == "1 part pigment : 1 part water");
    REQUIRE(dilutionText(0.4) == "1 part pigment : 1.5 parts water");
    REQUIRE(dilutionText(2.0 / 3.0) == "2 parts pigment : 1 part water");
    REQUIRE(dilutionText(0.55) == "1.2 parts pigment : 1 part water");
    REQUIRE(dilutionText(0.85) == "5.7 parts pigment : 1 part water");
    REQUIRE_THROWS_WITH(dilutionText(-0.1), Contains("shade -0.1"));
    REQUIRE_THROWS_AS(dilutionText(kNaN), core::UsageError);
}

TEST_CASE("matching the reference sets the density and ends the plan at the stubble's shade", "[reference]") {
    DensityTargets targets;
    dots::SessionPlan plan = dots::SessionPlan::standard(3);  // 0.55, 0.70, 0.85
    const ReferenceApplied applied = matchReference({85.0, 0.75}, targets, plan);
    REQUIRE(targets.fullDotsPerCm2 == Approx(85.0));
    REQUIRE_FALSE(applied.densityClamped);
    REQUIRE_FALSE(applied.spacingCompressed);
    // The last session takes the measured shade; the 0.15 steps between sessions are kept.
    REQUIRE(plan.sessions[2].shade == Approx(0.75));
    REQUIRE(plan.sessions[1].shade == Approx(0.60));
    REQUIRE(plan.sessions[0].shade == Approx(0.45));
    REQUIRE_NOTHROW(plan.validate());
    // Only the shades changed.
    REQUIRE(plan.sessions[0].densityShare == Approx(0.40));
    REQUIRE(targets.frontShare == DensityTargets{}.frontShare);
}

TEST_CASE("a measured density outside 20-150 /cm2 is clamped and says so", "[reference]") {
    DensityTargets targets;
    dots::SessionPlan plan = dots::SessionPlan::standard(2);
    ReferenceApplied applied = matchReference({240.0, 0.8}, targets, plan);
    REQUIRE(targets.fullDotsPerCm2 == kMaxReferenceDotsPerCm2);
    REQUIRE(applied.densityClamped);
    REQUIRE(applied.measuredDotsPerCm2 == 240.0);
    applied = matchReference({6.0, 0.8}, targets, plan);
    REQUIRE(targets.fullDotsPerCm2 == kMinReferenceDotsPerCm2);
    REQUIRE(applied.densityClamped);
    applied = matchReference({150.0, 0.8}, targets, plan);
    REQUIRE(targets.fullDotsPerCm2 == 150.0);
    REQUIRE_FALSE(applied.densityClamped);
}

TEST_CASE("a light reference shrinks the light-to-dark steps instead of reaching plain water", "[reference]") {
    DensityTargets targets;
    dots::SessionPlan plan = dots::SessionPlan::standard(4);  // 0.55, 0.65, 0.75, 0.85
    const ReferenceApplied applied = matchReference({60.0, 0.35}, targets, plan);
    REQUIRE(applied.spacingCompressed);
    // Steps 0.30/0.20/0.10 below the last shrink by (0.35 - 0.15) / 0.30.
    REQUIRE(plan.sessions[0].shade == Approx(kLightestMatchedShade));
    REQUIRE(plan.sessions[1].shade == Approx(0.35 - 0.20 * 2.0 / 3.0));
    REQUIRE(plan.sessions[2].shade == Approx(0.35 - 0.10 * 2.0 / 3.0));
    REQUIRE(plan.sessions[3].shade == Approx(0.35));
    for (std::size_t k = 1; k < plan.sessions.size(); ++k) REQUIRE(plan.sessions[k].shade > plan.sessions[k - 1].shade);

    // Lighter than the floor itself: every session gets the measured shade.
    dots::SessionPlan faint = dots::SessionPlan::standard(3);
    matchReference({60.0, 0.1}, targets, faint);
    for (const dots::Session& s : faint.sessions) REQUIRE(s.shade == Approx(0.1));
}

TEST_CASE("a bad reading or plan is refused and changes nothing", "[reference]") {
    DensityTargets targets;
    dots::SessionPlan plan = dots::SessionPlan::standard(3);
    const DensityTargets targetsBefore = targets;
    const dots::SessionPlan planBefore = plan;
    REQUIRE_THROWS_WITH(matchReference({kNaN, 0.7}, targets, plan), Contains("density is nan"));
    REQUIRE_THROWS_WITH(matchReference({-5.0, 0.7}, targets, plan), Contains("density is -5"));
    REQUIRE_THROWS_WITH(matchReference({0.0, 0.7}, targets, plan), Contains("was any stubble found"));
    REQUIRE_THROWS_WITH(matchReference({60.0, kNaN}, targets, plan), Contains("shade is nan"));
    REQUIRE_THROWS_WITH(matchReference({60.0, 0.0}, targets, plan), Contains("shade is 0"));
    REQUIRE_THROWS_WITH(matchReference({60.0, 1.5}, targets, plan), Contains("shade is 1.5"));
    dots::SessionPlan empty;
    REQUIRE_THROWS_AS(matchReference({60.0, 0.7}, targets, empty), core::UsageError);
    REQUIRE(targets == targetsBefore);
    for (std::size_t k = 0; k < plan.sessions.size(); ++k)
        REQUIRE(plan.sessions[k].shade == planBefore.sessions[k].shade);
}
