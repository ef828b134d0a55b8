// Blue noise, measured: the averaged periodogram of 10 layouts of ~4096 dots on a torus.
#include "DotTestFields.h"
#include "SpectrumAnalysis.h"
#include "core/dots/DotHash.h"
#include "core/dots/LayerSampler.h"

#include <catch2/catch.hpp>

using namespace smp;
using namespace smp::test;

namespace {

struct SpectrumFigures {
    double low, peak, anisotropy;
};

SpectrumFigures measure(const std::vector<std::vector<core::Vec2>>& sets) {
    const AveragedPeriodogram periodogram = averagedPeriodogram(sets, 1.6);
    const RadialSpectrum radial = radialSpectrum(periodogram, 1.6);
    return {lowFrequencyPower(periodogram, 0.3), peakPower(radial, 0.2).power, meanAnisotropyDb(radial, 0.2, 1.6)};
}

const dots::DensityField& torusField() {
    // The unit square holding ~4096 dots: 4096 per mm2 is 409600 per cm2.
    static const auto field = dots::DensityField::uniform(square(1.0), 4096.0 * 100.0);
    return field;
}

}  // namespace

TEST_CASE("One layer is blue noise: no low frequencies, isotropic, not over-regular", "[dots][spectrum]") {
    std::vector<std::vector<core::Vec2>> sets;
    for (std::uint64_t seed = 0; seed < 10; ++seed) {
        dots::LayerRequest request;
        request.field = &torusField();
        request.periodic = true;
        request.seed = seed;
        sets.push_back(positions(dots::sampleLayer(request)));
    }
    const SpectrumFigures f = measure(sets);
    INFO("dots " << sets[0].size() << ", low-frequency power " << f.low << ", peak " << f.peak << ", anisotropy "
                 << f.anisotropy << " dB");
    CHECK(f.low <= 0.09);
    CHECK(f.peak <= 1.8);
    CHECK(f.peak >= 1.2);  // a real blue-noise peak, not flattened noise
    CHECK(f.anisotropy == Approx(-10.0).margin(0.5));
}

TEST_CASE("Layered sessions: the union is blue noise and each session alone is clearly blue", "[dots][spectrum]") {
    std::vector<std::vector<core::Vec2>> first, second, both;
    for (std::uint64_t seed = 0; seed < 10; ++seed) {
        dots::LayerRequest request;
        request.field = &torusField();
        request.periodic = true;
        request.seed = seed;
        request.densityScale = 0.45;
        const auto layer1 = dots::sampleLayer(request);
        // 15% of the first session sheds at random before the second.
        std::vector<core::Vec2> survivors;
        for (const auto& d : layer1)
            if (dots::DotHash(d.key ^ seed).uniform() < 0.85) survivors.push_back(d.position);
        request.densityScale = 1.0;
        request.layer = 1;
        request.obstacles = survivors;
        const auto layer2 = dots::sampleLayer(request);
        first.push_back(positions(layer1));
        second.push_back(positions(layer2));
        both.push_back(survivors);
        for (const auto& d : layer2)
            both.back().push_back(d.position);
    }
    const SpectrumFigures f1 = measure(first), f2 = measure(second), fu = measure(both);
    INFO("session 1: low " << f1.low << " peak " << f1.peak << " anisotropy " << f1.anisotropy);
    INFO("session 2: low " << f2.low << " peak " << f2.peak << " anisotropy " << f2.anisotropy);
    INFO("union: low " << fu.low << " peak " << fu.peak << " anisotropy " << fu.anisotropy);
    CHECK(fu.low <= 0.09);
    CHECK(fu.peak <= 1.8);
    CHECK(fu.anisotropy == Approx(-10.0).margin(0.5));
    CHECK(f1.low <= 0.09);
    CHECK(f1.anisotropy == Approx(-10.0).margin(0.5));
    // The second session replaces the dots shed at random, so it carries some of that
    // randomness at low frequencies; it must still be far from white noise (1.0).
    CHECK(f2.low <= 0.35);
    CHECK(f2.peak <= 1.8);
    CHECK(f2.anisotropy == Approx(-10.0).margin(0.5));
}
