#include "render/PigmentCanvas.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <thread>

namespace smp::render {
namespace {

// Past this many rectangles an edit is scattered: one rectangle around them all costs less in
// draw calls than it wastes in texels.
constexpr std::size_t kMaxChangedRects = 32;

bool sameGrid(const PigmentGrid& a, const PigmentGrid& b) {
    return a.texels == b.texels && a.texelsPerMm == b.texelsPerMm;
}

int clampedInt(double v) {
    return int(std::clamp(v, -1e9, 1e9));
}

// Runs work(part, parts) for every part on its own thread, part 0 on the caller's. Each part
// writes only its own share of the data, so the result is the same on any number of threads.
// llvmpipe's threads wait for the upload meanwhile, so the CPU's cores are free for this.
void inParallel(std::size_t items, const std::function<void(unsigned part, unsigned parts)>& work) {
    constexpr std::size_t kItemsWorthAThread = 2048;
    const unsigned parts = unsigned(std::clamp<std::size_t>(
        std::min<std::size_t>(std::thread::hardware_concurrency(), items / kItemsWorthAThread), 1, 8));
    std::vector<std::jthread> helpers;  // joined on the way out, an exception included
    for (unsigned part = 1; part < parts; ++part)
        helpers.emplace_back(work, part, parts);
    work(0, parts);
}

}  // namespace

std::vector<core::RectPx> PigmentCanvas::redraw(std::span<const preview::DotLook> dots, const PigmentGrid& grid,
                                                const PigmentOptics& optics) {
    const bool incremental = !drawnGrid_.texels.empty() && sameGrid(grid, drawnGrid_) && optics == drawnOptics_;
    grid_ = grid;
    std::swap(entries_, previousEntries_);
    std::swap(tileStart_, previousTileStart_);
    std::swap(rednessSources_, previousRednessSources_);
    std::swap(dots_, previousDots_);
    std::swap(placement_, previousPlacement_);
    std::swap(entryDot_, previousEntryDot_);
    if (!incremental) {
        tilesAcross_ = (grid.texels.width + kPigmentTileSide - 1) / kPigmentTileSide;
        tilesDown_ = (grid.texels.height + kPigmentTileSide - 1) / kPigmentTileSide;
        pigment_.assign(2 * std::size_t(grid.texels.width) * std::size_t(grid.texels.height), 0.0f);
        rednessGrid_ = render::rednessGrid(grid, optics);
        rednessCells_.clear();
    }
    drawnGrid_ = {};  // until the raster holds these dots: an exception leaves a full redraw to do
    const bool dirtyKnown = bin(dots, optics, incremental);

    const std::size_t tiles = std::size_t(tilesAcross_) * std::size_t(tilesDown_);
    if (!dirtyKnown) tileDirty_.assign(tiles, 1);
    if (incremental && !dirtyKnown)
        for (std::size_t t = 0; t < tiles; ++t) {
            const std::uint32_t begin = tileStart_[t], count = tileStart_[t + 1] - begin;
            const std::uint32_t previousBegin = previousTileStart_[t];
            tileDirty_[t] = count != previousTileStart_[t + 1] - previousBegin ||
                            (count > 0 && std::memcmp(&entries_[begin], &previousEntries_[previousBegin],
                                                      count * sizeof(Entry)) != 0);
        }
    // The field is global but cheap; where it changed, the red dots that changed it made their
    // tiles dirty, as they are binned as far as their redness reaches.
    if (!incremental || rednessSources_ != previousRednessSources_) {
        if (rednessSources_.empty())
            rednessCells_.clear();
        else
            drawRedness(rednessSources_, rednessGrid_, rednessCells_);
    }
    std::vector<int> dirty;
    for (std::size_t t = 0; t < tiles; ++t)
        if (tileDirty_[t]) dirty.push_back(int(t));
    // Tiles dealt out in turn: neighbouring tiles hold about as many dots. A tile costs as much
    // as placing a thousand dots or so (a hairline edit's 48 tiles took 5.6 ms on one thread).
    constexpr std::size_t kItemsPerTile = 1024;
    inParallel(dirty.size() * kItemsPerTile, [&](unsigned part, unsigned parts) {
        for (std::size_t i = part; i < dirty.size(); i += parts)
            drawTile(dirty[i]);
    });

    drawnGrid_ = grid;
    drawnOptics_ = optics;
    return dirtyRects();
}

bool PigmentCanvas::place(const preview::DotLook& dot, const PigmentOptics& optics, Placed& placed) const {
    Entry entry;
    entry.shape = shapeOf(splatDot(dot, grid_, optics));  // no pigment (shade or size 0): peak 0, reach empty
    entry.redness = dot.redness > 0.0f ? std::min(dot.redness, 1.0f) : 0.0f;  // NaN: not red
    const core::RectPx reach = splatReach(entry.shape);
    int x0 = reach.x, y0 = reach.y, x1 = reach.x + reach.width - 1, y1 = reach.y + reach.height - 1;
    if (entry.redness > 0.0f) {
        // Redness reaches as far on every side, and further than any pigment.
        const double cx = entry.shape.centreX, cy = entry.shape.centreY, far = rednessGrid_.reachTexels();
        x0 = clampedInt(std::floor(cx - far - 0.5)), y0 = clampedInt(std::floor(cy - far - 0.5));
        x1 = clampedInt(std::ceil(cx + far - 0.5)), y1 = clampedInt(std::ceil(cy + far - 0.5));
    } else if (reach.empty()) {
        return false;
    }
    x0 = std::max(x0, 0), y0 = std::max(y0, 0);
    x1 = std::min(x1, grid_.texels.width - 1), y1 = std::min(y1, grid_.texels.height - 1);
    if (x0 > x1 || y0 > y1) return false;  // off the photo
    placed = {entry, x0 / kPigmentTileSide, y0 / kPigmentTileSide, x1 / kPigmentTileSide, y1 / kPigmentTileSide};
    return true;
}

bool PigmentCanvas::bin(std::span<const preview::DotLook> dots, const PigmentOptics& optics, bool reuse) {
    // Each dot placed on its own (in parts, in parallel). An edit leaves most dots as they were:
    // their placing comes from the last redraw.
    const std::size_t count = dots.size();
    placement_.resize(count);
    changed_.resize(count);
    inParallel(count, [&](unsigned part, unsigned parts) {
        const std::size_t begin = count * part / parts, end = count * (part + 1) / parts;
        for (std::size_t i = begin; i < end; ++i) {
            if (reuse && i < previousDots_.size() && previousDots_[i] == dots[i]) {
                placement_[i] = previousPlacement_[i];
                changed_[i] = 0;
            } else {
                if (!place(dots[i], optics, placement_[i])) placement_[i].tileX0 = -1;
                changed_[i] = 1;
            }
        }
    });
    dots_.assign(dots.begin(), dots.end());
    rednessSources_.clear();
    for (const Placed& p : placement_)
        if (p.tileX0 >= 0 && p.entry.redness > 0.0f)
            rednessSources_.push_back({p.entry.shape.centreX, p.entry.shape.centreY, p.entry.redness});

    if (reuse && count == previousDots_.size()) {
        binChanges();
        return true;
    }
    binAll();
    return false;
}

void PigmentCanvas::binAll() {
    // Counting sort by tile, stable: each tile lists its dots in their order.
    const std::size_t tiles = std::size_t(tilesAcross_) * std::size_t(tilesDown_);
    tileStart_.assign(tiles + 1, 0);
    for (const Placed& p : placement_)
        if (p.tileX0 >= 0)
            for (int ty = p.tileY0; ty <= p.tileY1; ++ty)
                for (int tx = p.tileX0; tx <= p.tileX1; ++tx) ++tileStart_[std::size_t(ty) * tilesAcross_ + tx + 1];
    for (std::size_t t = 0; t < tiles; ++t) tileStart_[t + 1] += tileStart_[t];
    entries_.resize(tileStart_[tiles]);
    entryDot_.resize(tileStart_[tiles]);
    std::vector<std::uint32_t> next(tileStart_.begin(), tileStart_.end() - 1);
    for (std::size_t i = 0; i < placement_.size(); ++i) {
        const Placed& p = placement_[i];
        if (p.tileX0 < 0) continue;
        for (int ty = p.tileY0; ty <= p.tileY1; ++ty)
            for (int tx = p.tileX0; tx <= p.tileX1; ++tx) {
                const std::uint32_t at = next[std::size_t(ty) * tilesAcross_ + tx]++;
                entries_[at] = p.entry;
                entryDot_[at] = std::uint32_t(i);
            }
    }
}

void PigmentCanvas::binChanges() {
    // The same dots, a few of them changed: only the tiles a changed dot reached before or
    // reaches now get new lists; every other tile's list is the last one, copied whole.
    const std::size_t tiles = std::size_t(tilesAcross_) * std::size_t(tilesDown_);
    tileDirty_.assign(tiles, 0);
    const auto markTiles = [&](const Placed& p) {
        if (p.tileX0 < 0) return;
        for (int ty = p.tileY0; ty <= p.tileY1; ++ty)
            for (int tx = p.tileX0; tx <= p.tileX1; ++tx) tileDirty_[std::size_t(ty) * tilesAcross_ + tx] = 1;
    };
    changedDots_.clear();
    for (std::size_t i = 0; i < changed_.size(); ++i)
        if (changed_[i]) {
            changedDots_.push_back(std::uint32_t(i));
            markTiles(previousPlacement_[i]);
            markTiles(placement_[i]);
        }
    // The changed dots that now reach each dirty tile, in their order.
    std::vector<std::int32_t> slot(tiles, -1);
    std::vector<std::vector<std::uint32_t>> arriving;
    for (std::size_t t = 0; t < tiles; ++t)
        if (tileDirty_[t]) {
            slot[t] = std::int32_t(arriving.size());
            arriving.emplace_back();
        }
    for (const std::uint32_t i : changedDots_) {
        const Placed& p = placement_[i];
        if (p.tileX0 < 0) continue;
        for (int ty = p.tileY0; ty <= p.tileY1; ++ty)
            for (int tx = p.tileX0; tx <= p.tileX1; ++tx)
                arriving[std::size_t(slot[std::size_t(ty) * tilesAcross_ + tx])].push_back(i);
    }
    // A dirty tile's list: its unchanged dots from the last list merged with the arrivals, in
    // dot order, as binAll would list them.
    std::vector<std::vector<std::uint32_t>> lists(arriving.size());
    for (std::size_t t = 0; t < tiles; ++t) {
        if (!tileDirty_[t]) continue;
        const std::vector<std::uint32_t>& in = arriving[std::size_t(slot[t])];
        std::vector<std::uint32_t>& list = lists[std::size_t(slot[t])];
        auto arrival = in.begin();
        for (std::uint32_t e = previousTileStart_[t]; e < previousTileStart_[t + 1]; ++e) {
            const std::uint32_t dot = previousEntryDot_[e];
            if (changed_[dot]) continue;
            while (arrival != in.end() && *arrival < dot) list.push_back(*arrival++);
            list.push_back(dot);
        }
        list.insert(list.end(), arrival, in.end());
    }
    tileStart_.assign(tiles + 1, 0);
    for (std::size_t t = 0; t < tiles; ++t) {
        const std::uint32_t size = tileDirty_[t] ? std::uint32_t(lists[std::size_t(slot[t])].size())
                                                 : previousTileStart_[t + 1] - previousTileStart_[t];
        tileStart_[t + 1] = tileStart_[t] + size;
    }
    entries_.resize(tileStart_[tiles]);
    entryDot_.resize(tileStart_[tiles]);
    for (std::size_t t = 0; t < tiles; ++t) {
        std::uint32_t at = tileStart_[t];
        if (!tileDirty_[t]) {
            const std::uint32_t from = previousTileStart_[t], size = previousTileStart_[t + 1] - from;
            std::copy_n(previousEntries_.begin() + from, size, entries_.begin() + at);
            std::copy_n(previousEntryDot_.begin() + from, size, entryDot_.begin() + at);
            continue;
        }
        for (const std::uint32_t dot : lists[std::size_t(slot[t])]) {
            entries_[at] = placement_[dot].entry;
            entryDot_[at++] = dot;
        }
    }
}

void PigmentCanvas::drawTile(int tile) {
    const int width = grid_.texels.width;
    const int x0 = (tile % tilesAcross_) * kPigmentTileSide, y0 = (tile / tilesAcross_) * kPigmentTileSide;
    const core::RectPx clip{x0, y0, std::min(kPigmentTileSide, width - x0),
                            std::min(kPigmentTileSide, grid_.texels.height - y0)};
    for (int y = clip.y; y < clip.y + clip.height; ++y)
        std::fill_n(pigment_.begin() + 2 * (std::ptrdiff_t(y) * width + clip.x), 2 * clip.width, 0.0f);
    bool red = false;
    for (std::uint32_t i = tileStart_[std::size_t(tile)]; i < tileStart_[std::size_t(tile) + 1]; ++i) {
        addSplat(entries_[i].shape, pigment_.data(), 2 * width, clip, 2);
        red = red || entries_[i].redness > 0.0f;
    }
    if (!red) return;  // no red dot reaches this tile: its redness is exactly 0

    // The cells sampled as GL_LINEAR with clamping to the edge would sample them; the columns'
    // cells and weights are the same on every row of the tile.
    const int perCell = rednessGrid_.texelsPerCell;
    const int cellsAcross = rednessGrid_.cells.width, cellsDown = rednessGrid_.cells.height;
    auto cellAndWeight = [perCell](int texel, int& cell) {
        const float at = (float(texel) + 0.5f) / float(perCell) - 0.5f;
        cell = int(std::floor(at));
        return at - float(cell);
    };
    int left[kPigmentTileSide], right[kPigmentTileSide];
    float towardsRight[kPigmentTileSide];
    for (int i = 0; i < clip.width; ++i) {
        int cell = 0;
        towardsRight[i] = cellAndWeight(clip.x + i, cell);
        left[i] = std::clamp(cell, 0, cellsAcross - 1);
        right[i] = std::clamp(cell + 1, 0, cellsAcross - 1);
    }
    for (int y = clip.y; y < clip.y + clip.height; ++y) {
        int cell = 0;
        const float towardsBelow = cellAndWeight(y, cell);
        const float* above = rednessCells_.data() + std::size_t(std::clamp(cell, 0, cellsDown - 1)) * cellsAcross;
        const float* below = rednessCells_.data() + std::size_t(std::clamp(cell + 1, 0, cellsDown - 1)) * cellsAcross;
        float* texel = pigment_.data() + 2 * (std::ptrdiff_t(y) * width + clip.x) + 1;
        for (int i = 0; i < clip.width; ++i) {
            const float top = above[left[i]] + towardsRight[i] * (above[right[i]] - above[left[i]]);
            const float bottom = below[left[i]] + towardsRight[i] * (below[right[i]] - below[left[i]]);
            texel[2 * i] = top + towardsBelow * (bottom - top);
        }
    }
}

std::vector<core::RectPx> PigmentCanvas::dirtyRects() const {
    const core::SizePx texels = grid_.texels;
    if (std::all_of(tileDirty_.begin(), tileDirty_.end(), [](char d) { return d != 0; }))
        return tileDirty_.empty() ? std::vector<core::RectPx>{}
                                  : std::vector<core::RectPx>{{0, 0, texels.width, texels.height}};

    // Runs of dirty tiles along each row of tiles, stacked into one rectangle while the run
    // below spans the same tiles.
    struct TileRect {
        int x0, x1, y0, y1;
    };
    std::vector<TileRect> open;
    for (int ty = 0; ty < tilesDown_; ++ty)
        for (int tx = 0; tx < tilesAcross_;) {
            if (!tileDirty_[std::size_t(ty) * tilesAcross_ + tx]) {
                ++tx;
                continue;
            }
            const int start = tx;
            while (tx < tilesAcross_ && tileDirty_[std::size_t(ty) * tilesAcross_ + tx])
                ++tx;
            auto above = std::find_if(open.begin(), open.end(), [&](const TileRect& r) {
                return r.x0 == start && r.x1 == tx - 1 && r.y1 == ty - 1;
            });
            if (above != open.end())
                above->y1 = ty;
            else
                open.push_back({start, tx - 1, ty, ty});
        }
    if (open.size() > kMaxChangedRects) {
        TileRect all = open.front();
        for (const TileRect& r : open)
            all = {std::min(all.x0, r.x0), std::max(all.x1, r.x1), std::min(all.y0, r.y0), std::max(all.y1, r.y1)};
        open = {all};
    }
    std::vector<core::RectPx> rects;
    for (const TileRect& r : open) {
        const int x = r.x0 * kPigmentTileSide, y = r.y0 * kPigmentTileSide;
        rects.push_back({x, y, std::min((r.x1 + 1) * kPigmentTileSide, texels.width) - x,
                         std::min((r.y1 + 1) * kPigmentTileSide, texels.height) - y});
    }
    return rects;
}

}  // namespace smp::render
