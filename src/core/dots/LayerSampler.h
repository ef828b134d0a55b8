#pragma once
// Maximal variable-density blue noise for one layer of dots.
//
// Conflict rule: two dots p, q keep |p - q| >= max(r(p), r(q)), r = spacingMm(scale * density).
// The layer is maximal: when sample() returns, every treated point x has a dot p with
// |x - p| < max(r(x), r(p)), so no further dot could be added anywhere.
//
// How: random sequential addition run to saturation, in two steps. First one dart per cell of a
// grid whose cells are too small to hold two dots (Ebeida et al. 2012, "A simple algorithm for
// maximal Poisson-disk sampling in high dimensions"), in random buckets swept in raster order;
// that places about three dots in four. Then every cell still empty is filled once, exactly:
// the part of it that the discs around it leave open is found from the corners of that region
// (GapGeometry.h) and a dot drawn in it. The empty cells take their turn by an exponential clock
// whose rate is their open area (read from a bitmap of which eighths of each cell a single disc
// covers), so that gaps fill as they would under random sequential addition, large before
// small. Every dart's position and priority come from a hash of (seed, layer, cell, step), and
// dots go in in priority order, so the result is a pure function of the inputs and each dot
// depends only on its neighbourhood. That locality is what makes resampling after a local edit
// exact: only the cells whose field changed are redone (plus a ring that is checked against
// the previous result and widened when it differs).

#include "core/Geometry.h"
#include "core/dots/DensityField.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace smp::dots {

struct SampledDot {
    core::Vec2 position;
    double spacing = 0.0;   // r at this dot, mm
    std::uint64_t key = 0;  // acceptance priority: unique, and the order dots are returned in
};

// What a caller that samples several layers of one field works out once for all of them, and
// how the field differs from the one it gave the previous call (MicrodotEngine keeps that one).
// Set-up then skips passes over the whole field and redoes only the cells near the nodes that
// changed. Fingerprints tie it to the fields it was measured on; use FieldFacts::of.
struct FieldFacts {
    std::uint64_t fingerprint = 0;  // DensityField::fingerprint()
    double expectedDots = 0.0;      // DensityField::expectedDots(1.0)
    FieldBounds bounds;             // DensityField::bounds(area())
    std::uint64_t previous = 0;     // fingerprint of the previous call's field
    std::optional<RectMm> changed;  // where the nodes differ from the previous field's; nullopt: nowhere

    // With no previous field (or one on another raster), every node counts as changed.
    static FieldFacts of(const DensityField& field, const DensityField* previous, std::uint64_t previousFingerprint);
};

struct LayerRequest {
    const DensityField* field = nullptr;
    double densityScale = 1.0;  // this layer's density is densityScale * field density
    std::uint64_t seed = 0;
    std::uint32_t layer = 0;                // separates the random streams of the layers of one seed
    bool periodic = false;                  // wrap around the field's area (a torus): for spectrum tests
    std::span<const core::Vec2> obstacles;  // fixed dots (surviving earlier sessions)
    std::size_t dotCap = 5'000'000;         // refuse requests expected to exceed it
    const FieldFacts* facts = nullptr;      // optional: speeds up set-up, most after a local edit
};

struct LayerStats {
    bool incremental = false;        // reused the previous result outside a changed region
    std::size_t topCells = 0;        // cells of the coarse grid the layer is organised in
    std::size_t resampledCells = 0;  // of those, how many were sampled again
    std::size_t passes = 0;          // sampling runs: more than one when a ring came out changed
    std::size_t darts = 0;           // darts thrown, accepted or not
};

// Keeps what the next call needs to resample only what changed. Not thread-safe; one per layer.
class LayerSampler {
public:
    LayerSampler();
    ~LayerSampler();
    LayerSampler(LayerSampler&&) noexcept;
    LayerSampler& operator=(LayerSampler&&) noexcept;

    // The dots of the layer, in key order. Same request, same bytes. When only some of the field
    // or of the obstacles changed since the previous call, only that part is resampled, and the
    // result is identical to sampling from scratch. Throws core::UsageError on bad input.
    const std::vector<SampledDot>& sample(const LayerRequest& request);

    [[nodiscard]] const LayerStats& lastStats() const;

    // Forget the previous result: the next call samples from scratch.
    void reset();

    // The last call's dots, moved out of a sampler that is done with: a one-shot caller then
    // takes a million-dot layer without a copy of it (32 MB, and as many fresh pages).
    [[nodiscard]] std::vector<SampledDot> release() &&;

private:
    struct State;
    std::unique_ptr<State> state_;
};

// One-shot convenience.
[[nodiscard]] std::vector<SampledDot> sampleLayer(const LayerRequest& request);

}  // namespace smp::dots
