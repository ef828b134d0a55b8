// Photo masks against analytic areas and against a brute-force pixel-by-pixel model.
#include "core/design/PhotoMask.h"
#include "core/Errors.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <random>
#include <vector>

using namespace smp;
using design::PhotoMask;
using design::PixelRun;

namespace {

using Pixels = std::vector<char>;  // row-major, one per pixel

Pixels pixelsOf(const PhotoMask& mask) {
    Pixels out(static_cast<std::size_t>(mask.size().width * mask.size().height), 0);
    for (int y = 0; y < mask.size().height; ++y)
        for (int x = 0; x < mask.size().width; ++x)
            out[static_cast<std::size_t>(y * mask.size().width + x)] = mask.contains(x, y);
    return out;
}

// The rule the header states: a pixel is in when its centre is.
Pixels pixelsWhere(core::SizePx size, const std::function<bool(core::Vec2)>& in) {
    Pixels out(static_cast<std::size_t>(size.width * size.height), 0);
    for (int y = 0; y < size.height; ++y)
        for (int x = 0; x < size.width; ++x)
            out[static_cast<std::size_t>(y * size.width + x)] = in({x + 0.5, y + 0.5});
    return out;
}

double segmentDistance(core::Vec2 p, core::Vec2 a, core::Vec2 b) {
    const core::Vec2 d = b - a;
    const double t = std::clamp(core::dot(p - a, d) / core::dot(d, d), 0.0, 1.0);
    return core::distance(p, a + d * t);
}

bool nearPath(core::Vec2 p, const std::vector<core::Vec2>& path, double r) {
    for (std::size_t i = 0; i + 1 < path.size(); ++i)
        if (segmentDistance(p, path[i], path[i + 1]) <= r) return true;
    return false;
}

// Even-odd by casting a ray to the right: the textbook test, written independently.
bool insidePolygon(core::Vec2 p, const std::vector<core::Vec2>& corners) {
    bool in = false;
    for (std::size_t i = 0, j = corners.size() - 1; i < corners.size(); j = i++) {
        const core::Vec2 a = corners[i], b = corners[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) in = !in;
    }
    return in;
}

double shoelace(const std::vector<core::Vec2>& corners) {
    double twice = 0.0;
    for (std::size_t i = 0; i < corners.size(); ++i)
        twice += core::cross(corners[i], corners[(i + 1) % corners.size()]);
    return std::abs(twice) / 2.0;
}

std::size_t differing(const Pixels& a, const Pixels& b) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        count += (a[i] != 0) != (b[i] != 0);
    return count;
}

std::vector<core::Vec2> randomPoints(std::mt19937& rng, int count, core::SizePx size, double overhang) {
    std::uniform_real_distribution<double> x(-overhang, size.width + overhang), y(-overhang, size.height + overhang);
    std::vector<core::Vec2> out;
    for (int i = 0; i < count; ++i)
        out.push_back({x(rng), y(rng)});
    return out;
}

// Reads every row back through fromRows, which rejects any unsorted, empty or touching run.
void requireWellFormed(const PhotoMask& mask) {
    std::vector<std::vector<PixelRun>> rows;
    for (int y = 0; y < mask.size().height; ++y)
        rows.push_back(mask.row(y));
    REQUIRE_NOTHROW(PhotoMask::fromRows(mask.size(), rows));
}

}  // namespace

TEST_CASE("a mask needs a photo size", "[mask]") {
    REQUIRE_THROWS_AS(PhotoMask({0, 10}), core::UsageError);
    REQUIRE_THROWS_WITH(PhotoMask({10, -1}), Catch::Contains("10 x -1"));
    const PhotoMask none;
    REQUIRE(none.empty());
    REQUIRE(none.coverage(0, 0, 5, 5) == 0.0);
    REQUIRE_FALSE(none.contains(0, 0));
}

TEST_CASE("a polygon covers its analytic area and follows the even-odd rule", "[mask]") {
    PhotoMask mask({1000, 900});
    const std::vector<core::Vec2> triangle{{10.3, 20.7}, {990.1, 50.2}, {400.6, 880.9}};
    mask.paintPolygon(triangle);
    REQUIRE(static_cast<double>(mask.area()) == Approx(shoelace(triangle)).epsilon(0.002));
    REQUIRE(differing(pixelsOf(mask),
                      pixelsWhere(mask.size(), [&](core::Vec2 p) { return insidePolygon(p, triangle); })) == 0);
    requireWellFormed(mask);

    // A pentagram: the points are in, the pentagon in the middle is covered twice, so out.
    PhotoMask star({200, 200});
    std::vector<core::Vec2> corners;
    for (int i = 0; i < 5; ++i) {
        const double a = -M_PI / 2 + i * 4.0 * M_PI / 5.0;
        corners.push_back({100.2 + 90.0 * std::cos(a), 100.3 + 90.0 * std::sin(a)});
    }
    star.paintPolygon(corners);
    REQUIRE_FALSE(star.contains(100, 100));
    REQUIRE(star.contains(100, 20));
    REQUIRE(differing(pixelsOf(star),
                      pixelsWhere(star.size(), [&](core::Vec2 p) { return insidePolygon(p, corners); })) == 0);
}

TEST_CASE("a disc covers pi r^2 and exactly the pixels whose centres it holds", "[mask]") {
    PhotoMask big({800, 800});
    big.paintDisc({400.37, 390.81}, 300.0);
    REQUIRE(static_cast<double>(big.area()) == Approx(M_PI * 300.0 * 300.0).epsilon(0.001));

    std::mt19937 rng(11);
    std::uniform_real_distribution<double> radius(0.3, 25.0);
    PhotoMask mask({90, 70});
    Pixels expected(90 * 70, 0);
    for (const core::Vec2 c : randomPoints(rng, 12, mask.size(), 10.0)) {
        const double r = radius(rng);
        mask.paintDisc(c, r);
        const Pixels disc = pixelsWhere(mask.size(), [&](core::Vec2 p) { return core::distance(p, c) <= r; });
        for (std::size_t i = 0; i < expected.size(); ++i)
            expected[i] |= disc[i];
    }
    REQUIRE(differing(pixelsOf(mask), expected) == 0);
    requireWellFormed(mask);
}

TEST_CASE("a brush stroke is every pixel within its radius of the path, and erases the same way", "[mask]") {
    std::mt19937 rng(5);
    const core::SizePx size{120, 90};
    for (int trial = 0; trial < 20; ++trial) {
        const std::vector<core::Vec2> path = randomPoints(rng, 2 + trial % 6, size, 15.0);
        const double r = 0.5 + trial * 0.9;
        PhotoMask mask(size);
        mask.paintStroke(path, r);
        INFO("trial " << trial << ", radius " << r);
        REQUIRE(differing(pixelsOf(mask), pixelsWhere(size, [&](core::Vec2 p) { return nearPath(p, path, r); })) == 0);
        requireWellFormed(mask);

        // Erasing a second stroke from a filled rectangle leaves the rest.
        const std::vector<core::Vec2> eraser = randomPoints(rng, 3, size, 0.0);
        mask.paintRect({10, 5, 100, 70});
        mask.paintStroke(eraser, r * 0.5, false);
        const Pixels expected = pixelsWhere(size, [&](core::Vec2 p) {
            const bool inRect = p.x > 10 && p.x < 110 && p.y > 5 && p.y < 75;
            return (inRect || nearPath(p, path, r)) && !nearPath(p, eraser, r * 0.5);
        });
        REQUIRE(differing(pixelsOf(mask), expected) == 0);
        requireWellFormed(mask);
    }
    // A single point is a disc.
    PhotoMask dot(size);
    const core::Vec2 only[] = {{40.2, 30.7}};
    dot.paintStroke(only, 6.0);
    REQUIRE(differing(pixelsOf(dot),
                      pixelsWhere(size, [&](core::Vec2 p) { return core::distance(p, only[0]) <= 6.0; })) == 0);
}

TEST_CASE("touching runs merge into one and painting is clipped to the photo", "[mask]") {
    PhotoMask mask({20, 4});
    mask.paintRect({0, 1, 5, 1});
    mask.paintRect({5, 1, 5, 1});
    mask.paintRect({12, 1, 30, 1});
    REQUIRE(mask.row(1) == std::vector<PixelRun>{{0, 10}, {12, 20}});
    mask.paintRect({10, 1, 2, 1});
    REQUIRE(mask.row(1) == std::vector<PixelRun>{{0, 20}});
    mask.paintRect({4, 1, 3, 1}, false);
    REQUIRE(mask.row(1) == std::vector<PixelRun>{{0, 4}, {7, 20}});
    mask.paintRect({-5, -5, 100, 100});
    REQUIRE(mask.area() == 80);
    mask.clear();
    REQUIRE(mask.empty());
    REQUIRE_THROWS_AS(mask.paintDisc({1, 1}, NAN), core::UsageError);
    const core::Vec2 bad[] = {{0, 0}, {INFINITY, 1}, {2, 2}};
    REQUIRE_THROWS_WITH(mask.paintPolygon(bad), Catch::Contains("polygon corner 1"));
}

TEST_CASE("unite, subtract and intersect agree with pixel-by-pixel logic", "[mask]") {
    std::mt19937 rng(2024);
    const core::SizePx size{100, 80};
    auto randomMask = [&] {
        PhotoMask mask(size);
        std::uniform_real_distribution<double> radius(2.0, 20.0);
        mask.paintPolygon(randomPoints(rng, 7, size, 10.0));
        mask.paintStroke(randomPoints(rng, 4, size, 5.0), radius(rng));
        mask.paintDisc(randomPoints(rng, 1, size, 0.0)[0], radius(rng), false);
        return mask;
    };
    for (int trial = 0; trial < 25; ++trial) {
        const PhotoMask a = randomMask(), b = randomMask();
        const Pixels pa = pixelsOf(a), pb = pixelsOf(b);
        Pixels both(pa.size()), either(pa.size()), only(pa.size());
        for (std::size_t i = 0; i < pa.size(); ++i) {
            both[i] = pa[i] && pb[i];
            either[i] = pa[i] || pb[i];
            only[i] = pa[i] && !pb[i];
        }
        PhotoMask united = a, subtracted = a, intersected = a;
        united.unite(b);
        subtracted.subtract(b);
        intersected.intersect(b);
        INFO("trial " << trial);
        REQUIRE(differing(pixelsOf(united), either) == 0);
        REQUIRE(differing(pixelsOf(subtracted), only) == 0);
        REQUIRE(differing(pixelsOf(intersected), both) == 0);
        requireWellFormed(united);
        requireWellFormed(subtracted);
        requireWellFormed(intersected);
    }
    PhotoMask small({10, 10});
    REQUIRE_THROWS_AS(small.unite(PhotoMask({10, 11})), core::UsageError);
}

TEST_CASE("stored runs are checked, naming the row and the rule", "[mask]") {
    const core::SizePx size{10, 3};
    auto rows = [](std::vector<PixelRun> bad) { return std::vector<std::vector<PixelRun>>{{}, {}, std::move(bad)}; };
    REQUIRE_NOTHROW(PhotoMask::fromRows(size, rows({{0, 2}, {3, 10}})));
    REQUIRE_THROWS_WITH(PhotoMask::fromRows(size, rows({{4, 4}})),
                        Catch::Contains("row 2") && Catch::Contains("empty"));
    REQUIRE_THROWS_WITH(PhotoMask::fromRows(size, rows({{-1, 4}})),
                        Catch::Contains("row 2") && Catch::Contains("out of the photo"));
    REQUIRE_THROWS_WITH(PhotoMask::fromRows(size, rows({{4, 11}})),
                        Catch::Contains("row 2") && Catch::Contains("out of the photo"));
    REQUIRE_THROWS_WITH(PhotoMask::fromRows(size, rows({{5, 7}, {1, 3}})),
                        Catch::Contains("row 2") && Catch::Contains("unsorted"));
    REQUIRE_THROWS_WITH(PhotoMask::fromRows(size, rows({{1, 5}, {4, 7}})),
                        Catch::Contains("row 2") && Catch::Contains("overlaps"));
    REQUIRE_THROWS_WITH(PhotoMask::fromRows(size, rows({{1, 5}, {5, 7}})),
                        Catch::Contains("row 2") && Catch::Contains("touches"));
    REQUIRE_THROWS_WITH(PhotoMask::fromRows(size, {{}, {}}), Catch::Contains("2 rows"));
    REQUIRE_THROWS_AS(PhotoMask::fromRows({0, 0}, {}), core::InputError);
    // What was stored comes back equal.
    PhotoMask mask(size);
    mask.paintRect({2, 1, 5, 2});
    REQUIRE(PhotoMask::fromRows(size, {mask.row(0), mask.row(1), mask.row(2)}) == mask);
}

TEST_CASE("coverage counts partial pixels by their overlap", "[mask]") {
    PhotoMask mask({8, 8});
    mask.paintRect({2, 3, 1, 1});
    REQUIRE(mask.coverage(2, 3, 3, 4) == 1.0);
    REQUIRE(mask.coverage(2.5, 3, 3.5, 4) == Approx(0.5));
    REQUIRE(mask.coverage(1.5, 2.5, 3.5, 4.5) == Approx(0.25));
    REQUIRE(mask.coverage(2.75, 3.5, 3.75, 4.5) == Approx(0.125));
    REQUIRE(mask.coverage(4, 4, 6, 6) == 0.0);
    // Clipped to the photo: the part outside neither counts for nor against.
    mask.paintRect({0, 0, 1, 1});
    REQUIRE(mask.coverage(-1, -1, 1, 1) == 1.0);
    REQUIRE(mask.coverage(-5, -5, -1, -1) == 0.0);

    // Against a brute-force sum over pixels on a random mask.
    std::mt19937 rng(3);
    PhotoMask shape({60, 50});
    shape.paintPolygon(randomPoints(rng, 9, shape.size(), 5.0));
    std::uniform_real_distribution<double> corner(0.0, 45.0), side(0.1, 15.0);
    for (int i = 0; i < 200; ++i) {
        const double x0 = corner(rng), y0 = corner(rng), x1 = x0 + side(rng), y1 = y0 + side(rng);
        double set = 0.0;
        for (int y = 0; y < 50; ++y)
            for (int x = 0; x < 60; ++x) {
                const double w = std::max(0.0, std::min(x1, x + 1.0) - std::max(x0, double(x)));
                const double h = std::max(0.0, std::min(y1, y + 1.0) - std::max(y0, double(y)));
                set += shape.contains(x, y) ? w * h : 0.0;
            }
        const double clippedArea = (std::min(x1, 60.0) - x0) * (std::min(y1, 50.0) - y0);
        REQUIRE(shape.coverage(x0, y0, x1, y1) == Approx(set / clippedArea).margin(1e-12));
    }
}

TEST_CASE("coverage of a row of cells at once is the coverage of each", "[mask]") {
    std::mt19937 rng(8);
    PhotoMask shape({70, 40});
    shape.paintPolygon(randomPoints(rng, 12, shape.size(), 5.0));
    shape.paintStroke(randomPoints(rng, 3, shape.size(), 0.0), 2.5, false);
    std::uniform_real_distribution<double> start(-10.0, 20.0), width(0.3, 9.0), top(-3.0, 38.0);
    for (int trial = 0; trial < 300; ++trial) {
        const double x0 = start(rng), w = width(rng), y0 = top(rng), y1 = y0 + width(rng);
        std::vector<double> along(static_cast<std::size_t>(1 + trial % 17));
        shape.coverageAlong(x0, w, y0, y1, along);
        for (std::size_t i = 0; i < along.size(); ++i) {
            INFO("trial " << trial << ", cell " << i);
            REQUIRE(along[i] == Approx(shape.coverage(x0 + i * w, y0, x0 + (i + 1) * w, y1)).margin(1e-9));
        }
    }
}
