#include "core/dots/LayerSampler.h"

#include "core/Errors.h"
#include "core/dots/DotHash.h"
#include "core/dots/LayerGrid.h"
#include "core/dots/RegionSampler.h"
#include "core/dots/Spacing.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <sstream>

namespace smp::dots {

using detail::LayerGrid;

struct LayerSampler::State {
    bool valid = false;
    LayerGrid grid;
    std::uint64_t seed = 0;
    std::uint32_t layer = 0;
    std::optional<std::uint64_t> fieldPrint;  // of the field `grid` was built from, when told it
    std::vector<std::uint64_t> obstacleFingerprints;  // per top cell
    std::vector<SampledDot> dots;
    LayerStats stats;
};

namespace {

std::vector<std::uint64_t> obstacleFingerprints(const LayerGrid& grid, std::span<const core::Vec2> obstacles) {
    std::vector<std::uint64_t> prints(grid.top.size(), 0);
    for (const core::Vec2& p : obstacles) {
        std::uint64_t& print = prints[static_cast<std::size_t>(grid.topIndexOf(p.x, p.y))];
        // Order-independent: a sum of hashes of the positions.
        print += mix64(std::bit_cast<std::uint64_t>(p.x) ^ mix64(std::bit_cast<std::uint64_t>(p.y)));
    }
    return prints;
}

// Top cells whose content differs between two runs, grown by how far a change can act: a
// changed obstacle acts on darts up to a spacing away; a changed field only on darts inside the
// cell (it also moves the search reach, which never changes which darts are accepted).
std::vector<std::uint8_t> dirtyCells(const LayerGrid& now, const LayerGrid& before,
                                     const std::vector<std::uint64_t>& obstaclesNow,
                                     const std::vector<std::uint64_t>& obstaclesBefore) {
    std::vector<std::uint8_t> field(now.top.size(), 0), obstacles(now.top.size(), 0);
    for (std::size_t i = 0; i < now.top.size(); ++i) {
        field[i] = now.top[i].fingerprint != before.top[i].fingerprint;
        obstacles[i] = obstaclesNow[i] != obstaclesBefore[i];
    }
    std::vector<std::uint8_t> dirty = grownCells(obstacles, now, static_cast<int>(std::ceil(now.rMax / now.topSide)));
    for (std::size_t i = 0; i < dirty.size(); ++i)
        dirty[i] |= field[i];
    return dirty;
}

// Returns about how many dots the layer will hold.
std::size_t checkRequest(const LayerRequest& request) {
    if (request.field == nullptr) throw core::UsageError("dot layer: no density field given");
    const double expected = request.facts != nullptr ? request.facts->expectedDots * request.densityScale
                                                     : request.field->expectedDots(request.densityScale);
    if (expected > static_cast<double>(request.dotCap)) {
        std::ostringstream message;
        message << "dot layer: about " << static_cast<long long>(expected) << " dots requested, over the cap of "
                << request.dotCap << "; lower the density or the treated area";
        throw core::UsageError(message.str());
    }
    for (const core::Vec2& p : request.obstacles)
        if (!std::isfinite(p.x) || !std::isfinite(p.y))
            throw core::UsageError("dot layer: an obstacle dot has a position that is not a number");
    return static_cast<std::size_t>(expected);
}

}  // namespace

FieldFacts FieldFacts::of(const DensityField& field, const DensityField* previous, std::uint64_t previousFingerprint) {
    FieldFacts facts;
    facts.fingerprint = field.fingerprint();
    facts.expectedDots = field.expectedDots(1.0);
    facts.bounds = field.bounds(field.area());
    facts.previous = previousFingerprint;
    facts.changed = field.area();
    if (previous != nullptr && previous->sameRaster(field)) facts.changed = field.changedSince(*previous);
    return facts;
}

LayerSampler::LayerSampler() : state_(std::make_unique<State>()) {}
LayerSampler::~LayerSampler() = default;
LayerSampler::LayerSampler(LayerSampler&&) noexcept = default;
LayerSampler& LayerSampler::operator=(LayerSampler&&) noexcept = default;

const LayerStats& LayerSampler::lastStats() const {
    return state_->stats;
}

void LayerSampler::reset() {
    state_->valid = false;
    state_->fieldPrint.reset();
}

const std::vector<SampledDot>& LayerSampler::sample(const LayerRequest& request) {
    const std::size_t expected = checkRequest(request);
    State& s = *state_;
    const FieldFacts* facts = request.facts;
    detail::GridReuse reuse;
    if (facts != nullptr) {
        reuse.whole = facts->bounds;
        if (s.valid && s.fieldPrint == facts->previous) reuse.previous = &s.grid, reuse.changed = facts->changed;
    }
    LayerGrid grid = detail::buildLayerGrid(*request.field, request.densityScale, request.periodic, reuse);
    const std::optional<std::uint64_t> fieldPrint =
        facts != nullptr ? std::optional<std::uint64_t>(facts->fingerprint) : std::nullopt;
    std::vector<std::uint64_t> prints = obstacleFingerprints(grid, request.obstacles);
    const detail::RegionRequest base{request.field, &grid, request.seed, request.layer, request.obstacles, expected};

    const bool comparable = s.valid && s.seed == request.seed && s.layer == request.layer && s.grid.sameShape(grid);
    LayerStats stats;
    stats.topCells = grid.top.size();
    if (comparable) {
        std::vector<std::uint8_t> region = dirtyCells(grid, s.grid, prints, s.obstacleFingerprints);
        // As wide as a dot reaches: a dot beyond it sees only ring dots, so when those come out as
        // they were, so does everything beyond.
        const int ring = static_cast<int>(std::ceil(grid.rMax / grid.topSide));
        if (std::none_of(region.begin(), region.end(), [](std::uint8_t d) { return d != 0; })) {
            s.grid = std::move(grid);
            s.fieldPrint = fieldPrint;
            s.stats = stats;
            s.stats.incremental = true;
            return s.dots;
        }
        for (;;) {
            const std::size_t count = static_cast<std::size_t>(std::count(region.begin(), region.end(), 1));
            if (count == region.size()) break;  // the change reached everything: start afresh
            detail::RegionResult result = detail::resampleRegion(base, region, grownCells(region, grid, ring), s.dots);
            stats.darts += result.darts;
            ++stats.passes;
            if (result.consistent) {
                stats.incremental = true;
                stats.resampledCells = result.cellsSampled;
                s.grid = std::move(grid);
                s.fieldPrint = fieldPrint;
                s.obstacleFingerprints = std::move(prints);
                s.dots = std::move(result.dots);
                s.stats = stats;
                return s.dots;
            }
            region = grownCells(region, grid, ring);
        }
    }
    std::vector<std::uint8_t> everything(grid.top.size(), 1);
    detail::RegionResult result = detail::resampleRegion(base, everything, everything, {});
    stats.darts += result.darts;
    ++stats.passes;
    stats.resampledCells = result.cellsSampled;
    s.grid = std::move(grid);
    s.fieldPrint = fieldPrint;
    s.obstacleFingerprints = std::move(prints);
    s.dots = std::move(result.dots);
    s.seed = request.seed;
    s.layer = request.layer;
    s.valid = true;
    s.stats = stats;
    return s.dots;
}

std::vector<SampledDot> LayerSampler::release() && {
    reset();
    return std::move(state_->dots);
}

std::vector<SampledDot> sampleLayer(const LayerRequest& request) {
    LayerSampler sampler;
    (void)sampler.sample(request);
    return std::move(sampler).release();
}

}  // namespace smp::dots
