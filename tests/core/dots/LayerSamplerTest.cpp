// The sampler alone: spacing, maximality, packing, density, determinism, bad input.
#include "core/dots/LayerSampler.h"
#include "DotTestFields.h"
#include "core/Errors.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

using namespace smp;
using namespace smp::test;

namespace {

struct Measured {
    std::vector<dots::SampledDot> dots;
    ClosestPair closest;
    Coverage gaps;
};

Measured sampleAndMeasure(const dots::DensityField& field, std::uint64_t seed, double densityScale = 1.0) {
    dots::LayerRequest request;
    request.field = &field;
    request.seed = seed;
    request.densityScale = densityScale;
    Measured m{dots::sampleLayer(request), {}, {}};
    const auto points = positions(m.dots);
    const auto spacing = spacings(m.dots);
    const Area area = areaOf(field.area());
    m.closest = closestPair(points, spacing, area);
    const double rMin = dots::spacingMm(densityScale * field.bounds(field.area()).maxDensity);
    m.gaps = coverage(
        points, spacing, area, rMin / 8.0,
        [&](core::Vec2 x) { return dots::spacingMm(densityScale * field.densityAt(x)); },
        [&](core::Vec2 x) { return field.inside(x); });
    return m;
}

}  // namespace

TEST_CASE("Uniform density: exact spacing, maximal, packed like a saturated random packing", "[dots][sampler]") {
    // 40 x 40 mm at 400 dots/cm2: about 6400 dots.
    const auto field = dots::DensityField::uniform(square(40.0), 400.0);
    const Measured m = sampleAndMeasure(field, 11);
    const double r = dots::spacingMm(400.0);
    INFO("dots " << m.dots.size() << ", closest pair / r " << m.closest.ratio << ", gaps " << m.gaps.uncovered << " of "
                 << m.gaps.tested);
    CHECK(m.closest.ratio >= 1.0 - 1e-12);
    CHECK(m.gaps.tested > 500'000);
    CHECK(m.gaps.uncovered == 0);
    const double packing = rho(m.dots.size(), r, field.area().area());
    CHECK(packing >= 0.76);
    CHECK(packing <= 0.80);
    const double nearest = meanNearestNeighbourRatio(positions(m.dots), spacings(m.dots), areaOf(field.area()));
    CHECK(nearest >= 1.05);
    CHECK(nearest <= 1.15);
    // The spacing constant turns the requested density into this many dots (edges included).
    CHECK(static_cast<double>(m.dots.size()) == Approx(field.expectedDots()).epsilon(0.03));
}

TEST_CASE("A 10:1 density gradient keeps spacing and maximality and matches the density", "[dots][sampler]") {
    // 100 x 30 mm, 50 to 500 dots/cm2 along x.
    const dots::RectMm area{0.0, 0.0, 100.0, 30.0};
    const auto field = gradientField(area, 50.0, 500.0);
    const Measured m = sampleAndMeasure(field, 5);
    INFO("dots " << m.dots.size() << ", closest pair ratio " << m.closest.ratio);
    CHECK(m.closest.ratio >= 1.0 - 1e-12);
    CHECK(m.gaps.uncovered == 0);
    // Dots in every 1 cm2 window against the integral of the target over it.
    for (double x = 0.0; x + 10.0 <= 100.0; x += 10.0)
        for (double y = 0.0; y + 10.0 <= 30.0; y += 10.0) {
            std::size_t inWindow = 0;
            for (const auto& d : m.dots)
                if (d.position.x >= x && d.position.x < x + 10.0 && d.position.y >= y && d.position.y < y + 10.0)
                    ++inWindow;
            const double target = 50.0 + 450.0 * (x + 5.0) / 100.0;  // linear: mean = centre value
            INFO("window x " << x << " y " << y << ": " << inWindow << " dots, target " << target);
            // Along the edge of the area dots pack a little tighter (nothing competes from
            // outside): +-5% inside, +-10% in windows that touch the edge.
            const bool edge = x == 0.0 || y == 0.0 || x + 10.0 >= 100.0 || y + 10.0 >= 30.0;
            CHECK(std::abs(static_cast<double>(inWindow) - target) <= (edge ? 0.10 : 0.05) * target);
        }
}

TEST_CASE("A masked area and a density hole are respected and still filled to the edge", "[dots][sampler]") {
    // A disc of treated skin with a bare (avoid) band through it.
    const dots::RectMm area = square(40.0);
    const auto field = dots::DensityField::fromFunction(area, 0.5, [](core::Vec2 p) {
        const double dx = p.x - 20.0, dy = p.y - 20.0;
        const bool inDisc = dx * dx + dy * dy <= 18.0 * 18.0;
        const bool band = std::abs(p.y - 20.0) < 3.0;
        return dots::FieldValue{band ? 0.0 : 150.0, inDisc ? 1.0 : 0.0, 0.0, 0.0};
    });
    const Measured m = sampleAndMeasure(field, 3);
    REQUIRE(m.dots.size() > 500);
    for (const auto& d : m.dots)
        REQUIRE(field.inside(d.position));
    CHECK(m.closest.ratio >= 1.0 - 1e-12);
    INFO("gaps " << m.gaps.uncovered << " of " << m.gaps.tested << ", first at " << m.gaps.firstUncovered.x << ", "
                 << m.gaps.firstUncovered.y);
    CHECK(m.gaps.uncovered == 0);
}

TEST_CASE("Same inputs give the same bytes, another seed another layout", "[dots][sampler]") {
    const auto field = gradientField({0.0, 0.0, 30.0, 30.0}, 60.0, 300.0);
    dots::LayerRequest request;
    request.field = &field;
    request.seed = 42;
    const auto a = dots::sampleLayer(request);
    const auto b = dots::sampleLayer(request);
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        REQUIRE(a[i].key == b[i].key);
        REQUIRE(std::memcmp(&a[i].position, &b[i].position, sizeof(core::Vec2)) == 0);
    }
    request.seed = 43;
    const auto c = dots::sampleLayer(request);
    std::size_t same = 0;
    for (std::size_t i = 0; i < std::min(a.size(), c.size()); ++i)
        same += a[i].position == c[i].position;
    CHECK(same < a.size() / 100);

    // A sampler that hands its dots over (what sampleLayer does) gives what it sampled, and
    // the one it came from samples afresh when used again.
    request.seed = 42;
    dots::LayerSampler sampler;
    const std::vector<dots::SampledDot> sampled = sampler.sample(request);
    const std::vector<dots::SampledDot> released = std::move(sampler).release();
    REQUIRE(released.size() == a.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        REQUIRE(released[i].key == a[i].key);
        REQUIRE(std::memcmp(&released[i].position, &a[i].position, sizeof(core::Vec2)) == 0);
    }
    CHECK(sampled.size() == a.size());
    const std::vector<dots::SampledDot>& again = sampler.sample(request);  // NOLINT(bugprone-use-after-move)
    CHECK(again.size() == a.size());
    CHECK_FALSE(sampler.lastStats().incremental);
}

TEST_CASE("Resampling after a local edit changes only what it must and equals a fresh run", "[dots][sampler]") {
    const dots::RectMm area{0.0, 0.0, 80.0, 60.0};
    auto before = gradientField(area, 80.0, 200.0);
    auto after = before;
    // A "hairline drag": the density changes in a 10 x 10 mm patch only.
    for (int row = 20; row <= 30; ++row)
        for (int col = 30; col <= 40; ++col) {
            auto v = after.node(col, row);
            v.density *= 0.6;
            after.setNode(col, row, v);
        }
    dots::LayerSampler sampler;
    dots::LayerRequest request;
    request.field = &before;
    request.seed = 9;
    const auto first = sampler.sample(request);
    request.field = &after;
    const auto edited = sampler.sample(request);
    const dots::LayerStats stats = sampler.lastStats();
    const auto fresh = dots::sampleLayer(request);
    INFO("resampled " << stats.resampledCells << " of " << stats.topCells << " top cells");
    CHECK(stats.incremental);
    CHECK(stats.resampledCells * 2 < stats.topCells);
    REQUIRE(edited.size() == fresh.size());
    for (std::size_t i = 0; i < fresh.size(); ++i) {
        REQUIRE(edited[i].key == fresh[i].key);
        REQUIRE(edited[i].position == fresh[i].position);
    }
    // Far from the edit nothing moved.
    std::size_t farBefore = 0, farAfter = 0;
    for (const auto& d : first)
        farBefore += d.position.x < 15.0;
    for (const auto& d : edited)
        farAfter += d.position.x < 15.0;
    CHECK(farBefore == farAfter);
}

TEST_CASE("Bad parameters are refused with a message, quickly", "[dots][sampler]") {
    using Catch::Matchers::Contains;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    CHECK_THROWS_WITH(dots::DensityField(square(10.0), 1.0, {nan, 1.0, 0.0, 0.0}),
                      Contains("density") && Contains("must be a number"));
    CHECK_THROWS_WITH(dots::DensityField(square(10.0), 1.0, {-5.0, 1.0, 0.0, 0.0}), Contains("density"));
    // Zero spacing is an infinite density.
    CHECK_THROWS_AS(dots::DensityField::uniform(square(10.0), std::numeric_limits<double>::infinity()),
                    core::UsageError);
    CHECK_THROWS_WITH(dots::DensityField(square(10.0), 0.0, {}), Contains("node spacing"));
    CHECK_THROWS_WITH(dots::DensityField({0.0, 0.0, 0.0, 10.0}, 1.0, {}), Contains("area"));

    dots::LayerRequest request;
    CHECK_THROWS_WITH(dots::sampleLayer(request), Contains("no density field"));
    const auto empty = dots::DensityField(square(10.0), 1.0, {100.0, 0.0, 0.0, 0.0});
    request.field = &empty;
    CHECK_THROWS_WITH(dots::sampleLayer(request), Contains("treatment area is empty"));
    // 1 m2 at 1000 dots/cm2 would be 10M dots: over the cap, refused before any work.
    const auto huge = dots::DensityField::uniform(square(1000.0), 1000.0);
    request.field = &huge;
    CHECK_THROWS_WITH(dots::sampleLayer(request), Contains("over the cap"));
    const auto field = dots::DensityField::uniform(square(10.0), 100.0);
    request.field = &field;
    request.densityScale = -1.0;
    CHECK_THROWS_WITH(dots::sampleLayer(request), Contains("density scale"));
}

TEST_CASE("A density that fades to nothing inside the mask still finishes, exactly spaced", "[dots][sampler]") {
    // Spacing grows without bound towards y = 0: the hardest field for the refinement, which
    // must stop on its own (CTest's timeout is what would catch a hang).
    const dots::RectMm area{0.0, 0.0, 40.0, 30.0};
    const auto field = dots::DensityField::fromFunction(area, 1.0, [](core::Vec2 p) {
        return dots::FieldValue{std::max(0.0, 150.0 * (p.y - 5.0) / 25.0), 1.0, 0.0, 0.0};
    });
    const Measured m = sampleAndMeasure(field, 13);
    INFO("dots " << m.dots.size() << ", closest pair ratio " << m.closest.ratio << ", gaps " << m.gaps.uncovered
                 << " of " << m.gaps.tested);
    REQUIRE(m.dots.size() > 300);
    CHECK(m.closest.ratio >= 1.0 - 1e-12);
    for (const auto& d : m.dots) REQUIRE(field.inside(d.position));
    CHECK(m.gaps.uncovered == 0);
}

TEST_CASE("On a torus a sparse band reaches across the seam", "[dots][sampler]") {
    // Sparse skin (20 dots/cm2, r ~ 5.9 mm) on x in [1, 4], dense (300) elsewhere: dense dots
    // just left of the seam, in top cells whose own field is all dense, must keep the sparse
    // dots' spacing across it.
    const dots::RectMm area = square(40.0);
    const auto field = dots::DensityField::fromFunction(area, 1.0, [](core::Vec2 p) {
        const bool sparse = p.x >= 1.0 && p.x <= 4.0;
        return dots::FieldValue{sparse ? 20.0 : 300.0, 1.0, 0.0, 0.0};
    });
    dots::LayerRequest request;
    request.field = &field;
    request.periodic = true;
    request.seed = 17;
    const auto dots = dots::sampleLayer(request);
    const ClosestPair closest = closestPair(positions(dots), spacings(dots), areaOf(area, true));
    INFO("dots " << dots.size() << ", closest pair ratio " << closest.ratio);
    REQUIRE(dots.size() > 1000);
    CHECK(closest.ratio >= 1.0 - 1e-12);
}

TEST_CASE("Field bounds over any rectangle are exact, and the quick maximum agrees with them", "[dots][field]") {
    // A bumpy field: node values from a hash, so extremes sit anywhere.
    const dots::RectMm area{0.0, 0.0, 20.0, 15.0};
    const auto field = dots::DensityField::fromFunction(area, 0.7, [](core::Vec2 p) {
        const double wave = std::sin(p.x * 1.3) * std::cos(p.y * 0.9);
        return dots::FieldValue{150.0 + 120.0 * wave, 0.5 + 0.5 * std::sin(p.x + p.y), 0.0, 0.0};
    });
    std::uint64_t state = 7;
    auto uniform = [&state] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>(state >> 11) * 0x1.0p-53;
    };
    for (int i = 0; i < 300; ++i) {
        // Rectangles from a tenth of a patch to most of the area, some over the edge.
        const double w = i % 3 == 0 ? 0.07 * uniform() : 14.0 * uniform();
        const double h = i % 3 == 0 ? 0.07 * uniform() : 11.0 * uniform();
        const double x0 = -1.0 + 21.0 * uniform(), y0 = -1.0 + 16.0 * uniform();
        const dots::RectMm rect{x0, y0, x0 + w, y0 + h};
        const dots::FieldBounds b = field.bounds(rect);
        INFO("rect " << x0 << ", " << y0 << ", " << w << " x " << h);
        REQUIRE(field.maxDensity(rect) == b.maxDensity);
        // Every point inside stays within the bounds, and a fine scan comes close to them.
        double lo = HUGE_VAL, hi = -HUGE_VAL;
        for (int sy = 0; sy <= 40; ++sy)
            for (int sx = 0; sx <= 40; ++sx) {
                const double d = field.densityAt({x0 + w * sx / 40.0, y0 + h * sy / 40.0});
                REQUIRE(d >= b.minDensity - 1e-9);
                REQUIRE(d <= b.maxDensity + 1e-9);
                lo = std::min(lo, d);
                hi = std::max(hi, d);
            }
        const double slack = 240.0 * std::max(w, h) / 40.0 * 2.0;  // the field's slope times the scan step
        CHECK(hi >= b.maxDensity - slack);
        CHECK(lo <= b.minDensity + slack);
    }
}

TEST_CASE("Field bounds of a rectangle on node lines are its nodes' extremes, one patch or several", "[dots][field]") {
    // Node spacing 0.5 mm: node lines at exact binary fractions, so a side can lie on one
    // exactly. A one-patch rectangle then has its far corners on the next patch's first nodes
    // (the quick path), a two-patch one an inner node (the full path): both must give exactly
    // the nodes' extremes. (The rectangles with sides off the node lines are the test above.)
    const dots::RectMm area{0.0, 0.0, 8.0, 6.0};
    const auto field = dots::DensityField::fromFunction(area, 0.5, [](core::Vec2 p) {
        const double wave = std::sin(p.x * 2.1 + 0.3) * std::cos(p.y * 1.7);
        return dots::FieldValue{150.0 + 120.0 * wave, 0.5 + 0.5 * std::cos(p.x - p.y), 0.0, 0.0};
    });
    // Away from the last node line, where at() blends from the patch before it rather than
    // reading the node.
    for (int c = 0; c + 3 < field.columns(); ++c)
        for (int r = 0; r + 3 < field.rows(); ++r)
            for (int span = 1; span <= 2; ++span) {
                const dots::RectMm rect{c * 0.5, r * 0.5, (c + span) * 0.5, (r + span) * 0.5};
                dots::FieldBounds nodes{HUGE_VAL, -HUGE_VAL, HUGE_VAL, -HUGE_VAL};
                for (int y = r; y <= r + span; ++y)
                    for (int x = c; x <= c + span; ++x) {
                        const dots::FieldValue v = field.node(x, y);
                        nodes.minDensity = std::min(nodes.minDensity, v.density);
                        nodes.maxDensity = std::max(nodes.maxDensity, v.density);
                        nodes.minMask = std::min(nodes.minMask, v.mask);
                        nodes.maxMask = std::max(nodes.maxMask, v.mask);
                    }
                const dots::FieldBounds b = field.bounds(rect);
                INFO("patch " << c << ", " << r << " spanning " << span);
                REQUIRE(b.minDensity == nodes.minDensity);
                REQUIRE(b.maxDensity == nodes.maxDensity);
                REQUIRE(b.minMask == nodes.minMask);
                REQUIRE(b.maxMask == nodes.maxMask);
                REQUIRE(field.maxDensity(rect) == nodes.maxDensity);
            }
}

TEST_CASE("Over a plateau the bounds are its value, and one raised node shows wherever it reaches", "[dots][field]") {
    // Most of a treated scalp is a plateau of one density: bounds() reads its nodes only. A
    // node's value reaches the open square of the four patches around it, and nowhere else.
    const dots::RectMm area{0.0, 0.0, 12.0, 9.0};
    const double spacing = 0.75;
    const auto plateau = dots::DensityField::fromFunction(area, spacing, [](core::Vec2) {
        return dots::FieldValue{180.0, 1.0, 0.0, 0.0};
    });
    std::uint64_t state = 11;
    auto uniform = [&state] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>(state >> 11) * 0x1.0p-53;
    };
    for (int i = 0; i < 400; ++i) {
        // Up to four patches wide, so that most take the several-patch path.
        const double w = 3.0 * uniform(), h = 3.0 * uniform();
        const double x0 = (area.x1 - w) * uniform(), y0 = (area.y1 - h) * uniform();
        const dots::RectMm rect{x0, y0, x0 + w, y0 + h};
        const dots::FieldBounds flat = plateau.bounds(rect);
        INFO("rect " << x0 << ", " << y0 << ", " << w << " x " << h);
        REQUIRE(flat.minDensity == 180.0);
        REQUIRE(flat.maxDensity == 180.0);
        REQUIRE(flat.minMask == 1.0);
        REQUIRE(flat.maxMask == 1.0);

        const int c = static_cast<int>(uniform() * (plateau.columns() - 2)) + 1;
        const int r = static_cast<int>(uniform() * (plateau.rows() - 2)) + 1;
        dots::DensityField raised = plateau;
        raised.setNode(c, r, {181.0, 0.25, 0.0, 0.0});
        const double u0 = x0 / spacing, u1 = (x0 + w) / spacing, v0 = y0 / spacing, v1 = (y0 + h) / spacing;
        const bool reaches = u1 > c - 1 && u0 < c + 1 && v1 > r - 1 && v0 < r + 1;
        const dots::FieldBounds b = raised.bounds(rect);
        INFO("node " << c << ", " << r << (reaches ? " reaches the rect" : " is beyond it"));
        CHECK((b.maxDensity > 180.0) == reaches);
        CHECK((b.minMask < 1.0) == reaches);
        // A rectangle wholly within the node's reach is raised all over.
        CHECK(b.minDensity >= 180.0);
        CHECK(b.maxMask <= 1.0);
        // Any node the rectangle's values depend on changes its fingerprint.
        if (reaches) CHECK(raised.fingerprint(rect) != plateau.fingerprint(rect));
    }
}

TEST_CASE("A rectangle's fingerprint changes with every node under it, and only with the nodes", "[dots][field]") {
    const dots::RectMm area{0.0, 0.0, 10.0, 10.0};
    const auto field = dots::DensityField::fromFunction(area, 0.5, [](core::Vec2 p) {
        return dots::FieldValue{100.0 + 3.0 * p.x * p.y, 1.0, 0.1 * p.y, 0.0};
    });
    const dots::RectMm rect{2.2, 3.1, 5.4, 6.3};
    const std::uint64_t before = field.fingerprint(rect);
    CHECK(dots::DensityField(field).fingerprint(rect) == before);
    // Each channel of each node inside, changed alone by the least step a double can take.
    for (int row = 7; row <= 12; ++row)
        for (int column = 5; column <= 10; ++column) {
            const dots::FieldValue v = field.node(column, row);
            for (int channel = 0; channel < 4; ++channel) {
                dots::FieldValue w = v;
                double& value = channel == 0 ? w.density : channel == 1 ? w.mask : channel == 2 ? w.transition : w.scar;
                value = channel == 0 ? std::nextafter(value, HUGE_VAL) : value == 0.0 ? 0.5 : value * 0.5;
                dots::DensityField changed = field;
                changed.setNode(column, row, w);
                INFO("node " << column << ", " << row << ", channel " << channel);
                CHECK(changed.fingerprint(rect) != before);
            }
        }
}

TEST_CASE("What the nodes tell of a rectangle's treatment agrees with its exact bounds", "[dots][field]") {
    // A treated disc with a soft edge, the density fading to nothing on one side and rising
    // past the area's last node line (the area overhangs it by 0.4 mm).
    const dots::RectMm area{0.0, 0.0, 20.4, 15.4};
    const auto field = dots::DensityField::fromFunction(area, 1.0, [](core::Vec2 p) {
        const double d = std::hypot(p.x - 9.0, p.y - 8.0);
        return dots::FieldValue{std::max(0.0, 40.0 * (p.x - 4.0)), std::clamp(7.0 - d, 0.0, 1.0), 0.0, 0.0};
    });
    std::uint64_t state = 3;
    auto uniform = [&state] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>(state >> 11) * 0x1.0p-53;
    };
    int all = 0, none = 0, unknown = 0;
    for (int i = 0; i < 3000; ++i) {
        const double side = i % 2 == 0 ? 0.4 * uniform() : 4.0 * uniform();
        const double x0 = -0.5 + 21.0 * uniform(), y0 = -0.5 + 16.0 * uniform();
        const dots::RectMm rect{x0, y0, x0 + side, y0 + side};
        const dots::FieldBounds b = field.bounds(rect);
        INFO("rect " << x0 << ", " << y0 << " side " << side);
        switch (field.treatedByNodes(rect)) {
            case dots::DensityField::Treated::all:
                ++all;
                REQUIRE(b.minMask >= 0.5);
                REQUIRE(b.minDensity >= dots::kMinPlacedDensity);
                break;
            case dots::DensityField::Treated::none:
                ++none;
                REQUIRE((b.maxMask < 0.5 || b.maxDensity < dots::kMinPlacedDensity));
                break;
            case dots::DensityField::Treated::unknown: ++unknown; break;
        }
    }
    // Each verdict was put to the test, and most rectangles got one.
    CHECK(all > 300);
    CHECK(none > 300);
    CHECK(unknown < all + none);
}

TEST_CASE("The expected dot count integrates the treated density", "[dots][field]") {
    // Half the square treated (x < 10), density rising along y: the integral is known.
    const auto field = dots::DensityField::fromFunction(square(20.0), 0.5, [](core::Vec2 p) {
        return dots::FieldValue{100.0 + 10.0 * p.y, p.x < 10.0 ? 1.0 : 0.0, 0.0, 0.0};
    });
    // 10 mm x 20 mm, mean density 200 dots/cm2 over 2 cm2 = 400 dots.
    CHECK(field.expectedDots() == Approx(400.0).epsilon(0.03));
    CHECK(field.expectedDots(0.5) == Approx(0.5 * field.expectedDots()).epsilon(1e-12));
}

TEST_CASE("A field knows where it differs from an earlier one, and its fingerprint follows every node",
          "[dots][field]") {
    auto field = dots::DensityField::fromFunction(square(20.0), 0.5, [](core::Vec2 p) {
        return dots::FieldValue{100.0 + 5.0 * p.x, 1.0, 0.0, 0.0};
    });
    const dots::DensityField earlier = field;
    CHECK_FALSE(field.changedSince(earlier).has_value());
    CHECK(field.fingerprint() == earlier.fingerprint());

    // One channel of two nodes far apart: the rectangle spans both, and nothing more.
    auto v = field.node(6, 31);
    v.scar = 0.5;
    field.setNode(6, 31, v);
    v = field.node(17, 4);
    v.transition = 0.25;
    field.setNode(17, 4, v);
    const auto changed = field.changedSince(earlier);
    REQUIRE(changed.has_value());
    CHECK(changed->x0 == 3.0);
    CHECK(changed->x1 == 8.5);
    CHECK(changed->y0 == 2.0);
    CHECK(changed->y1 == 15.5);
    CHECK(field.fingerprint() != earlier.fingerprint());

    // Another raster over the same area is not comparable node by node.
    const auto coarser = dots::DensityField::uniform(square(20.0), 100.0);
    CHECK_FALSE(coarser.sameRaster(field));
    CHECK(earlier.sameRaster(field));
    const dots::FieldFacts facts = dots::FieldFacts::of(field, &coarser, coarser.fingerprint());
    REQUIRE(facts.changed.has_value());
    CHECK(*facts.changed == field.area());
}
