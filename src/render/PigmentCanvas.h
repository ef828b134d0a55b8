#pragma once
// The dots' pigment and the redness of fresh skin drawn on the CPU and kept from one redraw to
// the next, with no GL: the dot layer uploads what changed. On llvmpipe a GPU draw of 60k small
// splats costs mostly per-triangle setup; here a splat costs a few exp() a row. The texture is
// cut into tiles, each drawn from the dots that reach it, in their order, so an edit redraws only
// the tiles whose dots changed, and a tile redrawn alone is bit for bit the tile of a full redraw.

#include "core/Geometry.h"
#include "core/preview/DotLook.h"
#include "render/DotSplat.h"
#include "render/RednessField.h"

#include <cstdint>
#include <span>
#include <vector>

namespace smp::render {

// Texels per side of a tile: small enough that an edit redraws little around it, large enough
// that few dots straddle two tiles.
inline constexpr int kPigmentTileSide = 64;

class PigmentCanvas {
public:
    // Brings the raster up to `dots` on `grid`; returns the texel rectangles (disjoint) where it
    // may differ from before, none when nothing changed. A new grid or new optics redraw it all.
    std::vector<core::RectPx> redraw(std::span<const preview::DotLook> dots, const PigmentGrid& grid,
                                     const PigmentOptics& optics);
    // Forgets what was drawn: the next redraw draws everything.
    void invalidate() { drawnGrid_.texels = {}; }

    // Two floats a texel, rows of grid.texels.width texels from the photo's top: the dots' summed
    // absorbance at the texel's centre, and the redness field there (RednessField.h: gain x
    // density of inflamed punctures, 0 where no red dot reaches). Interleaved so that the
    // composite reads both with one texel fetch, which is what llvmpipe's fragments cost most.
    [[nodiscard]] std::span<const float> pigment() const { return pigment_; }
    [[nodiscard]] const RednessGrid& rednessGrid() const { return rednessGrid_; }

private:
    // One dot as a tile sees it; compared bitwise between redraws (no padding).
    struct Entry {
        SplatShape shape;
        float redness = 0.0f;
    };
    static_assert(sizeof(Entry) == 9 * sizeof(float));
    // A dot's entry and the tiles it reaches; tileX0 < 0: none (off the photo, or no pigment).
    struct Placed {
        Entry entry;
        std::int32_t tileX0 = -1, tileY0 = 0, tileX1 = -1, tileY1 = 0;
    };

    [[nodiscard]] bool place(const preview::DotLook& dot, const PigmentOptics& optics, Placed& placed) const;
    // Places the dots and lists each tile's; true when it also worked out which tiles changed
    // (tileDirty_), as it does for an edit that keeps the number of dots.
    bool bin(std::span<const preview::DotLook> dots, const PigmentOptics& optics, bool reuse);
    void binAll();
    void binChanges();
    [[nodiscard]] std::vector<core::RectPx> dirtyRects() const;
    void drawTile(int tile);

    PigmentGrid grid_;
    PigmentGrid drawnGrid_;  // what the raster holds; no texels while it holds nothing
    PigmentOptics drawnOptics_;
    RednessGrid rednessGrid_;
    int tilesAcross_ = 0;
    int tilesDown_ = 0;

    // The dots of each tile, tile t's from entries_[tileStart_[t]] to entries_[tileStart_[t + 1]],
    // entryDot_ naming the dot of each; the previous redraw's kept to compare with.
    std::vector<Entry> entries_, previousEntries_;
    std::vector<std::uint32_t> entryDot_, previousEntryDot_;
    std::vector<std::uint32_t> tileStart_, previousTileStart_;
    std::vector<char> tileDirty_;
    // The dots as given and where each was placed, to skip working out again the dots an edit
    // left alone; which changed (scratch of bin).
    std::vector<preview::DotLook> dots_, previousDots_;
    std::vector<Placed> placement_, previousPlacement_;
    std::vector<char> changed_;
    std::vector<std::uint32_t> changedDots_;
    std::vector<RednessSource> rednessSources_, previousRednessSources_;

    std::vector<float> pigment_;
    std::vector<float> rednessCells_;  // empty while no dot is red
};

}  // namespace smp::render
