// The sampler's exact gap finder against brute force: where a fine grid finds a point no disc
// covers, openBox must say the cell is open and its box must hold that point; where it says the
// cell is covered, no grid point may be open.
#include "core/dots/GapGeometry.h"
#include "core/dots/DotHash.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

using namespace smp::dots;
using namespace smp::dots::detail;

namespace {

const GapBox kCell{-0.5, -0.5, 0.5, 0.5};

GapDisc disc(double x, double y, double r) {
    return {x, y, r * r};
}

}  // namespace

TEST_CASE("One disc over the whole cell is found without the exact test", "[dots][gaps]") {
    std::vector<GapDisc> discs{disc(5.0, 5.0, 1.0), disc(0.1, -0.1, 0.9)};
    CHECK(discsReaching(kCell, discs) == -1);
}

TEST_CASE("Discs that miss the cell are dropped, those that reach it kept", "[dots][gaps]") {
    std::vector<GapDisc> discs{disc(3.0, 0.0, 1.0), disc(-1.2, 0.0, 1.0), disc(0.0, 2.0, 1.0)};
    REQUIRE(discsReaching(kCell, discs) == 1);
    CHECK(discs[0].x == -1.2);
}

TEST_CASE("A cell covered only by two discs together is covered", "[dots][gaps]") {
    // Left and right halves, each disc too small for the whole cell, overlapping in the middle.
    std::vector<GapDisc> discs{disc(-0.55, 0.0, 0.8), disc(0.55, 0.0, 0.8)};
    const int n = discsReaching(kCell, discs);
    REQUIRE(n == 2);
    GapBox open{};
    CHECK_FALSE(openBox(kCell, std::span(discs).first(2), open));
}

TEST_CASE("The gap between three discs is found and boxed", "[dots][gaps]") {
    // Three discs around the centre cover the cell but for a small curved triangle there.
    const double r = 0.58;
    std::vector<GapDisc> discs;
    for (int k = 0; k < 3; ++k) {
        const double a = 2.0 * M_PI * k / 3.0;
        discs.push_back(disc(0.6 * std::cos(a), 0.6 * std::sin(a), r));
    }
    const GapBox cell{-0.25, -0.25, 0.25, 0.25};
    GapBox open{};
    REQUIRE(openBox(cell, discs, open));
    CHECK(coveredBy(discs, 0.0, 0.0) == false);
    CHECK(open.x0 <= 0.0);
    CHECK(open.x1 >= 0.0);
    CHECK(open.y0 <= 0.0);
    CHECK(open.y1 >= 0.0);
    // Small: the gap, not the cell.
    CHECK(open.area() < 0.01);
    // And with the discs grown a little, nothing is left.
    for (GapDisc& d : discs)
        d.r2 = 0.61 * 0.61;
    CHECK_FALSE(openBox(cell, discs, open));
}

TEST_CASE("Random discs: the exact test agrees with a fine grid", "[dots][gaps]") {
    DotHash random(2024);
    int open = 0, covered = 0;
    for (int round = 0; round < 3000; ++round) {
        std::vector<GapDisc> discs;
        const int count = 2 + static_cast<int>(random.next() % 6);
        for (int i = 0; i < count; ++i) {
            const double x = -1.4 + 2.8 * random.uniform(), y = -1.4 + 2.8 * random.uniform();
            discs.push_back(disc(x, y, 0.5 + 0.6 * random.uniform()));
        }
        const int reaching = discsReaching(kCell, discs);
        GapBox box{};
        const bool hasGap = reaching >= 0 && openBox(kCell, std::span(discs).first(static_cast<std::size_t>(reaching)), box);
        // Grid points that no disc covers (all discs, not only those kept).
        int outside = 0;
        constexpr int kSteps = 64;
        for (int j = 0; j <= kSteps; ++j)
            for (int i = 0; i <= kSteps; ++i) {
                const double x = -0.5 + static_cast<double>(i) / kSteps, y = -0.5 + static_cast<double>(j) / kSteps;
                if (coveredBy(discs, x, y)) continue;
                INFO("round " << round << " point " << x << ", " << y);
                REQUIRE(hasGap);
                REQUIRE(x >= box.x0 - 1e-12);
                REQUIRE(x <= box.x1 + 1e-12);
                REQUIRE(y >= box.y0 - 1e-12);
                REQUIRE(y <= box.y1 + 1e-12);
                ++outside;
            }
        (outside > 0 ? open : covered) += 1;
    }
    // Both kinds of cell came up often enough for the comparison to mean something.
    CHECK(open > 300);
    CHECK(covered > 300);
}
