#pragma once
// The client's skin tone in numbers, and what it suggests for the dilution of each session.
//
// The photo gives sRGB; CIELAB (D65) makes lightness and yellowness separate axes, and the
// individual typology angle ITA = atan((L* - 50) / b*) turns them into one angle that sorts skin
// from very light to dark (DOMAIN.md, "Pigment and skin"). Pure math: no photo pixels here.

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace smp::design {

// CIELAB under the D65 white: L* 0 (black) .. 100 (white), a* green- / red+, b* blue- / yellow+.
struct Lab {
    double L = 0.0;
    double a = 0.0;
    double b = 0.0;

    friend bool operator==(const Lab&, const Lab&) = default;
};

// 8-bit sRGB values (0..255, fractional allowed) to CIELAB, with the IEC 61966-2-1 transfer curve
// and matrix and the CIE 15 formulas; the formulas are spelt out in SkinTone.cpp.
[[nodiscard]] Lab labFromSrgb(double r, double g, double b);

// Component-wise mean. Throws core::UsageError for an empty list.
[[nodiscard]] Lab meanLab(std::span<const Lab> colours);

// The individual typology angle in degrees, in (-180, 180]. For b* > 0 (every real skin) it is
// atan((L* - 50) / b*); the atan2 form extends it past b* <= 0 without a division by zero:
// a bluish light colour lands above 90 (very light), a bluish dark one below -90 (dark), and
// b* = 0 gives +90 or -90 by the sign of L* - 50 (0 for the L* = 50 grey).
[[nodiscard]] double itaDegrees(const Lab& lab);

enum class SkinBand { VeryLight, Light, Intermediate, Tan, Brown, Dark };
inline constexpr int kSkinBandCount = 6;

// DOMAIN.md's bands. Each threshold belongs to the darker band (Del Bino and Chardon's
// convention, upper bounds inclusive): 55 is light, 41 intermediate, 28 tan, 10 brown and -30
// dark. Above 55 very light; at or below -30 dark. Throws core::UsageError for NaN.
[[nodiscard]] SkinBand bandFromIta(double itaDegrees);

// "very light", "light", "intermediate", "tan", "brown", "dark".
[[nodiscard]] std::string_view bandName(SkinBand band);

// Shades are pigment strength as in dots::Session: the share of pigment in the mix by volume,
// 0 plain water .. 1 undiluted.
struct ShadeRange {
    double firstShade = 0.55;  // session 1: the most water, the lightest dot
    double lastShade = 0.85;   // the final session: the darkest

    friend bool operator==(const ShadeRange&, const ShadeRange&) = default;
};

// Skin band -> shades. No published map from skin type to dilution exists (DOMAIN.md), so this
// is the artist's table: standard() is only a starting point following the trade's rule (light
// skin takes more water, dark skin less), and every entry can be edited.
struct DilutionTable {
    std::array<ShadeRange, kSkinBandCount> byBand{};

    [[nodiscard]] static DilutionTable standard();

    [[nodiscard]] ShadeRange& operator[](SkinBand band) { return byBand[static_cast<std::size_t>(band)]; }
    [[nodiscard]] const ShadeRange& operator[](SkinBand band) const {
        return byBand[static_cast<std::size_t>(band)];
    }

    // Throws core::UsageError naming the band and the value: shades must lie in [0, 1] and the
    // first session may not be darker than the last.
    void validate() const;

    friend bool operator==(const DilutionTable&, const DilutionTable&) = default;
};

// One shade per session, evenly from the band's first to its last shade (a single session gets
// the last shade: it has to carry the final look alone). Throws core::UsageError for an invalid
// table or a session count outside 1..dots::kMaxSessions.
[[nodiscard]] std::vector<double> suggestedShades(const DilutionTable& table, SkinBand band, int sessionCount);

// The mix for a shade in the artist's words: "undiluted pigment", "1 part pigment : 3 parts
// water" (shade 0.25), "2 parts pigment : 1 part water" (shade 0.67); parts are rounded to 0.1.
// Throws core::UsageError for a shade outside [0, 1] or NaN.
[[nodiscard]] std::string dilutionText(double shade);

}  // namespace smp::design
