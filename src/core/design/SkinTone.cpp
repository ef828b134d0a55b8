#include "core/design/SkinTone.h"

#include "core/Errors.h"
#include "core/dots/SessionPlan.h"

#include <cmath>
#include <numbers>
#include <sstream>

namespace smp::design {

namespace {

// sRGB transfer curve (IEC 61966-2-1): encoded value 0..1 to linear light 0..1.
double linearFromSrgb(double encoded) {
    return encoded <= 0.04045 ? encoded / 12.92 : std::pow((encoded + 0.055) / 1.055, 2.4);
}

// CIE 15 lightness function with the exact rational constants: epsilon = (6/29)^3 = 216/24389,
// kappa = (29/3)^3 = 24389/27; below epsilon the cube root is replaced by its tangent line.
double labF(double t) {
    constexpr double kEpsilon = 216.0 / 24389.0;
    constexpr double kKappa = 24389.0 / 27.0;
    return t > kEpsilon ? std::cbrt(t) : (kKappa * t + 16.0) / 116.0;
}

std::string partsText(double parts) {
    std::ostringstream text;
    text.precision(1);
    const double rounded = std::round(parts * 10.0) / 10.0;
    if (rounded == std::round(rounded))
        text << static_cast<int>(rounded);
    else
        text << std::fixed << rounded;
    text << (rounded == 1.0 ? " part" : " parts");
    return text.str();
}

}  // namespace

Lab labFromSrgb(double r, double g, double b) {
    const double rl = linearFromSrgb(r / 255.0);
    const double gl = linearFromSrgb(g / 255.0);
    const double bl = linearFromSrgb(b / 255.0);
    // Linear sRGB to XYZ (IEC 61966-2-1 primaries, D65). Each row sums to the D65 white below,
    // so R = G = B lands on a* = b* = 0 exactly.
    const double x = 0.4124564 * rl + 0.3575761 * gl + 0.1804375 * bl;
    const double y = 0.2126729 * rl + 0.7151522 * gl + 0.0721750 * bl;
    const double z = 0.0193339 * rl + 0.1191920 * gl + 0.9503041 * bl;
    constexpr double kWhiteX = 0.4124564 + 0.3575761 + 0.1804375;  // 0.95047
    constexpr double kWhiteY = 0.2126729 + 0.7151522 + 0.0721750;  // 1.00000
    constexpr double kWhiteZ = 0.0193339 + 0.1191920 + 0.9503041;  // 1.08883
    const double fx = labF(x / kWhiteX);
    const double fy = labF(y / kWhiteY);
    const double fz = labF(z / kWhiteZ);
    // L* = 116 f(Y/Yn) - 16, a* = 500 (f(X/Xn) - f(Y/Yn)), b* = 200 (f(Y/Yn) - f(Z/Zn)).
    return {116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)};
}

Lab meanLab(std::span<const Lab> colours) {
    if (colours.empty()) throw core::UsageError("mean skin colour: no colours to average");
    Lab sum;
    for (const Lab& c : colours) {
        sum.L += c.L;
        sum.a += c.a;
        sum.b += c.b;
    }
    const double n = static_cast<double>(colours.size());
    return {sum.L / n, sum.a / n, sum.b / n};
}

double itaDegrees(const Lab& lab) {
    return std::atan2(lab.L - 50.0, lab.b) * 180.0 / std::numbers::pi;
}

SkinBand bandFromIta(double ita) {
    if (std::isnan(ita)) throw core::UsageError("skin band: the ITA angle is not a number");
    if (ita > 55.0) return SkinBand::VeryLight;
    if (ita > 41.0) return SkinBand::Light;
    if (ita > 28.0) return SkinBand::Intermediate;
    if (ita > 10.0) return SkinBand::Tan;
    if (ita > -30.0) return SkinBand::Brown;
    return SkinBand::Dark;
}

std::string_view bandName(SkinBand band) {
    switch (band) {
        case SkinBand::VeryLight: return "very light";
        case SkinBand::Light: return "light";
        case SkinBand::Intermediate: return "intermediate";
        case SkinBand::Tan: return "tan";
        case SkinBand::Brown: return "brown";
        case SkinBand::Dark: return "dark";
    }
    return "unknown";
}

DilutionTable DilutionTable::standard() {
    // Intermediate skin gets dots::SessionPlan::standard()'s 0.55 -> 0.85; lighter bands step
    // toward water, darker ones toward undiluted. A starting point, not a measurement.
    DilutionTable table;
    table[SkinBand::VeryLight] = {0.30, 0.60};
    table[SkinBand::Light] = {0.40, 0.70};
    table[SkinBand::Intermediate] = {0.55, 0.85};
    table[SkinBand::Tan] = {0.60, 0.90};
    table[SkinBand::Brown] = {0.70, 0.95};
    table[SkinBand::Dark] = {0.80, 1.00};
    return table;
}

void DilutionTable::validate() const {
    for (int i = 0; i < kSkinBandCount; ++i) {
        const auto band = static_cast<SkinBand>(i);
        const ShadeRange& range = (*this)[band];
        const std::string where = "dilution table, " + std::string(bandName(band)) + " skin: ";
        const auto checkShade = [&](double shade, const char* which) {
            if (!(shade >= 0.0 && shade <= 1.0)) {
                std::ostringstream message;
                message << where << which << " shade is " << shade << ", must be in [0, 1] (0 water, 1 undiluted)";
                throw core::UsageError(message.str());
            }
        };
        checkShade(range.firstShade, "first-session");
        checkShade(range.lastShade, "last-session");
        if (range.firstShade > range.lastShade) {
            std::ostringstream message;
            message << where << "first-session shade " << range.firstShade << " is darker than the last-session shade "
                    << range.lastShade << "; sessions go light to dark";
            throw core::UsageError(message.str());
        }
    }
}

std::vector<double> suggestedShades(const DilutionTable& table, SkinBand band, int sessionCount) {
    table.validate();
    if (sessionCount < 1 || sessionCount > dots::kMaxSessions)
        throw core::UsageError("suggested shades: " + std::to_string(sessionCount) + " sessions asked for; a plan has 1 to " +
                               std::to_string(dots::kMaxSessions));
    const ShadeRange& range = table[band];
    std::vector<double> shades;
    for (int k = 0; k < sessionCount; ++k) {
        const double progress = sessionCount == 1 ? 1.0 : static_cast<double>(k) / (sessionCount - 1);
        shades.push_back(range.firstShade + (range.lastShade - range.firstShade) * progress);
    }
    return shades;
}

std::string dilutionText(double shade) {
    if (!(shade >= 0.0 && shade <= 1.0)) {
        std::ostringstream message;
        message << "dilution: shade " << shade << " must be in [0, 1] (0 water, 1 undiluted)";
        throw core::UsageError(message.str());
    }
    // A shade is the pigment's share of the mix, so pigment : water = s : (1 - s). The smaller
    // side is written as one part, which is how artists count drops.
    if (shade >= 0.995) return "undiluted pigment";
    if (shade <= 0.005) return "water only, no pigment";
    if (shade <= 0.5) return "1 part pigment : " + partsText((1.0 - shade) / shade) + " water";
    return partsText(shade / (1.0 - shade)) + " pigment : 1 part water";
}

}  // namespace smp::design
