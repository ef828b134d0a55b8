#include "core/dots/RegionSampler.h"

#include "core/dots/DotHash.h"
#include "core/dots/Spacing.h"
#include "core/dots/SpacingIndex.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace smp::dots::detail {

namespace {

// One dart per open cell and step, then the cells still open are split. A second dart per
// cell measured slower: it costs a full conflict test per open cell, most of which are
// already covered, while a split tests them with one neighbourhood query per parent.
// Splits below the storage cell before an open cell is given up. 2^-14 of a spacing is far below
// anything a dot or the r/8 maximality test can see; the cap only guards against a degenerate
// field making the run endless.
constexpr int kExtraDepth = 14;
constexpr int kMaxDepth = 30;
// A top cell normally has well under a hundred open cells at any depth; a field with edges the
// sampler cannot resolve (a density ramp to nothing, a mask with hair-thin features) could make
// that grow without end. Past this many, a top cell stops splitting: a deterministic, local cut
// that leaves at worst a sliver of gap rather than a run that never ends.
constexpr std::uint32_t kMaxOpenPerTopCell = 4096;
// Below this size (in storage cells) a cell cut by the edge of the treated area is judged by
// the straight chord through its crossings instead of being split further.
constexpr double kChordCellShare = 0.25;

struct Cell {
    std::int32_t ix, iy;
    bool dartRejected;  // its next dart already hits a dot (found while splitting its parent)
};

struct Dart {
    LatticePoint at;
    std::uint64_t key;
    std::uint32_t cell;
};

// Cells no larger than a storage cell give their darts a coarse random bucket and break ties
// in raster order: darts are then processed in sweeps that stay in cache, and only conflicts
// between two darts of the same bucket (1 in kBuckets) are settled by position instead of
// by chance. Finer cells get a full random priority.
constexpr int kBucketBits = 3;

std::uint64_t stepKey(int depth) {
    return static_cast<std::uint64_t>(depth + 1) << 59;
}

void sortDarts(std::vector<Dart>& darts, std::vector<Dart>& scratch) {
    if (darts.size() < 2048) {
        std::sort(darts.begin(), darts.end(), [](const Dart& a, const Dart& b) { return a.key < b.key; });
        return;
    }
    // Two 16-bit radix passes over the 32-bit priority, then ties settled by the full key.
    scratch.resize(darts.size());
    std::vector<std::uint32_t> counts(65536);
    for (int pass = 0; pass < 2; ++pass) {
        const int shift = 24 + 16 * pass;
        std::fill(counts.begin(), counts.end(), 0);
        for (const Dart& d : darts)
            ++counts[(d.key >> shift) & 0xffff];
        std::uint32_t sum = 0;
        for (std::uint32_t& c : counts) {
            const std::uint32_t n = c;
            c = sum;
            sum += n;
        }
        for (const Dart& d : darts)
            scratch[counts[(d.key >> shift) & 0xffff]++] = d;
        darts.swap(scratch);
    }
    const auto priority = [](const Dart& d) { return d.key >> 24; };
    for (std::size_t i = 0; i < darts.size();) {
        std::size_t j = i + 1;
        while (j < darts.size() && priority(darts[j]) == priority(darts[i]))
            ++j;
        if (j - i > 1)
            std::sort(darts.begin() + static_cast<std::ptrdiff_t>(i), darts.begin() + static_cast<std::ptrdiff_t>(j),
                      [](const Dart& a, const Dart& b) { return a.key < b.key; });
        i = j;
    }
}

// Darts arrive in raster order; a stable pass by bucket gives (bucket, raster) = key order.
void bucketDarts(std::vector<Dart>& darts, std::vector<Dart>& scratch) {
    constexpr int kBuckets = 1 << kBucketBits;
    std::array<std::size_t, kBuckets + 1> start{};
    for (const Dart& d : darts)
        ++start[((d.key >> 48) & (kBuckets - 1)) + 1];
    for (int b = 0; b < kBuckets; ++b)
        start[static_cast<std::size_t>(b + 1)] += start[static_cast<std::size_t>(b)];
    scratch.resize(darts.size());
    for (const Dart& d : darts)
        scratch[start[(d.key >> 48) & (kBuckets - 1)]++] = d;
    darts.swap(scratch);
}

class Run {
public:
    // Only what lies within reach of the sampled cells (a spacing and a cell) takes part in the
    // run: the rest of `previous` cannot touch a new dart, so it is passed through as it is, and
    // obstacles beyond that reach are never indexed. That keeps an edit's cost in proportion to
    // what it changed rather than to the whole layer.
    Run(const RegionRequest& request, const std::vector<std::uint8_t>& sampled, std::span<const SampledDot> previous,
        bool everything)
        : request_(request), field_(*request.field), grid_(*request.grid), sampled_(sampled),
          index_(grid_, everything ? request.expectedDots : std::size_t{0}) {
        salt_ = DotHash(request.seed).combine(0x4c61796572ULL).combine(request.layer).next();
        std::vector<std::uint8_t> zone;
        if (!everything) zone = grownCells(sampled, grid_, static_cast<int>(std::ceil(grid_.rMax / grid_.topSide)) + 1);
        const auto inZone = [&](core::Vec2 p) {
            return everything || zone[static_cast<std::size_t>(grid_.topIndexOf(p.x, p.y))] != 0;
        };
        for (const core::Vec2& p : request.obstacles) {
            const core::Vec2 q = wrapped(p);
            if (!inZone(q)) continue;
            index_.insertObstacle(q, field_.inside(q) ? spacingAt(q.x, q.y) : 0.0);
        }
        for (const SampledDot& dot : previous) {
            if (sampled_[static_cast<std::size_t>(grid_.topIndexOf(dot.position.x, dot.position.y))]) continue;
            (inZone(dot.position) ? fixed_ : passed_).push_back(dot);
        }
    }

    void run() {
        // First cells of every top cell, per depth, in raster order at that depth.
        std::array<std::vector<Cell>, kMaxDepth + 1> leaves;
        int deepestLeaf = 0;
        for (int ty = 0; ty < grid_.topRows; ++ty)
            for (int tx = 0; tx < grid_.topCols; ++tx) {
                const std::size_t t = static_cast<std::size_t>(ty * grid_.topCols + tx);
                if (!sampled_[t] || grid_.top[t].mask == 0) continue;
                ++cellsSampled_;
                deepestLeaf = std::max<int>(deepestLeaf, grid_.top[t].firstDepth);
            }
        for (int d = 0; d <= deepestLeaf; ++d)
            for (int ty = 0; ty < grid_.topRows; ++ty)
                for (int sy = 0; sy < (1 << d); ++sy)
                    for (int tx = 0; tx < grid_.topCols; ++tx) {
                        const std::size_t t = static_cast<std::size_t>(ty * grid_.topCols + tx);
                        if (!sampled_[t] || grid_.top[t].mask == 0 || grid_.top[t].firstDepth != d) continue;
                        for (int sx = 0; sx < (1 << d); ++sx) {
                            const Cell cell{(tx << d) + sx, (ty << d) + sy, false};
                            if (keepCell(cell, d)) leaves[static_cast<std::size_t>(d)].push_back(cell);
                        }
                    }

        const int maxDepth = std::min(kMaxDepth, grid_.storageShift + kExtraDepth);
        std::array<std::vector<Cell>, kMaxDepth + 3> pending;
        for (int depth = 0; depth <= maxDepth; ++depth) {
            std::vector<Cell> cells = std::move(pending[static_cast<std::size_t>(depth)]);
            auto& fresh = leaves[static_cast<std::size_t>(depth)];
            const bool hadChildren = !cells.empty();
            cells.insert(cells.end(), fresh.begin(), fresh.end());
            fresh = {};
            if (hadChildren && depth <= grid_.storageShift)
                std::sort(cells.begin(), cells.end(),
                          [](const Cell& a, const Cell& b) { return a.iy != b.iy ? a.iy < b.iy : a.ix < b.ix; });
            if (cells.empty()) {
                if (depth >= deepestLeaf &&
                    std::all_of(pending.begin() + depth, pending.end(), [](const auto& p) { return p.empty(); }))
                    break;
                continue;
            }
            throwDarts(cells, depth);
            insertFixedBefore(stepKey(depth + 1));
            // Above the storage cell a split lands where initial cells of sparser skin start;
            // below it, two levels at a time save half the neighbourhood queries.
            const int levels = depth < grid_.storageShift ? 1 : 2;
            if (depth + levels > maxDepth) break;
            split(cells, depth, levels, pending[static_cast<std::size_t>(depth + levels)]);
        }
        insertFixedBefore(~std::uint64_t{0});
    }

    RegionResult result() {
        RegionResult out;
        out.darts = darts_;
        out.cellsSampled = cellsSampled_;
        out.consistent = consistent_;
        std::vector<SampledDot> run;
        run.reserve(index_.dots().size());
        for (const IndexedDot& dot : index_.dots())
            run.push_back({index_.position(dot.at), dot.r, dot.key});
        const auto byKey = [](const SampledDot& a, const SampledDot& b) { return a.key < b.key; };
        std::sort(run.begin(), run.end(), byKey);
        if (passed_.empty()) {
            out.dots = std::move(run);
            return out;
        }
        out.dots.resize(run.size() + passed_.size());
        std::merge(run.begin(), run.end(), passed_.begin(), passed_.end(), out.dots.begin(), byKey);
        return out;
    }

private:
    [[nodiscard]] core::Vec2 wrapped(core::Vec2 p) const {
        if (!grid_.periodic) return p;
        const double w = grid_.area.width(), h = grid_.area.height();
        p.x = grid_.area.x0 + std::fmod(std::fmod(p.x - grid_.area.x0, w) + w, w);
        p.y = grid_.area.y0 + std::fmod(std::fmod(p.y - grid_.area.y0, h) + h, h);
        return p;
    }

    [[nodiscard]] double spacingAt(double x, double y) const {
        const TopCell& top = grid_.top[static_cast<std::size_t>(grid_.topIndexOf(x, y))];
        if (top.constant) return top.rLo;
        return spacingMm(grid_.densityScale * field_.densityAt({x, y}));
    }

    [[nodiscard]] std::size_t topIndex(const Cell& cell, int depth) const {
        return static_cast<std::size_t>((cell.iy >> depth) * grid_.topCols + (cell.ix >> depth));
    }
    [[nodiscard]] const TopCell& topOf(const Cell& cell, int depth) const { return grid_.top[topIndex(cell, depth)]; }
    // How far a search from inside the cell must look for the dots that could cover it: its least
    // spacing `rLo` (lattice steps), or the reach of the dots already placed around it (mm).
    [[nodiscard]] double searchFrom(const Cell& cell, int depth, double rLo) const {
        return std::max(rLo * index_.step(), index_.reachInto(topIndex(cell, depth)));
    }

    // Fixed dots enter the run at their own priority; one that clashes with a newer dot means
    // the change reached beyond the resampled cells.
    void insertFixedBefore(std::uint64_t key) {
        while (nextFixed_ < fixed_.size() && fixed_[nextFixed_].key < key) {
            const SampledDot& dot = fixed_[nextFixed_++];
            const LatticePoint at = index_.latticeOf(dot.position);
            const std::size_t top = static_cast<std::size_t>(grid_.topIndexOf(dot.position.x, dot.position.y));
            if (index_.conflicts(at, dot.spacing, index_.reachInto(top))) {
                consistent_ = false;  // and the cell may be taken: leave the dot out
                continue;
            }
            index_.insert(at, dot.spacing, dot.key);
        }
    }

    // Side of a cell at `depth`, in lattice steps.
    [[nodiscard]] std::int64_t sideSteps(int depth) const {
        return std::int64_t{1} << (kLatticeBits + grid_.storageShift - depth);
    }

    struct CellDart {
        LatticePoint at;
        std::uint64_t key;
    };

    // The dart a cell gets at its depth: position and priority both hashed from the cell.
    [[nodiscard]] CellDart dartFor(const Cell& cell, int depth) const {
        const std::int64_t side = sideSteps(depth);
        const double sideD = static_cast<double>(side);
        const std::uint64_t h =
            mix64(mix64(salt_ ^ stepKey(depth)) ^
                  mix64((static_cast<std::uint64_t>(cell.ix) << 32) ^ static_cast<std::uint32_t>(cell.iy)));
        const std::uint64_t p = mix64(h + 0x9e3779b97f4a7c15ULL);
        LatticePoint at{cell.ix * side + static_cast<std::int64_t>(static_cast<double>(h >> 11) * 0x1.0p-53 * sideD),
                        cell.iy * side + static_cast<std::int64_t>(static_cast<double>(p >> 11) * 0x1.0p-53 * sideD)};
        if ((at.x & 0xffff) == 0xffff && (at.y & 0xffff) == 0xffff) --at.y;  // reserved word
        const std::uint64_t mixed = mix64(p ^ h);
        std::uint64_t priority;
        if (depth <= grid_.storageShift) {
            priority = ((mixed >> (64 - kBucketBits)) << 48) | (static_cast<std::uint64_t>(cell.iy) << 24) |
                       static_cast<std::uint64_t>(cell.ix);
        } else {
            priority = mixed & ((std::uint64_t{1} << 56) - 1);
        }
        return {at, stepKey(depth) | priority};
    }

    // Least spacing anywhere in a cell, in lattice steps: the top cell's bound, or a tighter one
    // from the field where the density varies (coverage tests are only as good as this bound).
    [[nodiscard]] double cellRLo(const TopCell& top, const Cell& cell, int depth) const {
        if (top.constant) return top.rLo / index_.step();
        const std::int64_t side = sideSteps(depth);
        const core::Vec2 a = index_.position({cell.ix * side, cell.iy * side});
        const core::Vec2 b = index_.position({(cell.ix + 1) * side, (cell.iy + 1) * side});
        const double densest = std::max(field_.maxDensity({a.x, a.y, b.x, b.y}), kMinPlacedDensity);
        const double r = spacingMm(grid_.densityScale * densest);
        return std::max(r, top.rLo) / index_.step();
    }

    [[nodiscard]] double spacingOfDart(const TopCell& top, LatticePoint at, bool& inside) const {
        inside = true;
        if (top.mask == 2 && top.constant) return top.rLo;
        const core::Vec2 where = index_.position(at);
        if (top.mask == 1 && !field_.inside(where)) {
            inside = false;
            return 0.0;
        }
        return top.constant ? top.rLo : spacingMm(grid_.densityScale * field_.densityAt(where));
    }

    void throwDarts(std::vector<Cell>& cells, int depth) {
        darts.clear();
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const Cell& cell = cells[i];
            ++darts_;
            if (cell.dartRejected) continue;
            const CellDart dart = dartFor(cell, depth);
            darts.push_back({dart.at, dart.key, static_cast<std::uint32_t>(i)});
        }
        if (depth <= grid_.storageShift) {
            bucketDarts(darts, scratch);
        } else {
            sortDarts(darts, scratch);
        }
        std::vector<std::uint8_t> filled(cells.size(), 0);
        for (const Dart& dart : darts) {
            insertFixedBefore(dart.key);
            const TopCell& top = topOf(cells[dart.cell], depth);
            bool inside = true;
            const double r = spacingOfDart(top, dart.at, inside);
            if (!inside || index_.conflicts(dart.at, r, index_.reachInto(topIndex(cells[dart.cell], depth)))) continue;
            index_.insert(dart.at, r, dart.key);
            filled[dart.cell] = 1;
        }
        std::size_t kept = 0;
        for (std::size_t i = 0; i < cells.size(); ++i)
            if (!filled[i]) {
                cells[kept] = cells[i];
                cells[kept++].dartRejected = false;
            }
        cells.resize(kept);
    }

    // Splits every open cell `levels` times. One neighbourhood query per cell serves all its
    // descendants: each is dropped when a single dot covers it, and the dart it will get next
    // is tested against the same dots (all older than that dart, so a rejection is final).
    void split(const std::vector<Cell>& cells, int depth, int levels, std::vector<Cell>& out) {
        openPerTop_.assign(grid_.top.size(), 0);
        const std::int64_t side = sideSteps(depth);
        const double step = index_.step();
        for (const Cell& cell : cells) {
            const TopCell& top = topOf(cell, depth);
            const LatticePoint centre{cell.ix * side + side / 2, cell.iy * side + side / 2};
            // The parent's bound serves its descendants too: looser for them, but one field query
            // instead of twenty, and the next split tightens it again.
            const double rLo = cellRLo(top, cell, depth);
            // Coverage needs every dot within max(rLo, its spacing) of the cell; a dart that a dot
            // beyond that would reject is still rejected, by its full test when it is thrown.
            const double halfDiagonal = 0.5 * static_cast<double>(side) * step * 1.4142135623730951;
            index_.gather(centre, searchFrom(cell, depth, rLo) + halfDiagonal, near_);
            if (coveredBy(near_, 0.0, 0.0, 0.5 * static_cast<double>(side), rLo)) continue;
            descend(cell, depth, levels, centre, top, rLo, near_, out);
        }
    }

    // Each child looks only at the dots that touch it (found while testing whether one covers
    // it), so its own children and its dart are tested against a few dots rather than all.
    void descend(const Cell& cell, int depth, int levels, LatticePoint centre, const TopCell& top, double rLo,
                 const std::vector<SpacingIndex::Near>& near, std::vector<Cell>& out) {
        const std::int64_t childSide = sideSteps(depth + 1);
        const double half = 0.5 * static_cast<double>(childSide);
        const double rKeep = std::max(rLo, top.rHi / index_.step());
        std::vector<SpacingIndex::Near>& touching = touching_[static_cast<std::size_t>(levels)];
        for (int k = 0; k < 4; ++k) {
            const Cell child{cell.ix * 2 + (k & 1), cell.iy * 2 + (k >> 1), false};
            const double ox = static_cast<double>(child.ix * childSide - centre.x) + half;
            const double oy = static_cast<double>(child.iy * childSide - centre.y) + half;
            if (!touchingDots(near, ox, oy, half, rLo, rKeep, touching)) continue;
            if (top.mask == 1 && !keepCell(child, depth + 1)) continue;
            if (levels > 1) {
                descend(child, depth + 1, levels - 1, centre, top, rLo, touching, out);
                continue;
            }
            const std::size_t t =
                static_cast<std::size_t>((child.iy >> (depth + 1)) * grid_.topCols + (child.ix >> (depth + 1)));
            if (++openPerTop_[t] > kMaxOpenPerTopCell) continue;
            out.push_back(child);
            Cell& added = out.back();
            const CellDart next = dartFor(added, depth + 1);
            bool inside = true;
            const double r = spacingOfDart(top, next.at, inside) / index_.step();
            if (!inside) {
                added.dartRejected = true;
                continue;
            }
            const double ddx = static_cast<double>(next.at.x - centre.x);
            const double ddy = static_cast<double>(next.at.y - centre.y);
            for (const SpacingIndex::Near& dot : touching) {
                const double ex = dot.dx - ddx, ey = dot.dy - ddy;
                const double limit = std::max(r, dot.r);
                if (ex * ex + ey * ey < limit * limit * (1.0 + 1e-12)) {
                    added.dartRejected = true;
                    break;
                }
            }
        }
    }

    // The dots of `near` that reach into the square of half-side `half` centred at (ox, oy), with
    // the larger of their spacing and `rKeep`; false (and `out` unfinished) when one of them
    // covers the square, with the larger of its spacing and `rLo`.
    static bool touchingDots(const std::vector<SpacingIndex::Near>& near, double ox, double oy, double half, double rLo,
                             double rKeep, std::vector<SpacingIndex::Near>& out) {
        out.clear();
        for (const SpacingIndex::Near& dot : near) {
            const double ax = std::abs(dot.dx - ox), ay = std::abs(dot.dy - oy);
            const double fx = ax + half, fy = ay + half;
            const double cover = std::max(rLo, dot.r);
            if (fx * fx + fy * fy < cover * cover) return false;
            const double nx = std::max(ax - half, 0.0), ny = std::max(ay - half, 0.0);
            const double keep = std::max(rKeep, dot.r);
            if (nx * nx + ny * ny < keep * keep * (1.0 + 1e-9)) out.push_back(dot);
        }
        return true;
    }

    // Is the square of half-side `half` centred at (ox, oy) (lattice steps, relative to where
    // `near` was gathered) inside the reach of one of the dots?
    static bool coveredBy(const std::vector<SpacingIndex::Near>& near, double ox, double oy, double half, double rLo) {
        for (const SpacingIndex::Near& dot : near) {
            const double fx = std::abs(dot.dx - ox) + half, fy = std::abs(dot.dy - oy) + half;
            const double limit = std::max(rLo, dot.r);
            if (fx * fx + fy * fy < limit * limit) return true;
        }
        return false;
    }

    // False when no dart in the cell could land in treated skin (or, for a small cell on the
    // edge of the treated area, when one dot covers its treated part).
    bool keepCell(const Cell& cell, int depth) {
        const TopCell& top = topOf(cell, depth);
        const std::int64_t side = sideSteps(depth);
        const double step = index_.step();
        const double x0 = grid_.area.x0 + static_cast<double>(cell.ix * side) * step;
        const double y0 = grid_.area.y0 + static_cast<double>(cell.iy * side) * step;
        const double sideMm = static_cast<double>(side) * step;
        const LatticePoint centre{cell.ix * side + side / 2, cell.iy * side + side / 2};
        if (top.mask == 1) {
            if (sideMm > kChordCellShare * grid_.s0) {
                const FieldBounds b = field_.bounds({x0, y0, x0 + sideMm, y0 + sideMm});
                const bool outsideArea = x0 >= grid_.area.x1 || y0 >= grid_.area.y1;
                if (outsideArea || b.maxMask < 0.5 || b.maxDensity < kMinPlacedDensity) return false;
            } else {
                const double rLo = cellRLo(top, cell, depth);
                return keepEdgeCell(centre, x0, y0, sideMm, searchFrom(cell, depth, rLo), rLo);
            }
        }
        return true;
    }

    // A small cell the edge of the treated area may cut: the treated part is taken as the
    // polygon of its treated corners and the edge's crossings of its sides.
    bool keepEdgeCell(LatticePoint centre, double x0, double y0, double side, double search, double rLo) {
        const std::array<core::Vec2, 4> corners{{{x0, y0}, {x0 + side, y0}, {x0 + side, y0 + side}, {x0, y0 + side}}};
        std::array<bool, 4> in{};
        int inside = 0;
        for (std::size_t i = 0; i < 4; ++i)
            inside += (in[i] = field_.inside(corners[i]));
        if (inside == 0) return false;
        std::array<core::Vec2, 8> polygon{};
        std::size_t n = 0;
        for (std::size_t i = 0; i < 4; ++i) {
            const core::Vec2 a = corners[i], b = corners[(i + 1) % 4];
            if (in[i]) polygon[n++] = a;
            if (in[i] != in[(i + 1) % 4]) {
                double lo = 0.0, hi = 1.0;  // lo stays on a's side of the edge
                for (int it = 0; it < 20; ++it) {
                    const double mid = 0.5 * (lo + hi);
                    (field_.inside(a + (b - a) * mid) == in[i] ? lo : hi) = mid;
                }
                polygon[n++] = a + (b - a) * (in[i] ? lo : hi);
            }
        }
        const double step = index_.step();
        index_.gather(centre, search + side, edgeNear_);
        const core::Vec2 c = index_.position(centre);
        for (const SpacingIndex::Near& dot : edgeNear_) {
            const double limit = std::max(rLo, dot.r);
            bool all = true;
            for (std::size_t i = 0; i < n && all; ++i) {
                const double ex = (polygon[i].x - c.x) / step - dot.dx;
                const double ey = (polygon[i].y - c.y) / step - dot.dy;
                all = ex * ex + ey * ey < limit * limit;
            }
            if (all) return false;
        }
        return true;
    }

    const RegionRequest& request_;
    const DensityField& field_;
    const LayerGrid& grid_;
    const std::vector<std::uint8_t>& sampled_;
    SpacingIndex index_;
    std::uint64_t salt_ = 0;
    std::vector<SampledDot> fixed_;   // earlier dots near the sampled cells, re-entered in key order
    std::vector<SampledDot> passed_;  // earlier dots beyond their reach, in key order, untouched
    std::size_t nextFixed_ = 0;
    bool consistent_ = true;
    std::size_t darts_ = 0;
    std::size_t cellsSampled_ = 0;
    std::vector<Dart> darts, scratch;  // reused between depths
    std::vector<SpacingIndex::Near> near_, edgeNear_;
    std::array<std::vector<SpacingIndex::Near>, 3> touching_;  // per levels left in descend
    std::vector<std::uint32_t> openPerTop_;
};

bool sameDots(std::vector<SampledDot> a, std::vector<SampledDot> b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].key != b[i].key || !(a[i].position == b[i].position)) return false;
    return true;
}

}  // namespace

RegionResult resampleRegion(const RegionRequest& request, const std::vector<std::uint8_t>& region,
                            const std::vector<std::uint8_t>& sampled, std::span<const SampledDot> previous) {
    const LayerGrid& grid = *request.grid;
    const bool everything = std::all_of(sampled.begin(), sampled.end(), [](std::uint8_t s) { return s != 0; });
    Run run(request, sampled, everything ? std::span<const SampledDot>{} : previous, everything);
    run.run();
    RegionResult out = run.result();
    if (everything || !out.consistent) return out;
    // The ring: sampled, but outside the region the change was confined to.
    auto inRing = [&](const SampledDot& dot) {
        const std::size_t t = static_cast<std::size_t>(grid.topIndexOf(dot.position.x, dot.position.y));
        return sampled[t] && !region[t];
    };
    std::vector<SampledDot> before, after;
    for (const SampledDot& dot : previous)
        if (inRing(dot)) before.push_back(dot);
    for (const SampledDot& dot : out.dots)
        if (inRing(dot)) after.push_back(dot);
    out.consistent = sameDots(std::move(before), std::move(after));
    return out;
}

}  // namespace smp::dots::detail
