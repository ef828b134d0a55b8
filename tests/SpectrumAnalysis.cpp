#include "SpectrumAnalysis.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numbers>
#include <stdexcept>
#include <string>

namespace smp::test {

namespace {

// The phase recurrence is re-anchored on an exact sin/cos this often: 64 complex products drift by
// about 1e-14, far below the 1e-3 the tests care about, at 1/64 of the cost of sin/cos per term.
constexpr int kReanchorSteps = 64;

// re[m] + i im[m] = exp(-2 pi i m t) for m = 0 .. count-1.
void fillPhases(double t, int count, double* re, double* im) {
    const double stepRe = std::cos(2.0 * std::numbers::pi * t);
    const double stepIm = -std::sin(2.0 * std::numbers::pi * t);
    for (int m = 0; m < count; ++m) {
        if (m % kReanchorSteps == 0) {
            // Reduce m t to [0, 1) first so the trigonometric argument stays small and exact.
            const double turns = static_cast<double>(m) * t;
            const double angle = 2.0 * std::numbers::pi * (turns - std::floor(turns));
            re[m] = std::cos(angle);
            im[m] = -std::sin(angle);
        } else {
            re[m] = re[m - 1] * stepRe - im[m - 1] * stepIm;
            im[m] = re[m - 1] * stepIm + im[m - 1] * stepRe;
        }
    }
}

// The squared disc radius in integer wave-vector units; one expression for filling and reading, so
// every k read was filled.
double radiusSquared(double frequency, double sqrtPoints) {
    const double radius = frequency * sqrtPoints;
    return radius * radius;
}

// rowHalfWidth[kx]: the largest |ky| with kx^2 + ky^2 <= discSquared, for kx = 0 .. radius.
std::vector<int> rowHalfWidths(int radius, double discSquared) {
    std::vector<int> widths(static_cast<std::size_t>(radius) + 1);
    for (int kx = 0; kx <= radius; ++kx) {
        // The square root only guesses; integer comparisons settle the boundary exactly.
        int h = static_cast<int>(std::sqrt(std::max(0.0, discSquared - kx * kx)));
        while (h > 0 && kx * kx + h * h > discSquared) --h;
        while (kx * kx + (h + 1) * (h + 1) <= discSquared) ++h;
        widths[static_cast<std::size_t>(kx)] = h;
    }
    return widths;
}

// The four real sums of products per (kx, ky >= 0) from which the sums at both ky and -ky follow:
// with exp(-2 pi i kx x) = a + ib and exp(-2 pi i ky y) = c + id,
//   sum at (kx,  ky) = (AC - BD) + i (AD + BC),   sum at (kx, -ky) = (AC + BD) + i (BC - AD).
// Sharing them halves the work.
struct ProductSums {
    double ac = 0.0;
    double bd = 0.0;
    double ad = 0.0;
    double bc = 0.0;
};

// Points are taken in chunks whose phase tables (4 x (radius + 1) x 256 doubles: 0.8 MB at radius
// 102) stay in the L2 cache while every wave vector sweeps over them.
constexpr std::size_t kChunkPoints = 256;
// Wave vectors of one row summed in one sweep: a point's x phase is loaded once for four of them
// and the 16 running sums stay in registers. Besides speed this cuts the memory accesses that
// AddressSanitizer checks about fourfold, which keeps the sanitizer build's tests quick.
constexpr std::size_t kBlockRows = 4;

// exp(-2 pi i k x_j) for k = 0 .. radius of one chunk's points, at [k * kChunkPoints + j].
struct ChunkPhases {
    std::vector<double> xRe, xIm, yRe, yIm;
    int count = 0;
};

void fillChunk(const core::Vec2* points, int count, int radius, ChunkPhases& phases) {
    phases.count = count;
    const auto size = static_cast<std::size_t>(radius + 1) * kChunkPoints;
    for (auto* table : {&phases.xRe, &phases.xIm, &phases.yRe, &phases.yIm}) table->resize(size);
    std::vector<double> re(static_cast<std::size_t>(radius) + 1), im(re.size());
    const auto scatter = [&](std::vector<double>& tableRe, std::vector<double>& tableIm, int j) {
        for (std::size_t k = 0; k < re.size(); ++k) {
            tableRe[k * kChunkPoints + static_cast<std::size_t>(j)] = re[k];
            tableIm[k * kChunkPoints + static_cast<std::size_t>(j)] = im[k];
        }
    };
    for (int j = 0; j < count; ++j) {
        fillPhases(points[j].x, radius + 1, re.data(), im.data());
        scatter(phases.xRe, phases.xIm, j);
        fillPhases(points[j].y, radius + 1, re.data(), im.data());
        scatter(phases.yRe, phases.yIm, j);
    }
}

// Adds the chunk's products for (kx, ky .. ky + Rows - 1) to out[0 .. Rows - 1].
template <std::size_t Rows>
void accumulateRows(const ChunkPhases& phases, int kx, int ky, ProductSums* out) {
    const double* a = phases.xRe.data() + static_cast<std::size_t>(kx) * kChunkPoints;
    const double* b = phases.xIm.data() + static_cast<std::size_t>(kx) * kChunkPoints;
    const double* c = phases.yRe.data() + static_cast<std::size_t>(ky) * kChunkPoints;
    const double* d = phases.yIm.data() + static_cast<std::size_t>(ky) * kChunkPoints;
    double ac[Rows] = {}, bd[Rows] = {}, ad[Rows] = {}, bc[Rows] = {};
    // Unsigned indices: sanitizer builds would check every signed index sum for overflow.
    const auto count = static_cast<std::size_t>(phases.count);
    for (std::size_t j = 0; j < count; ++j) {
        const double aj = a[j], bj = b[j];
        // Unrolled by force: a rolled loop keeps the sums in memory, which sanitizer builds do.
#pragma GCC unroll 4
        for (std::size_t r = 0; r < Rows; ++r) {
            const double cj = c[r * kChunkPoints + j], dj = d[r * kChunkPoints + j];
            ac[r] += aj * cj;
            bd[r] += bj * dj;
            ad[r] += aj * dj;
            bc[r] += bj * cj;
        }
    }
    for (std::size_t r = 0; r < Rows; ++r) {
        out[r].ac += ac[r];
        out[r].bd += bd[r];
        out[r].ad += ad[r];
        out[r].bc += bc[r];
    }
}

// Adds |sum_j exp(-2 pi i k.x_j)|^2 / N of one set to `out.power` over the half disc.
void addPeriodogram(const std::vector<core::Vec2>& points, const std::vector<int>& halfWidths, AveragedPeriodogram& out) {
    const int radius = out.radius;
    const int row = 2 * radius + 1;
    const auto stride = static_cast<std::size_t>(radius) + 1;
    std::vector<ProductSums> sums(stride * stride);
    ChunkPhases phases;

    for (std::size_t first = 0; first < points.size(); first += kChunkPoints) {
        const int count = static_cast<int>(std::min<std::size_t>(kChunkPoints, points.size() - first));
        fillChunk(points.data() + first, count, radius, phases);
        for (int kx = 0; kx <= radius; ++kx) {
            ProductSums* rowSums = sums.data() + static_cast<std::size_t>(kx) * stride;
            const int rowEnd = halfWidths[static_cast<std::size_t>(kx)] + 1;
            int ky = 0;
            for (; ky + static_cast<int>(kBlockRows) <= rowEnd; ky += static_cast<int>(kBlockRows))
                accumulateRows<kBlockRows>(phases, kx, ky, rowSums + ky);
            for (; ky < rowEnd; ++ky) accumulateRows<1>(phases, kx, ky, rowSums + ky);
        }
    }

    const double n = static_cast<double>(points.size());
    for (int kx = 0; kx <= radius; ++kx) {
        const int h = halfWidths[static_cast<std::size_t>(kx)];
        for (int ky = 0; ky <= h; ++ky) {
            const ProductSums& s = sums[static_cast<std::size_t>(kx) * stride + static_cast<std::size_t>(ky)];
            const double plusRe = s.ac - s.bd, plusIm = s.ad + s.bc;
            const double minusRe = s.ac + s.bd, minusIm = s.bc - s.ad;
            const std::size_t base = static_cast<std::size_t>(kx * row + radius);
            out.power[base + static_cast<std::size_t>(ky)] += (plusRe * plusRe + plusIm * plusIm) / n;
            if (ky > 0) out.power[base - static_cast<std::size_t>(ky)] += (minusRe * minusRe + minusIm * minusIm) / n;
        }
    }
}

// Calls visit(|k| / sqrt(N), P(k)) for every k of the half plane with 0 < |k| / sqrt(N) <= limit.
template <typename Visit>
void forEachWaveVector(const AveragedPeriodogram& periodogram, double limit, Visit visit) {
    if (limit > periodogram.maxFrequency * (1.0 + 1e-12))
        throw std::invalid_argument("spectrum: frequency " + std::to_string(limit) + " is beyond the computed " +
                                    std::to_string(periodogram.maxFrequency));
    // Clamped so that a limit a rounding error above maxFrequency reads no unfilled k.
    const double limitSquared = radiusSquared(std::min(limit, periodogram.maxFrequency), periodogram.sqrtPoints);
    for (int kx = 0; kx <= periodogram.radius; ++kx) {
        for (int ky = kx == 0 ? 1 : -periodogram.radius; ky <= periodogram.radius; ++ky) {
            const double lengthSquared = static_cast<double>(kx * kx + ky * ky);
            if (lengthSquared > limitSquared) continue;
            visit(std::sqrt(lengthSquared) / periodogram.sqrtPoints, periodogram.at(kx, ky));
        }
    }
}

}  // namespace

AveragedPeriodogram averagedPeriodogram(const std::vector<std::vector<core::Vec2>>& sets, double maxFrequency) {
    if (sets.empty()) throw std::invalid_argument("spectrum: no point sets");
    if (!(maxFrequency > 0.0)) throw std::invalid_argument("spectrum: maxFrequency must be positive");
    double totalPoints = 0.0;
    for (const auto& set : sets) {
        if (set.empty()) throw std::invalid_argument("spectrum: empty point set");
        totalPoints += static_cast<double>(set.size());
    }

    AveragedPeriodogram result;
    result.sqrtPoints = std::sqrt(totalPoints / static_cast<double>(sets.size()));
    result.maxFrequency = maxFrequency;
    result.setCount = static_cast<int>(sets.size());
    const double discSquared = radiusSquared(maxFrequency, result.sqrtPoints);
    result.radius = rowHalfWidths(0, discSquared)[0];  // the largest integer within the disc radius
    const int row = 2 * result.radius + 1;
    result.power.assign(static_cast<std::size_t>(result.radius + 1) * static_cast<std::size_t>(row), 0.0);

    const std::vector<int> halfWidths = rowHalfWidths(result.radius, discSquared);
    for (const auto& set : sets) addPeriodogram(set, halfWidths, result);
    for (double& p : result.power) p /= static_cast<double>(sets.size());
    return result;
}

RadialSpectrum radialSpectrum(const AveragedPeriodogram& periodogram, double maxFrequency, double binWidth) {
    if (!(binWidth > 0.0)) throw std::invalid_argument("spectrum: binWidth must be positive");
    // The tolerance keeps 1.6 / 0.04 at 40 annuli despite rounding; |k| = maxFrequency exactly
    // falls into the last annulus.
    const int binCount = std::max(1, static_cast<int>(std::ceil(maxFrequency / binWidth - 1e-9)));
    std::vector<std::vector<double>> bins(static_cast<std::size_t>(binCount));
    forEachWaveVector(periodogram, maxFrequency, [&](double frequency, double power) {
        const int bin = std::min(binCount - 1, static_cast<int>(frequency / binWidth));
        bins[static_cast<std::size_t>(bin)].push_back(power);
    });

    RadialSpectrum spectrum;
    for (int i = 0; i < binCount; ++i) {
        const std::vector<double>& values = bins[static_cast<std::size_t>(i)];
        if (values.empty()) continue;
        const double count = static_cast<double>(values.size());
        double mean = 0.0;
        for (double v : values) mean += v;
        mean /= count;
        // Unbiased (n - 1) variance: the annuli near frequency 0 hold only a handful of samples.
        double anisotropy = std::numeric_limits<double>::quiet_NaN();
        if (values.size() >= 2) {
            double squares = 0.0;
            for (double v : values) squares += (v - mean) * (v - mean);
            anisotropy = 10.0 * std::log10(squares / (count - 1.0) / (mean * mean));
        }
        spectrum.frequency.push_back((i + 0.5) * binWidth);
        spectrum.power.push_back(mean);
        spectrum.anisotropyDb.push_back(anisotropy);
        spectrum.samples.push_back(static_cast<int>(values.size()));
    }
    return spectrum;
}

RadialSpectrum radialSpectrum(const std::vector<std::vector<core::Vec2>>& sets, double maxFrequency, double binWidth) {
    return radialSpectrum(averagedPeriodogram(sets, maxFrequency), maxFrequency, binWidth);
}

double lowFrequencyPower(const AveragedPeriodogram& periodogram, double limit) {
    double sum = 0.0;
    int count = 0;
    forEachWaveVector(periodogram, limit, [&](double, double power) {
        sum += power;
        ++count;
    });
    if (count == 0) throw std::invalid_argument("spectrum: no integer wave vector below frequency " + std::to_string(limit));
    return sum / count;
}

double lowFrequencyPower(const std::vector<std::vector<core::Vec2>>& sets, double limit) {
    return lowFrequencyPower(averagedPeriodogram(sets, limit), limit);
}

SpectrumPeak peakPower(const RadialSpectrum& spectrum, double minFrequency) {
    SpectrumPeak peak{0.0, -1.0};
    for (std::size_t i = 0; i < spectrum.power.size(); ++i) {
        if (spectrum.frequency[i] >= minFrequency && spectrum.power[i] > peak.power) peak = {spectrum.frequency[i], spectrum.power[i]};
    }
    if (peak.power < 0.0) throw std::invalid_argument("spectrum: no annulus at or above frequency " + std::to_string(minFrequency));
    return peak;
}

double meanAnisotropyDb(const RadialSpectrum& spectrum, double fromFrequency, double toFrequency, int minSamples) {
    double sum = 0.0;
    int count = 0;
    for (std::size_t i = 0; i < spectrum.frequency.size(); ++i) {
        const double f = spectrum.frequency[i];
        if (f < fromFrequency || f > toFrequency || spectrum.samples[i] < std::max(2, minSamples)) continue;
        sum += spectrum.anisotropyDb[i];
        ++count;
    }
    if (count == 0) throw std::invalid_argument("spectrum: no annulus with enough samples in the frequency range");
    return sum / count;
}

}  // namespace smp::test
