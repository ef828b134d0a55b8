#pragma once
// Fourier spectrum of point sets on the unit torus, for the blue-noise tests of the dot samplers.
//
// The periodogram of a set of N points x_j in [0,1)^2 at an integer wave vector k is
//   P(k) = |sum_j exp(-2 pi i k.x_j)|^2 / N,
// normalised so that uniform white noise has expected power 1 at every k != 0. Frequencies are
// given as |k| / sqrt(N): a set of N evenly spread points has its mean spacing near 1 / sqrt(N), so
// its spectral peak sits near 1 on this axis whatever N is (a square lattice peaks at exactly 1).
//
// Every function averages the periodograms of several sets (same N, or about the same: the mean N
// sets the frequency axis) to tame the noise of a single periodogram, whose samples spread as
// widely as their mean. P(-k) = P(k) for real points, so only one half of the k plane is kept:
// each pair {k, -k} counts once as a sample.

#include "core/Geometry.h"

#include <vector>

namespace smp::test {

// The averaged periodogram over the half plane {kx > 0} or {kx = 0, ky > 0} of the disc
// |k| <= radius. Computed once, then read by the radial and low-frequency statistics below.
struct AveragedPeriodogram {
    int radius = 0;          // largest |kx| and |ky| held, in integer wave-vector units
    double sqrtPoints = 0.0; // sqrt of the mean point count: the unit of the frequency axis
    double maxFrequency = 0.0; // every k with |k| / sqrtPoints <= maxFrequency is held
    int setCount = 0;
    // power[kx * (2 * radius + 1) + (ky + radius)] for 0 <= kx <= radius, |ky| <= radius; entries
    // outside the half disc are 0 and never read.
    std::vector<double> power;

    [[nodiscard]] double at(int kx, int ky) const { return power[static_cast<std::size_t>(kx * (2 * radius + 1) + ky + radius)]; }
};

// Throws std::invalid_argument for no sets, an empty set or maxFrequency <= 0.
AveragedPeriodogram averagedPeriodogram(const std::vector<std::vector<core::Vec2>>& sets, double maxFrequency);

struct RadialSpectrum {
    std::vector<double> frequency;    // annulus centre, in units of |k| / sqrt(N)
    std::vector<double> power;        // mean periodogram over the annulus (white noise = 1)
    std::vector<double> anisotropyDb; // 10 log10(variance / mean^2) of the annulus's samples; NaN below 2 samples
    std::vector<int> samples;         // wave vectors in the annulus, each pair {k, -k} counted once
};

// Radial statistics in annuli [i * binWidth, (i + 1) * binWidth) of |k| / sqrt(N), for
// 0 < |k| / sqrt(N) <= maxFrequency. Annuli holding no integer wave vector (the first few, when N is
// small) are left out, so frequency[i] is not always (i + 0.5) * binWidth.
RadialSpectrum radialSpectrum(const AveragedPeriodogram& periodogram, double maxFrequency, double binWidth = 0.04);
RadialSpectrum radialSpectrum(const std::vector<std::vector<core::Vec2>>& sets, double maxFrequency = 1.6, double binWidth = 0.04);

// Mean of the averaged periodogram over every k with 0 < |k| / sqrt(N) <= limit, each k counting
// once: the power of the low frequencies that blue noise suppresses (white noise: 1).
// Throws std::invalid_argument when no integer k is that low (limit * sqrt(N) < 1).
double lowFrequencyPower(const AveragedPeriodogram& periodogram, double limit = 0.3);
double lowFrequencyPower(const std::vector<std::vector<core::Vec2>>& sets, double limit = 0.3);

struct SpectrumPeak {
    double frequency = 0.0;
    double power = 0.0;
};

// The annulus of highest mean power whose centre is at or above minFrequency. A Poisson-disk set
// peaks modestly near frequency 1; a regular lattice peaks far higher there.
// Throws std::invalid_argument when no annulus qualifies.
SpectrumPeak peakPower(const RadialSpectrum& spectrum, double minFrequency = 0.0);

// Mean anisotropyDb over the annuli whose centre lies in [fromFrequency, toFrequency] and that hold
// at least minSamples wave vectors (few samples make the variance itself noisy). Isotropic sets
// averaged over M periodograms read -10 log10(M) dB. Throws std::invalid_argument when no annulus
// qualifies.
double meanAnisotropyDb(const RadialSpectrum& spectrum, double fromFrequency, double toFrequency, int minSamples = 50);

}  // namespace smp::test
