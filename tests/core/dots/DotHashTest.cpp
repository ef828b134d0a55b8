// The counter-based randomness behind every dot: its streams and its near-normal jitter.
#include "core/dots/DotHash.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

using namespace smp::dots;

TEST_CASE("A hash stream is a pure function of what it belongs to", "[dots][hash]") {
    DotHash a(7), b(7), c(8);
    a.combine(3).combine(4);
    b.combine(3).combine(4);
    c.combine(3).combine(4);
    for (int i = 0; i < 100; ++i) {
        const std::uint64_t x = a.next();
        CHECK(x == b.next());
        CHECK(x != c.next());
    }
}

TEST_CASE("The jitter is near-normal with unit variance and bounded tails", "[dots][hash]") {
    DotHash h(11);
    constexpr int kCount = 400'000;
    double sum = 0.0, sum2 = 0.0, sum4 = 0.0, largest = 0.0;
    int beyondTwo = 0;
    for (int i = 0; i < kCount; ++i) {
        const double x = h.normal();
        sum += x;
        sum2 += x * x;
        sum4 += x * x * x * x;
        largest = std::max(largest, std::abs(x));
        beyondTwo += std::abs(x) > 2.0;
    }
    const double mean = sum / kCount, variance = sum2 / kCount - mean * mean;
    CHECK(std::abs(mean) < 0.005);
    CHECK(variance == Approx(1.0).epsilon(0.01));
    // A sum of four uniforms: kurtosis 3 - 0.3, and never beyond 2 sqrt(3).
    CHECK(sum4 / kCount == Approx(2.7).epsilon(0.02));
    CHECK(largest <= 2.0 * std::sqrt(3.0));
    CHECK(largest > 3.0);
    // A normal puts 4.6% beyond two deviations; this one a little less (about 3.9%).
    CHECK(beyondTwo / static_cast<double>(kCount) == Approx(0.039).margin(0.004));
}
