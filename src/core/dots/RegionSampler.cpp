#include "core/dots/RegionSampler.h"

#include "core/dots/DartOrder.h"
#include "core/dots/DotHash.h"
#include "core/dots/GapGeometry.h"
#include "core/dots/Spacing.h"
#include "core/dots/SpacingIndex.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>

namespace smp::dots::detail {

namespace {

// After the dart pass every cell still empty is filled once, exactly: its open part is found
// from the discs around it (GapGeometry.h) and a dot is drawn in it. The cells take their turn
// in the order of an exponential clock whose rate is the open area, so a gap is filled by a
// dot drawn evenly over the whole gap, as random sequential addition would, rather than in the
// first sliver of it that a raster sweep comes to (which packs dots closer than it should).
constexpr int kFillStep = 30;
// Darts to estimate a cell's open area, and to find its gap when it is filled.
constexpr int kEstimateDarts = 8;
constexpr std::size_t kFillLookahead = 2;      // fill turns whose memory is asked for ahead
constexpr std::size_t kCoverageLookahead = 8;  // darts and cells whose coverage word is asked for ahead
constexpr int kCellDarts = 4;
constexpr int kFewOpenParts = 16;
constexpr int kGapDarts = 24;
// When darts in the gap's box all miss (a gap cut by the edge of the treated area, or a density
// that varies across the cell), the box is split into quarters with tighter bounds, this deep at
// most and this many boxes per cell: a deterministic, local cut that leaves at worst a sliver.
constexpr int kMaxSplitDepth = 8;
constexpr int kMaxBoxesPerCell = 64;
// A dart-pass dart whose cell lies on the edge of the treated area (a flag in Dart::cell, whose
// index stays below it: buildLayerGrid caps a grid at 4e8 cells).
constexpr std::uint32_t kPartialDart = 0x80000000u;
constexpr double kPartSteps = static_cast<double>(kLatticePerCell >> SpacingIndex::kCoverBits);

struct Cell {
    std::int32_t ix, iy;
    std::int32_t depth;
    bool partial;  // the edge of the treated area crosses it
};

// What a run allocates, kept per thread for the next run: a layer's lists run to megabytes, and
// fresh pages cost more to fault in than to clear.
struct Scratch {
    // One per grid in recent use (the sessions of a layout are sampled on grids of their own):
    // a run on the grid of an earlier run clears only what that run wrote.
    std::array<SpacingIndex::Storage, 4> indexes;
    std::array<std::uint64_t, 4> lastUsed{};
    std::uint64_t runs = 0;
    std::vector<Dart> darts, spare;
    std::array<std::vector<Dart>, std::size_t{1} << kBucketBits> buckets;
    std::array<std::vector<Cell>, 32> leaves;
    std::array<std::vector<std::pair<int, int>>, 32> tops;
    std::vector<Cell> open;
};

Scratch& threadScratch() {
    thread_local Scratch scratch;
    return scratch;
}

SpacingIndex::Storage& indexStorageFor(Scratch& scratch, const LayerGrid& grid) {
    std::size_t pick = 0;
    for (std::size_t i = 0; i < scratch.indexes.size(); ++i) {
        if (scratch.indexes[i].cols == grid.cols && scratch.indexes[i].rows == grid.rows) {
            pick = i;
            break;
        }
        if (scratch.lastUsed[i] < scratch.lastUsed[pick]) pick = i;
    }
    scratch.lastUsed[pick] = ++scratch.runs;
    return scratch.indexes[pick];
}

class Run {
public:
    // Only what lies within reach of the sampled cells (a spacing) takes part in the
    // run: the rest of `previous` cannot touch a new dart, so it is passed through as it is, and
    // obstacles beyond that reach are never indexed. That keeps an edit's cost in proportion to
    // what it changed rather than to the whole layer.
    Run(const RegionRequest& request, const std::vector<std::uint8_t>& sampled, std::span<const SampledDot> previous,
        bool everything)
        : field_(*request.field), grid_(*request.grid), sampled_(sampled),
          scratch_(threadScratch()), storage_(indexStorageFor(scratch_, grid_)),
          index_(grid_, everything ? request.expectedDots : std::size_t{0}, std::move(storage_)) {
        salt_ = DotHash(request.seed).combine(0x4c61796572ULL).combine(request.layer).next();
        streamPrefix_ = streamPrefixes();
        std::vector<std::uint8_t> zone;
        if (!everything) zone = grownCells(sampled, grid_, static_cast<int>(std::ceil(grid_.rMax / grid_.topSide)));
        const auto inZone = [&](core::Vec2 p) {
            return everything || zone[static_cast<std::size_t>(grid_.topIndexOf(p.x, p.y))] != 0;
        };
        for (const core::Vec2& p : request.obstacles) {
            const core::Vec2 q = wrapped(p);
            if (!inZone(q)) continue;
            index_.insertObstacle(q, field_.inside(q) ? spacingAt(q.x, q.y) : 0.0);
        }
        passed_.reserve(previous.size());
        for (const SampledDot& dot : previous) {
            const std::size_t top = static_cast<std::size_t>(grid_.topIndexOf(dot.position.x, dot.position.y));
            if (sampled_[top])
                replaced_.push_back(dot);
            else
                (zone[top] != 0 ? fixed_ : passed_).push_back(dot);
        }
    }

    void run() {
        // The first cells of every top cell, per depth, in raster order at that depth.
        auto& leaves = scratch_.leaves;
        for (auto& list : leaves)
            list.clear();
        // The sampled top cells by the depth their darts start at, in raster order: after an
        // edit they are a few per cent of the grid.
        auto& tops = scratch_.tops;
        for (auto& list : tops)
            list.clear();
        int deepestLeaf = 0;
        for (int ty = 0; ty < grid_.topRows; ++ty)
            for (int tx = 0; tx < grid_.topCols; ++tx) {
                const std::size_t t = static_cast<std::size_t>(ty * grid_.topCols + tx);
                if (!sampled_[t] || grid_.top[t].mask == 0) continue;
                ++cellsSampled_;
                deepestLeaf = std::max<int>(deepestLeaf, grid_.top[t].firstDepth);
                tops[grid_.top[t].firstDepth].push_back({tx, ty});
            }
        for (int d = 0; d <= deepestLeaf; ++d) {
            const std::vector<std::pair<int, int>>& list = tops[static_cast<std::size_t>(d)];
            for (std::size_t rowStart = 0, rowEnd = 0; rowStart < list.size(); rowStart = rowEnd) {
                const int ty = list[rowStart].second;
                while (rowEnd < list.size() && list[rowEnd].second == ty)
                    ++rowEnd;
                for (int sy = 0; sy < (1 << d); ++sy)
                    for (std::size_t i = rowStart; i < rowEnd; ++i)
                        for (int sx = 0; sx < (1 << d); ++sx) {
                            Cell cell{(list[i].first << d) + sx, (ty << d) + sy, d, false};
                            const int treated = treatment(cell);
                            cell.partial = treated == 1;
                            // A storage cell the obstacles already cover whole can never take a
                            // dot (a later session's skin is mostly that): no dart, no turn.
                            // Without obstacles nothing is covered yet, and the coverage words
                            // are not read (a million-dot layer's run to 23 MB).
                            if (index_.hasObstacles() && treated == 2 && d == grid_.storageShift &&
                                index_.coverage(cell.ix, cell.iy) == ~std::uint64_t{0})
                                continue;
                            if (treated > 0) leaves[static_cast<std::size_t>(d)].push_back(cell);
                        }
            }
        }
        std::vector<Cell>& open = scratch_.open;
        open.clear();
        for (int depth = 0; depth <= deepestLeaf; ++depth) {
            std::vector<Cell>& cells = leaves[static_cast<std::size_t>(depth)];
            if (cells.empty()) continue;
            throwDarts(cells);
            insertFixedBefore(stepKey(depth + 1));
            open.insert(open.end(), cells.begin(), cells.end());
            cells.clear();
        }
        insertFixedBefore(stepKey(kFillStep));
        fill(open);
        insertFixedBefore(~std::uint64_t{0});
    }

    ~Run() { storage_ = std::move(index_).release(); }
    Run(const Run&) = delete;
    Run& operator=(const Run&) = delete;

    // With `region`, the result is checked to be exact: the ring (the cells sampled but outside
    // the region the change was confined to) must have come out as it was.
    RegionResult result(const std::vector<std::uint8_t>* region) {
        RegionResult out;
        out.darts = darts_;
        out.cellsSampled = cellsSampled_;
        out.consistent = consistent_;
        std::vector<SampledDot> run;
        run.reserve(index_.dots().size());
        for (const IndexedDot& dot : index_.dots())
            run.push_back({index_.position(dot.at), dot.r, dot.key});
        // Every step inserts in key order, so this is a check rather than a sort.
        const auto byKey = [](const SampledDot& a, const SampledDot& b) { return a.key < b.key; };
        if (!std::is_sorted(run.begin(), run.end(), byKey)) std::sort(run.begin(), run.end(), byKey);
        if (region != nullptr && out.consistent) out.consistent = ringUnchanged(*region, run);
        if (passed_.empty()) {
            out.dots = std::move(run);
            return out;
        }
        out.dots.resize(run.size() + passed_.size());
        std::merge(run.begin(), run.end(), passed_.begin(), passed_.end(), out.dots.begin(), byKey);
        return out;
    }

private:
    // Only dots in sampled cells can differ: the earlier ones there are `replaced_`, the new ones
    // are in `run` (the rest of `run` is fixed dots, outside the sampled cells).
    [[nodiscard]] bool ringUnchanged(const std::vector<std::uint8_t>& region, const std::vector<SampledDot>& run) const {
        const auto inRing = [&](const SampledDot& dot) {
            const std::size_t t = static_cast<std::size_t>(grid_.topIndexOf(dot.position.x, dot.position.y));
            return sampled_[t] && !region[t];
        };
        std::vector<SampledDot> before, after;
        for (const SampledDot& dot : replaced_)
            if (inRing(dot)) before.push_back(dot);
        for (const SampledDot& dot : run)
            if (inRing(dot)) after.push_back(dot);
        if (before.size() != after.size()) return false;
        for (std::size_t i = 0; i < before.size(); ++i)
            if (before[i].key != after[i].key || !(before[i].position == after[i].position)) return false;
        return true;
    }

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

    [[nodiscard]] std::size_t topIndex(const Cell& cell) const {
        return static_cast<std::size_t>((cell.iy >> cell.depth) * grid_.topCols + (cell.ix >> cell.depth));
    }
    [[nodiscard]] const TopCell& topOf(const Cell& cell) const { return grid_.top[topIndex(cell)]; }

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
    // A cell at `depth` is 2^sideBits(depth) lattice steps on a side (depth 0: a top cell).
    [[nodiscard]] int sideBits(int depth) const { return kLatticeBits + grid_.storageShift - depth; }
    [[nodiscard]] std::int64_t sideSteps(int depth) const { return std::int64_t{1} << sideBits(depth); }
    [[nodiscard]] LatticePoint centreOf(const Cell& cell) const {
        const std::int64_t side = sideSteps(cell.depth);
        return {cell.ix * side + side / 2, cell.iy * side + side / 2};
    }
    [[nodiscard]] RectMm rectMm(LatticePoint centre, const GapBox& box) const {
        const core::Vec2 a = index_.position(centre);
        const double step = index_.step();
        return {a.x + box.x0 * step, a.y + box.y0 * step, a.x + box.x1 * step, a.y + box.y1 * step};
    }

    // The dart a cell gets in the dart pass: position and priority both hashed from the cell.
    // `depthSalt` is mix64(salt_ ^ stepKey(cell.depth)), the same for every dart of a depth.
    [[nodiscard]] Dart dartFor(const Cell& cell, std::uint32_t index, std::uint64_t depthSalt) const {
        const int depth = cell.depth;
        const int bits = sideBits(depth);
        const std::int64_t side = sideSteps(depth);
        const std::uint64_t h =
            mix64(depthSalt ^ mix64((static_cast<std::uint64_t>(cell.ix) << 32) ^ static_cast<std::uint32_t>(cell.iy)));
        const std::uint64_t p = mix64(h + 0x9e3779b97f4a7c15ULL);
        // A uniform offset in the cell: the top `bits` of the hash, which is exactly
        // floor(uniform53 * side) for a side that is a power of two.
        LatticePoint at{cell.ix * side + static_cast<std::int64_t>(h >> (64 - bits)),
                        cell.iy * side + static_cast<std::int64_t>(p >> (64 - bits))};
        if ((at.x & 0xffff) == 0xffff && (at.y & 0xffff) == 0xffff) --at.y;  // reserved word
        const std::uint64_t mixed = mix64(p ^ h);
        const std::uint64_t priority = ((mixed >> (64 - kBucketBits)) << 48) |
                                       (static_cast<std::uint64_t>(cell.iy) << 24) |
                                       static_cast<std::uint64_t>(cell.ix);
        return {at, stepKey(depth) | priority, index};
    }

    // Least spacing anywhere in a box (lattice steps around `centre`): the top cell's bound, or a
    // tighter one from the field where the density varies.
    [[nodiscard]] double boxRLo(const TopCell& top, LatticePoint centre, const GapBox& box) const {
        if (top.constant) return top.rLo / index_.step();
        const double densest = std::max(field_.maxDensity(rectMm(centre, box)), kMinPlacedDensity);
        return std::max(spacingMm(grid_.densityScale * densest), top.rLo) / index_.step();
    }

    [[nodiscard]] double spacingOfDart(const TopCell& top, bool partial, LatticePoint at, bool& inside) const {
        inside = true;
        if (!partial && top.constant) return top.rLo;
        const core::Vec2 where = index_.position(at);
        if (partial && !field_.inside(where)) {
            inside = false;
            return 0.0;
        }
        return top.constant ? top.rLo : spacingMm(grid_.densityScale * field_.densityAt(where));
    }

    // The cells of one depth, one dart each. The darts go straight into their buckets, each in
    // the cells' raster order (key order: DartOrder.h), and carry what the pass needs of their
    // cell: it never reads the cell list, which runs to megabytes, out of order.
    void throwDarts(std::vector<Cell>& cells) {
        auto& buckets = scratch_.buckets;
        for (std::vector<Dart>& bucket : buckets)
            bucket.clear();
        const std::uint64_t depthSalt = mix64(salt_ ^ stepKey(cells.front().depth));  // one depth per call
        for (std::size_t i = 0; i < cells.size(); ++i) {
            Dart dart = dartFor(cells[i], static_cast<std::uint32_t>(i), depthSalt);
            if (cells[i].partial) dart.cell |= kPartialDart;
            buckets[static_cast<std::size_t>((dart.key >> 48) & (buckets.size() - 1))].push_back(dart);
        }
        darts_ += cells.size();
        const int topBits = sideBits(0);
        std::vector<std::uint8_t> filled(cells.size(), 0);
        for (const std::vector<Dart>& bucket : buckets)
            for (std::size_t i = 0; i < bucket.size(); ++i) {
                const Dart& dart = bucket[i];
                // A sweep's darts are cells apart: the next ones' coverage words are asked for now.
                if (i + kCoverageLookahead < bucket.size()) index_.prefetchCoverage(bucket[i + kCoverageLookahead].at);
                insertFixedBefore(dart.key);
                if (index_.inCoveredPart(dart.at)) continue;
                const std::size_t t = static_cast<std::size_t>((dart.at.y >> topBits) * grid_.topCols + (dart.at.x >> topBits));
                bool inside = true;
                const double r = spacingOfDart(grid_.top[t], (dart.cell & kPartialDart) != 0, dart.at, inside);
                if (!inside || index_.conflicts(dart.at, r, index_.reachInto(t))) continue;
                index_.insert(dart.at, r, dart.key);
                filled[dart.cell & ~kPartialDart] = 1;
            }
        std::size_t kept = 0;
        for (std::size_t i = 0; i < cells.size(); ++i)
            if (!filled[i]) cells[kept++] = cells[i];
        cells.resize(kept);
    }

    // The dots around a cell (lattice steps from its centre) whose discs could cover part of it.
    void gatherAround(const Cell& cell, LatticePoint centre) {
        const double side = static_cast<double>(sideSteps(cell.depth));
        const double halfDiagonal = 0.5 * side * index_.step() * 1.4142135623730951;
        index_.gather(centre, gatherReach(cell) + halfDiagonal, near_);
    }

    // How far (mm) beyond a cell its gather looks: as far as the cell's largest spacing where
    // the density varies, so that the gathered dots are every one a dart's own spacing can
    // reach and a dart is tested against them alone; and as far as any dot reaches into it.
    [[nodiscard]] double gatherReach(const Cell& cell) const {
        const TopCell& top = topOf(cell);
        return std::max(top.constant ? top.rLo : top.rHi, index_.reachInto(topIndex(cell)));
    }

    // The conflict rule against the gathered dots, for a dart `(x, y)` lattice steps from the
    // cell's centre whose own spacing is `r` lattice steps (what SpacingIndex::conflicts tests).
    [[nodiscard]] bool clashesNear(double x, double y, double r) const {
        for (const SpacingIndex::Near& dot : near_) {
            const double dx = dot.dx - x, dy = dot.dy - y;
            const double limit = std::max(r, dot.r);
            if (dx * dx + dy * dy < limit * limit * kConflictSlack) return true;
        }
        return false;
    }

    // The discs of the gathered dots for points of a box whose least spacing is rLo.
    std::span<GapDisc> discsFor(double rLo) {
        discs_.clear();
        for (const SpacingIndex::Near& dot : near_) {
            const double r = std::max(rLo, dot.r);
            discs_.push_back({dot.dx, dot.dy, r * r * kConflictSlack});
        }
        return discs_;
    }

    // Every cell the dart pass left empty: its open area now, and from it when its turn comes.
    void fill(const std::vector<Cell>& open) {
        darts_list_.clear();
        for (std::size_t i = 0; i < open.size(); ++i) {
            const Cell& cell = open[i];
            if (i + kCoverageLookahead < open.size()) index_.prefetchCoverage(centreOf(open[i + kCoverageLookahead]));
            const std::uint64_t key = fillKey(cell);
            if (key != 0)
                darts_list_.push_back({{cell.ix, cell.iy}, key, static_cast<std::uint32_t>(cell.depth << 1 | cell.partial)});
        }
        sortDarts(darts_list_, scratch_.spare);
        for (std::size_t i = 0; i < darts_list_.size(); ++i) {
            const Dart& turn = darts_list_[i];
            // The turns jump about the layer: ask for the next ones' neighbourhoods now, so that
            // their queries do not wait on memory.
            if (i + kFillLookahead < darts_list_.size()) prefetchTurn(darts_list_[i + kFillLookahead]);
            insertFixedBefore(turn.key);
            fillCell(cellOfTurn(turn), turn.key);
        }
    }

    // A turn of the gap fill holds its cell's column and row, depth and edge flag (see fill()).
    [[nodiscard]] static Cell cellOfTurn(const Dart& turn) {
        return {static_cast<std::int32_t>(turn.at.x), static_cast<std::int32_t>(turn.at.y),
                static_cast<std::int32_t>(turn.cell >> 1), (turn.cell & 1) != 0};
    }

    // Asks for the memory a fill turn will read: as far around its cell as its gather reaches.
    void prefetchTurn(const Dart& turn) const {
        const Cell cell = cellOfTurn(turn);
        const LatticePoint centre = centreOf(cell);
        const int cells = static_cast<int>(gatherReach(cell) / grid_.s0) + 1;
        index_.prefetchAround(centre.x >> kLatticeBits, centre.y >> kLatticeBits, cells);
    }

    // The random stream of a cell for one purpose (kEstimate or kFill).
    [[nodiscard]] DotHash cellStream(const Cell& cell, int purpose) const {
        DotHash stream = streamPrefix_[static_cast<std::size_t>(purpose * kDepths + cell.depth)];
        return stream.combine((static_cast<std::uint64_t>(static_cast<std::uint32_t>(cell.ix)) << 32) |
                              static_cast<std::uint32_t>(cell.iy));
    }
    // DotHash(salt_).combine(purpose).combine(depth) for every purpose and depth, worked out once
    // per run: three of the four mixes a cell's stream costs.
    static constexpr int kEstimate = 0, kFill = 1, kDepths = 32;
    [[nodiscard]] std::vector<DotHash> streamPrefixes() const {
        std::vector<DotHash> out;
        out.reserve(2 * kDepths);
        for (const std::uint64_t purpose : {0x45737469ULL, 0x46696c6cULL})
            for (int depth = 0; depth < kDepths; ++depth)
                out.push_back(DotHash(salt_).combine(purpose).combine(static_cast<std::uint64_t>(depth)));
        return out;
    }

    // The cell in lattice steps around its centre, cut to the field's area (the grid runs past it).
    [[nodiscard]] GapBox cellBox(const Cell& cell, LatticePoint centre) const {
        const double half = 0.5 * static_cast<double>(sideSteps(cell.depth));
        GapBox box{-half, -half, half, half};
        if (cell.partial) {
            const core::Vec2 c = index_.position(centre);
            box.x1 = std::min(box.x1, (grid_.area.x1 - c.x) / index_.step());
            box.y1 = std::min(box.y1, (grid_.area.y1 - c.y) / index_.step());
        }
        return box;
    }

    // Parts of the cell (eighths of a storage cell on a side) that no single dot covers whole.
    [[nodiscard]] int openParts(const Cell& cell) const {
        const int shift = grid_.storageShift - cell.depth;
        // Nearly every cell the fill takes is one storage cell: one word.
        if (shift == 0) return countBits(~index_.coverage(cell.ix, cell.iy));
        int open = 0;
        for (std::int64_t row = std::int64_t{cell.iy} << shift; row < (std::int64_t{cell.iy} + 1) << shift; ++row)
            for (std::int64_t col = std::int64_t{cell.ix} << shift; col < (std::int64_t{cell.ix} + 1) << shift; ++col)
                open += countBits(~index_.coverage(col, row));
        return open;
    }

    // The cell's place in the fill order, or 0 when it is already covered.
    std::uint64_t fillKey(const Cell& cell) {
        const TopCell& top = topOf(cell);
        double area = 0.0;  // in parts
        if (!cell.partial) {
            area = openParts(cell);
            if (area == 0.0) return 0;
        }
        DotHash random = cellStream(cell, kEstimate);
        if (cell.partial) {
            // Untreated skin is never covered: measure the open treated area with darts.
            const LatticePoint centre = centreOf(cell);
            const GapBox box = cellBox(cell, centre);
            gatherAround(cell, centre);
            std::span<GapDisc> discs = discsFor(boxRLo(top, centre, box));
            const int reaching = discsReaching(box, discs);
            if (reaching < 0) return 0;
            discs = discs.first(static_cast<std::size_t>(reaching));
            const auto hits = [&](const GapBox& b) {
                int count = 0;
                for (int i = 0; i < kEstimateDarts; ++i) {
                    const double x = b.x0 + random.uniform() * (b.x1 - b.x0);
                    const double y = b.y0 + random.uniform() * (b.y1 - b.y0);
                    if (coveredBy(discs, x, y)) continue;
                    if (!field_.inside(index_.position(centre) + core::Vec2{x, y} * index_.step())) continue;
                    ++count;
                }
                return count;
            };
            darts_ += kEstimateDarts;
            double lattice = box.area() * hits(box) / kEstimateDarts;
            if (lattice == 0.0) {
                GapBox gap{};
                if (!openBox(box, discs, gap)) return 0;
                darts_ += kEstimateDarts;
                lattice = std::max(gap.area(), 1.0) * (hits(gap) + 0.5) / (kEstimateDarts + 0.5);
            }
            area = lattice / (kPartSteps * kPartSteps);
        }
        if (area == 0.0) return 0;
        // Exponential waiting time with the open area as its rate.
        const double clock = -std::log1p(-random.uniform()) / area;
        const auto bits = std::bit_cast<std::uint32_t>(static_cast<float>(clock));
        return stepKey(kFillStep) | (static_cast<std::uint64_t>(bits) << 24) | (random.next() & 0xffffff);
    }

    void fillCell(const Cell& cell, std::uint64_t key) {
        const TopCell& top = topOf(cell);
        const LatticePoint centre = centreOf(cell);
        const GapBox box = cellBox(cell, centre);
        if (!cell.partial && openParts(cell) == 0) return;
        gatherAround(cell, centre);
        DotHash random = cellStream(cell, kFill);
        int boxes = 0;
        fillBox(cell, top, centre, box, key, random, 0, boxes);
    }

    // Looks for room in `box` (lattice steps around the cell's centre): darts in the box, then in
    // the box around its gap, then in the quarters of that box. True when a dot went in.
    bool fillBox(const Cell& cell, const TopCell& top, LatticePoint centre, const GapBox& box, std::uint64_t key,
                 DotHash& random, int depth, int& boxes) {
        if (++boxes > kMaxBoxesPerCell) return false;
        if (cell.partial && depth > 0) {
            const FieldBounds b = field_.bounds(rectMm(centre, box));
            if (b.maxMask < 0.5 || b.maxDensity < kMinPlacedDensity) return false;
        }
        const double rLo = boxRLo(top, centre, box);
        std::span<GapDisc> discs = discsFor(rLo);
        const int reaching = discsReaching(box, discs);
        if (reaching < 0) return false;
        discs = discs.first(static_cast<std::size_t>(reaching));
        GapBox search = box;
        if (depth == 0) {
            // A cell with only a few open parts is usually covered, the parts cut by two discs
            // together: go straight to the exact test.
            if (cell.partial || openParts(cell) > kFewOpenParts)
                for (int i = 0; i < kCellDarts; ++i)
                    if (tryDart(cell, top, centre, openPartOf(cell, box, random), discs, key, random)) return true;
            // Only the parts no single dot covers can hold a gap.
            if (openPartsBox(cell, box, search)) {
                const int within = discsReaching(search, discs);
                if (within < 0) return false;
                discs = discs.first(static_cast<std::size_t>(within));
            }
        }
        GapBox gap{};
        if (!openBox(search, discs, gap)) return false;
        for (int i = 0; i < kGapDarts; ++i)
            if (tryDart(cell, top, centre, gap, discs, key, random)) return true;
        // Below a lattice step there is nowhere left to put a dot.
        if (depth == kMaxSplitDepth || (gap.x1 - gap.x0 < 1.0 && gap.y1 - gap.y0 < 1.0)) return false;
        const double mx = 0.5 * (gap.x0 + gap.x1), my = 0.5 * (gap.y0 + gap.y1);
        const std::array<GapBox, 4> quarters{{{gap.x0, gap.y0, mx, my},
                                              {mx, gap.y0, gap.x1, my},
                                              {gap.x0, my, mx, gap.y1},
                                              {mx, my, gap.x1, gap.y1}}};
        const std::uint64_t first = random.next();
        for (std::uint64_t k = 0; k < 4; ++k)
            if (fillBox(cell, top, centre, quarters[(first + k) & 3], key, random, depth + 1, boxes)) return true;
        return false;
    }

    // A part of the cell that no single dot covers, drawn at random (the whole cell when the cell
    // is larger than a storage cell or lies on the edge of the treated area).
    GapBox openPartOf(const Cell& cell, const GapBox& box, DotHash& random) const {
        if (cell.depth != grid_.storageShift || cell.partial) return box;
        const std::uint64_t open = ~index_.coverage(cell.ix, cell.iy);
        if (open == 0) return box;
        std::uint64_t bits = open;
        for (std::uint64_t skip = random.next() % static_cast<std::uint64_t>(countBits(open)); skip > 0; --skip)
            bits &= bits - 1;
        const int part = std::countr_zero(bits);
        const double x0 = box.x0 + (part & 7) * kPartSteps, y0 = box.y0 + (part >> 3) * kPartSteps;
        return {x0, y0, x0 + kPartSteps, y0 + kPartSteps};
    }

    // The box around the parts of a storage-sized cell that no single dot covers; false when
    // the cell is larger or on the edge of the treated area (then the whole cell is searched).
    bool openPartsBox(const Cell& cell, const GapBox& box, GapBox& out) const {
        if (cell.depth != grid_.storageShift || cell.partial) return false;
        const std::uint64_t open = ~index_.coverage(cell.ix, cell.iy);
        if (open == 0) return false;
        std::uint64_t columns = 0;
        for (int row = 0; row < 8; ++row)
            columns |= (open >> (8 * row)) & 0xff;
        const int row0 = std::countr_zero(open) >> 3, row1 = (63 - std::countl_zero(open)) >> 3;
        const int col0 = std::countr_zero(columns), col1 = 7 - std::countl_zero(static_cast<std::uint8_t>(columns));
        out = {box.x0 + col0 * kPartSteps, box.y0 + row0 * kPartSteps, box.x0 + (col1 + 1) * kPartSteps,
               box.y0 + (row1 + 1) * kPartSteps};
        return true;
    }

    // A dart drawn in `b`: kept when no disc covers it, it lands in treated skin and the full
    // test (its own spacing, every dot in reach) agrees.
    bool tryDart(const Cell& cell, const TopCell& top, LatticePoint centre, const GapBox& b,
                 std::span<const GapDisc> discs, std::uint64_t key, DotHash& random) {
        ++darts_;
        const std::int64_t side = sideSteps(cell.depth);
        const std::int64_t lo = -side / 2, hi = side / 2 - 1;
        const double fx = b.x0 + random.uniform() * (b.x1 - b.x0);
        const double fy = b.y0 + random.uniform() * (b.y1 - b.y0);
        const std::int64_t ox = std::clamp(floorToInt(fx), lo, hi);
        std::int64_t oy = std::clamp(floorToInt(fy), lo, hi);
        LatticePoint at{centre.x + ox, centre.y + oy};
        if ((at.x & 0xffff) == 0xffff && (at.y & 0xffff) == 0xffff) {  // reserved word
            --at.y;
            --oy;
        }
        // The dart sits on the lattice, which may put it just outside a box smaller than a
        // lattice step: test it against every disc of the cell, not only those of the box.
        const double px = static_cast<double>(ox), py = static_cast<double>(oy);
        if (coveredBy(discs, px, py)) return false;
        const bool inBox = px >= b.x0 && px <= b.x1 && py >= b.y0 && py <= b.y1;
        if (!inBox && discs.size() < discs_.size() && coveredBy(discs_, px, py)) return false;
        bool inside = true;
        const double r = spacingOfDart(top, cell.partial, at, inside);
        if (!inside) return false;
        // The discs already hold every dot that could cover the cell; a dart whose own spacing
        // is larger than the cell's least one may still clash with a dot farther out, and the
        // gathered dots hold every one of those.
        if (!top.constant && clashesNear(px, py, r / index_.step())) return false;
        index_.insert(at, r, key);
        return true;
    }

    // 0 when no dart in the cell could land in treated skin, 2 when every dart would, else 1.
    int treatment(const Cell& cell) const {
        const TopCell& top = topOf(cell);
        if (top.mask != 1) return 2;
        const std::int64_t side = sideSteps(cell.depth);
        const double step = index_.step();
        const double x0 = grid_.area.x0 + static_cast<double>(cell.ix * side) * step;
        const double y0 = grid_.area.y0 + static_cast<double>(cell.iy * side) * step;
        const double sideMm = static_cast<double>(side) * step;
        if (x0 >= grid_.area.x1 || y0 >= grid_.area.y1) return 0;
        const RectMm rect{x0, y0, x0 + sideMm, y0 + sideMm};
        const bool inArea = rect.x1 <= grid_.area.x1 && rect.y1 <= grid_.area.y1;
        switch (field_.treatedByNodes(rect)) {
            case DensityField::Treated::none: return 0;
            case DensityField::Treated::all: return inArea ? 2 : 1;
            case DensityField::Treated::unknown: break;
        }
        const FieldBounds b = field_.bounds(rect);
        if (b.maxMask < 0.5 || b.maxDensity < kMinPlacedDensity) return 0;
        const bool whole = b.minMask >= 0.5 && b.minDensity >= kMinPlacedDensity && inArea;
        return whole ? 2 : 1;
    }

    const DensityField& field_;
    const LayerGrid& grid_;
    const std::vector<std::uint8_t>& sampled_;
    Scratch& scratch_;
    SpacingIndex::Storage& storage_;
    SpacingIndex index_;
    std::uint64_t salt_ = 0;
    std::vector<DotHash> streamPrefix_;
    std::vector<SampledDot> fixed_;   // earlier dots near the sampled cells, re-entered in key order
    std::vector<SampledDot> passed_;  // earlier dots beyond their reach, in key order, untouched
    std::vector<SampledDot> replaced_;  // earlier dots in the sampled cells, in key order
    std::size_t nextFixed_ = 0;
    bool consistent_ = true;
    std::size_t darts_ = 0;
    std::size_t cellsSampled_ = 0;
    std::vector<Dart>& darts_list_ = scratch_.darts;
    std::vector<SpacingIndex::Near> near_;
    std::vector<GapDisc> discs_;
};

}  // namespace

RegionResult resampleRegion(const RegionRequest& request, const std::vector<std::uint8_t>& region,
                            const std::vector<std::uint8_t>& sampled, std::span<const SampledDot> previous) {
    const bool everything = std::all_of(sampled.begin(), sampled.end(), [](std::uint8_t s) { return s != 0; });
    Run run(request, sampled, everything ? std::span<const SampledDot>{} : previous, everything);
    run.run();
    return run.result(everything ? nullptr : &region);
}

}  // namespace smp::dots::detail
