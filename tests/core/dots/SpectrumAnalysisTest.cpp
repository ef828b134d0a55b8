// The spectrum utility checked against point sets whose spectra are known in closed form, so that
// the blue-noise tests built on it measure what they claim.

#include "SpectrumAnalysis.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <complex>
#include <numbers>
#include <random>
#include <stdexcept>

using smp::core::Vec2;
using namespace smp::test;

namespace {

using PointSets = std::vector<std::vector<Vec2>>;

// 4096 points per set and 10 sets: the size the sampler's blue-noise tests use.
constexpr int kCellsPerSide = 64;
constexpr int kPoints = kCellsPerSide * kCellsPerSide;
constexpr int kSets = 10;

std::vector<Vec2> whiteNoise(std::uint64_t seed, int count) {
    std::mt19937_64 random(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<Vec2> points(static_cast<std::size_t>(count));
    for (Vec2& p : points) p = {unit(random), unit(random)};
    return points;
}

// One uniform point in each cell of a cellsPerSide^2 grid.
std::vector<Vec2> jitteredGrid(std::uint64_t seed, int cellsPerSide) {
    std::mt19937_64 random(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<Vec2> points;
    for (int i = 0; i < cellsPerSide; ++i)
        for (int j = 0; j < cellsPerSide; ++j) points.push_back({(i + unit(random)) / cellsPerSide, (j + unit(random)) / cellsPerSide});
    return points;
}

std::vector<Vec2> lattice(int cellsPerSide) {
    std::vector<Vec2> points;
    for (int i = 0; i < cellsPerSide; ++i)
        for (int j = 0; j < cellsPerSide; ++j) points.push_back({(i + 0.5) / cellsPerSide, (j + 0.5) / cellsPerSide});
    return points;
}

template <typename Make>
PointSets manySets(Make make) {
    PointSets sets;
    for (int s = 0; s < kSets; ++s) sets.push_back(make(1000 + static_cast<std::uint64_t>(s)));
    return sets;
}

// The definition, term by term: the reference for the fast separable computation.
double directPeriodogram(const std::vector<Vec2>& points, int kx, int ky) {
    std::complex<double> sum = 0.0;
    for (const Vec2& p : points) sum += std::polar(1.0, -2.0 * std::numbers::pi * (kx * p.x + ky * p.y));
    return std::norm(sum) / static_cast<double>(points.size());
}

// The mean expected periodogram of a 64 x 64 jittered grid over the annulus [from, to) of
// |k| / 64, away from the lattice points k in 64 Z^2 where it is 0 plus a spike of 4096 sinc^4 = 0.
double expectedJitteredGridPower(double from, double to) {
    const auto sinc = [](double t) { return t == 0.0 ? 1.0 : std::sin(t) / t; };
    double sum = 0.0;
    int count = 0;
    for (int kx = 0; kx <= 2 * kCellsPerSide; ++kx) {
        for (int ky = kx == 0 ? 1 : -2 * kCellsPerSide; ky <= 2 * kCellsPerSide; ++ky) {
            const double f = std::hypot(kx, ky) / kCellsPerSide;
            if (f < from || f >= to) continue;
            const double s = sinc(std::numbers::pi * kx / kCellsPerSide) * sinc(std::numbers::pi * ky / kCellsPerSide);
            sum += 1.0 - s * s;
            ++count;
        }
    }
    return sum / count;
}

}  // namespace

TEST_CASE("the averaged periodogram equals the direct sum of exponentials", "[dots][spectrum]") {
    // A radius of 158 wave vectors runs the phase recurrence across two re-anchoring steps.
    const PointSets sets = {whiteNoise(1, 40), whiteNoise(2, 40)};
    const AveragedPeriodogram periodogram = averagedPeriodogram(sets, 25.0);
    REQUIRE(periodogram.radius == 158);
    double worst = 0.0;
    int checked = 0;
    for (int kx = 0; kx <= periodogram.radius; ++kx) {
        for (int ky = kx == 0 ? 1 : -periodogram.radius; ky <= periodogram.radius; ++ky) {
            if (kx * kx + ky * ky > 158 * 158) continue;
            const double expected = (directPeriodogram(sets[0], kx, ky) + directPeriodogram(sets[1], kx, ky)) / 2.0;
            worst = std::max(worst, std::abs(periodogram.at(kx, ky) - expected));
            ++checked;
        }
    }
    CHECK(checked > 39000);
    // Powers are of order 1 (at most 40): 1e-9 is rounding, far below any statistical effect.
    REQUIRE(worst < 1e-9);
}

TEST_CASE("white noise has a flat spectrum of power 1 and the anisotropy of its averaging", "[dots][spectrum]") {
    const PointSets sets = manySets([](std::uint64_t seed) { return whiteNoise(seed, kPoints); });
    const AveragedPeriodogram periodogram = averagedPeriodogram(sets, 1.6);
    const RadialSpectrum spectrum = radialSpectrum(periodogram, 1.6);

    REQUIRE(spectrum.frequency.size() == 40);
    double meanPower = 0.0;
    for (std::size_t i = 0; i < spectrum.power.size(); ++i) {
        meanPower += spectrum.power[i];
        // An annulus of n samples averaged over 10 sets has a standard error of sqrt(0.1 / n):
        // below 0.032 from 100 samples, so 0.2 is over six standard errors.
        if (spectrum.samples[i] >= 100) CHECK(spectrum.power[i] == Approx(1.0).margin(0.2));
    }
    meanPower /= static_cast<double>(spectrum.power.size());
    CHECK(meanPower == Approx(1.0).margin(0.05));

    // About 80 wave vectors below 0.3: a standard error of sqrt(0.1 / 80) = 0.035.
    CHECK(lowFrequencyPower(periodogram, 0.3) == Approx(1.0).margin(0.15));
    // Each sample is a mean of 10 exponentially distributed periodograms: variance / mean^2 = 1/10.
    CHECK(meanAnisotropyDb(spectrum, 0.2, 1.6, 100) == Approx(-10.0).margin(0.5));
    CHECK(peakPower(spectrum, 0.2).power < 1.3);
}

TEST_CASE("a jittered grid is blue and follows its closed-form spectrum", "[dots][spectrum]") {
    const PointSets jittered = manySets([](std::uint64_t seed) { return jitteredGrid(seed, kCellsPerSide); });
    const PointSets white = manySets([](std::uint64_t seed) { return whiteNoise(seed, kPoints); });

    // Expected power 1 - sinc^2(pi kx / 64) sinc^2(pi ky / 64): 0.26 at |k| / 64 = 0.3, less within.
    const double jitteredLow = lowFrequencyPower(jittered, 0.3);
    CHECK(jitteredLow < 0.25);
    CHECK(jitteredLow < 0.3 * lowFrequencyPower(white, 0.3));

    const AveragedPeriodogram periodogram = averagedPeriodogram(jittered, 1.2);
    const RadialSpectrum spectrum = radialSpectrum(periodogram, 1.2, 0.1);
    REQUIRE(spectrum.power.size() == 12);
    CHECK(spectrum.power.front() < 0.05);
    for (std::size_t i = 0; i < spectrum.power.size(); ++i) {
        const double expected = expectedJitteredGridPower(spectrum.frequency[i] - 0.05, spectrum.frequency[i] + 0.05);
        // Samples spread about as widely as their mean; averaged over 10 sets and 64 or more
        // samples the standard error is below 0.04 times the mean (0.011 from 0.6 up, where the
        // annuli hold 700 or more), so this margin is several standard errors everywhere.
        CHECK(spectrum.power[i] == Approx(expected).margin(0.02 + 0.08 * expected));
    }
}

TEST_CASE("a lattice has power N at its reciprocal lattice and none elsewhere", "[dots][spectrum]") {
    const AveragedPeriodogram periodogram = averagedPeriodogram({lattice(16)}, 1.6);
    CHECK(periodogram.at(16, 0) == Approx(256.0));
    CHECK(periodogram.at(0, 16) == Approx(256.0));
    CHECK(periodogram.at(16, -16) == Approx(256.0));
    CHECK(periodogram.at(1, 0) == Approx(0.0).margin(1e-9));
    CHECK(periodogram.at(5, -7) == Approx(0.0).margin(1e-9));
}

TEST_CASE("an over-regular set shows a spectral peak far above a blue-noise bound", "[dots][spectrum]") {
    // The 64 x 64 lattice puts all its power on |k| = 64, frequency 1: the annulus holding it
    // averages 2 x 4096 over a few hundred samples, so a check "peak <= 1.8" catches it easily.
    const RadialSpectrum spectrum = radialSpectrum({lattice(kCellsPerSide)}, 1.6);
    const SpectrumPeak peak = peakPower(spectrum);
    CHECK(peak.power > 10.0);
    CHECK(peak.frequency == Approx(1.0).margin(0.04));
}

TEST_CASE("the spectrum refuses input it cannot measure", "[dots][spectrum]") {
    CHECK_THROWS_AS(radialSpectrum(PointSets{}), std::invalid_argument);
    CHECK_THROWS_AS(radialSpectrum(PointSets{{}}), std::invalid_argument);
    CHECK_THROWS_AS(radialSpectrum({lattice(4)}, 0.0), std::invalid_argument);
    // 16 points and a limit of 0.2: no integer k has 0 < |k| <= 0.8.
    CHECK_THROWS_AS(lowFrequencyPower({lattice(4)}, 0.2), std::invalid_argument);
    const AveragedPeriodogram small = averagedPeriodogram({lattice(4)}, 1.0);
    CHECK_THROWS_AS(radialSpectrum(small, 2.0), std::invalid_argument);
    CHECK_THROWS_AS(meanAnisotropyDb(radialSpectrum(small, 1.0), 0.0, 1.0, 1000), std::invalid_argument);
}
