#include "core/dots/DensityField.h"

#include "core/Errors.h"
#include "core/dots/DotHash.h"
#include "core/dots/Spacing.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <sstream>
#include <string>

namespace smp::dots {

namespace {

constexpr int kMaxNodes = 64'000'000;

void checkChannel(double value, double lo, double hi, const char* channel, int column, int row) {
    if (std::isfinite(value) && value >= lo && value <= hi) return;
    std::ostringstream message;
    message << "density field node (" << column << ", " << row << "): " << channel << " is " << value
            << ", must be a number in [" << lo << ", " << hi << "]";
    throw core::UsageError(message.str());
}

void checkValue(const FieldValue& value, int column, int row) {
    checkChannel(value.density, 0.0, HUGE_VAL, "density (dots/cm2)", column, row);
    checkChannel(value.mask, 0.0, 1.0, "mask", column, row);
    checkChannel(value.transition, 0.0, 1.0, "transition", column, row);
    checkChannel(value.scar, 0.0, 1.0, "scar", column, row);
}

// One channel blended over the patch whose top-left node is `upper` (the row below is `columns`
// on): at(), densityAt() and widenAt() all blend through here, so that they agree bit for bit.
double blended(const FieldValue* upper, int columns, double fu, double fv, double FieldValue::*channel) {
    const FieldValue* lower = upper + columns;
    const double top = upper[0].*channel + (upper[1].*channel - upper[0].*channel) * fu;
    const double bottom = lower[0].*channel + (lower[1].*channel - lower[0].*channel) * fu;
    return top + (bottom - top) * fv;
}

void widen(FieldBounds& bounds, const FieldValue& value) {
    bounds.minDensity = std::min(bounds.minDensity, value.density);
    bounds.maxDensity = std::max(bounds.maxDensity, value.density);
    bounds.minMask = std::min(bounds.minMask, value.mask);
    bounds.maxMask = std::max(bounds.maxMask, value.mask);
}

}  // namespace

DensityField::DensityField(RectMm area, double nodeSpacingMm, FieldValue fill) : area_(area) {
    const bool areaOk = std::isfinite(area.x0) && std::isfinite(area.y0) && std::isfinite(area.x1) &&
                        std::isfinite(area.y1) && area.width() > 0.0 && area.height() > 0.0;
    if (!areaOk) throw core::UsageError("density field: the area must be a non-empty finite rectangle");
    if (!(std::isfinite(nodeSpacingMm) && nodeSpacingMm > 0.0))
        throw core::UsageError("density field: node spacing must be a positive number of mm");
    const double columns = std::ceil(area.width() / nodeSpacingMm) + 1.0;
    const double rows = std::ceil(area.height() / nodeSpacingMm) + 1.0;
    if (columns * rows > kMaxNodes) {
        std::ostringstream message;
        message << "density field: " << columns << " x " << rows << " nodes is over the limit of " << kMaxNodes
                << "; use a coarser node spacing";
        throw core::UsageError(message.str());
    }
    checkValue(fill, 0, 0);
    spacing_ = nodeSpacingMm;
    columns_ = static_cast<int>(columns);
    rows_ = static_cast<int>(rows);
    nodes_.assign(static_cast<std::size_t>(columns_) * static_cast<std::size_t>(rows_), fill);
}

DensityField DensityField::uniform(RectMm area, double dotsPerCm2) {
    const double spacing = std::max(area.width(), area.height());
    return DensityField(area, spacing > 0.0 ? spacing : 1.0, FieldValue{dotsPerCm2, 1.0, 0.0, 0.0});
}

DensityField DensityField::fromFunction(RectMm area, double nodeSpacingMm,
                                        const std::function<FieldValue(core::Vec2)>& valueAt) {
    DensityField field(area, nodeSpacingMm, FieldValue{});
    for (int row = 0; row < field.rows_; ++row)
        for (int column = 0; column < field.columns_; ++column)
            field.setNode(column, row, valueAt({area.x0 + column * nodeSpacingMm, area.y0 + row * nodeSpacingMm}));
    return field;
}

void DensityField::setNode(int column, int row, FieldValue value) {
    if (column < 0 || row < 0 || column >= columns_ || row >= rows_) {
        std::ostringstream message;
        message << "density field: node (" << column << ", " << row << ") is outside the " << columns_ << " x " << rows_
                << " raster";
        throw core::UsageError(message.str());
    }
    checkValue(value, column, row);
    nodes_[index(column, row)] = value;
}

FieldValue DensityField::node(int column, int row) const {
    return nodes_[index(std::clamp(column, 0, columns_ - 1), std::clamp(row, 0, rows_ - 1))];
}

DensityField::Patch DensityField::patchAt(core::Vec2 mm) const {
    const double u = std::clamp((mm.x - area_.x0) / spacing_, 0.0, columns_ - 1.0);
    const double v = std::clamp((mm.y - area_.y0) / spacing_, 0.0, rows_ - 1.0);
    const int c = std::min(static_cast<int>(u), std::max(columns_ - 2, 0));
    const int r = std::min(static_cast<int>(v), std::max(rows_ - 2, 0));
    return {c, r, u - c, v - r};
}

// A raster has at least two nodes each way and patchAt() keeps the patch inside it: the four
// corners are read without clamping (at() and densityAt() are the sampler's hot path).
FieldValue DensityField::at(core::Vec2 mm) const {
    const Patch p = patchAt(mm);
    const FieldValue* upper = &nodes_[index(p.column, p.row)];
    const auto blend = [&](double FieldValue::*channel) { return blended(upper, columns_, p.fu, p.fv, channel); };
    return {blend(&FieldValue::density), blend(&FieldValue::mask), blend(&FieldValue::transition),
            blend(&FieldValue::scar)};
}

void DensityField::widenAt(FieldBounds& bounds, core::Vec2 mm) const {
    const Patch p = patchAt(mm);
    const FieldValue* upper = &nodes_[index(p.column, p.row)];
    const double density = blended(upper, columns_, p.fu, p.fv, &FieldValue::density);
    const double mask = blended(upper, columns_, p.fu, p.fv, &FieldValue::mask);
    bounds.minDensity = std::min(bounds.minDensity, density);
    bounds.maxDensity = std::max(bounds.maxDensity, density);
    bounds.minMask = std::min(bounds.minMask, mask);
    bounds.maxMask = std::max(bounds.maxMask, mask);
}

bool DensityField::withinOnePatch(double lo, double hi) {
    // floor(lo) == floor(nextafter(hi, lo)): the last node line before hi, or hi itself when
    // the span is empty. Integer arithmetic where it can be (lo >= 0 here): the sampler asks
    // this for every cell on the edge of the treated area, and the library calls cost more
    // than the rest of the test.
    if (hi > lo) {
        const auto first = static_cast<std::int64_t>(lo);
        const auto upper = static_cast<std::int64_t>(hi);
        return first == upper - (static_cast<double>(upper) == hi ? 1 : 0);
    }
    return std::floor(lo) == std::floor(std::nextafter(hi, lo));
}

double DensityField::densityAt(core::Vec2 mm) const {
    const Patch p = patchAt(mm);
    return blended(&nodes_[index(p.column, p.row)], columns_, p.fu, p.fv, &FieldValue::density);
}

bool DensityField::inside(core::Vec2 mm) const {
    if (mm.x < area_.x0 || mm.y < area_.y0 || mm.x >= area_.x1 || mm.y >= area_.y1) return false;
    const FieldValue value = at(mm);
    return value.mask >= 0.5 && value.density >= kMinPlacedDensity;
}

DensityField::NodeRange DensityField::nodesTouching(const RectMm& rect) const {
    // clamp(floor(u), 0, count - 1), with u clamped first so that truncation rounds down (a call
    // to std::floor costs more than the rest on the baseline x86-64 target).
    const auto node = [](double u, int count) {
        return static_cast<int>(std::clamp(u, 0.0, static_cast<double>(count - 1)));
    };
    auto column = [&](double x) { return node((x - area_.x0) / spacing_, columns_); };
    auto row = [&](double y) { return node((y - area_.y0) / spacing_, rows_); };
    return {column(rect.x0), std::min(column(rect.x1) + 1, columns_ - 1), row(rect.y0),
            std::min(row(rect.y1) + 1, rows_ - 1)};
}

DensityField::NodeRange DensityField::nodesBlended(const RectMm& rect) const {
    NodeRange range = nodesTouching(rect);
    range.c0 = std::min(range.c0, std::max(columns_ - 2, 0));
    range.r0 = std::min(range.r0, std::max(rows_ - 2, 0));
    return range;
}

double DensityField::maxDensity(const RectMm& rect) const {
    const double u0 = (rect.x0 - area_.x0) / spacing_, u1 = (rect.x1 - area_.x0) / spacing_;
    const double v0 = (rect.y0 - area_.y0) / spacing_, v1 = (rect.y1 - area_.y0) / spacing_;
    if (u0 >= 0.0 && v0 >= 0.0 && u1 <= columns_ - 1.0 && v1 <= rows_ - 1.0 && withinOnePatch(u0, u1) &&
        withinOnePatch(v0, v1)) {
        // The same corner values bounds() takes (densityAt blends exactly as at() does).
        return std::max(std::max(densityAt({rect.x0, rect.y0}), densityAt({rect.x1, rect.y0})),
                        std::max(densityAt({rect.x0, rect.y1}), densityAt({rect.x1, rect.y1})));
    }
    return bounds(rect).maxDensity;
}

std::optional<FieldBounds> DensityField::uniformOver(const RectMm& rect) const {
    if (!(rect.x0 <= rect.x1 && rect.y0 <= rect.y1)) return std::nullopt;
    const NodeRange range = nodesBlended(rect);
    const FieldValue& first = nodes_[index(range.c0, range.r0)];
    // Compared as bits: a -0 beside a 0 blends to either, and bounds() must not depend on which.
    const auto density = std::bit_cast<std::uint64_t>(first.density);
    const auto mask = std::bit_cast<std::uint64_t>(first.mask);
    for (int r = range.r0; r <= range.r1; ++r) {
        const FieldValue* row = &nodes_[index(0, r)];
        for (int c = range.c0; c <= range.c1; ++c)
            if (std::bit_cast<std::uint64_t>(row[c].density) != density ||
                std::bit_cast<std::uint64_t>(row[c].mask) != mask)
                return std::nullopt;
    }
    return FieldBounds{first.density, first.density, first.mask, first.mask};
}

FieldBounds DensityField::bounds(const RectMm& rect) const {
    // The sampler asks this for millions of small cells: inside one patch the extremes are at
    // the rectangle's four corners, no lists needed.
    const double u0 = (rect.x0 - area_.x0) / spacing_, u1 = (rect.x1 - area_.x0) / spacing_;
    const double v0 = (rect.y0 - area_.y0) / spacing_, v1 = (rect.y1 - area_.y0) / spacing_;
    if (u0 >= 0.0 && v0 >= 0.0 && u1 <= columns_ - 1.0 && v1 <= rows_ - 1.0 && withinOnePatch(u0, u1) &&
        withinOnePatch(v0, v1)) {
        FieldBounds out{HUGE_VAL, -HUGE_VAL, HUGE_VAL, -HUGE_VAL};
        for (const double y : {rect.y0, rect.y1})
            for (const double x : {rect.x0, rect.x1})
                widenAt(out, {x, y});
        return out;
    }
    if (const std::optional<FieldBounds> same = uniformOver(rect)) return *same;
    // A bilinear patch takes its extremes at its corners, so over a rectangle the extremes are
    // among the values at the rectangle's corners, at the nodes inside it and where its sides
    // cross the raster's lines: exact, and only 4 evaluations for a rectangle inside one patch.
    // Node lines strictly inside the rectangle: there the value is the node's own, read directly
    // (a large rectangle is mostly nodes: this is what keeps the layer set-up cheap).
    auto lines = [&](double lo, double hi, double origin, int count) {
        const int first = std::max(0, static_cast<int>(std::floor((lo - origin) / spacing_)) + 1);
        int last = first - 1;
        while (last + 1 < count && origin + (last + 1) * spacing_ < hi)
            ++last;
        return std::pair{first, last};
    };
    const double x1 = std::max(rect.x0, rect.x1), y1 = std::max(rect.y0, rect.y1);
    const auto [c0, c1] = lines(rect.x0, x1, area_.x0, columns_);
    const auto [r0, r1] = lines(rect.y0, y1, area_.y0, rows_);
    FieldBounds out{HUGE_VAL, -HUGE_VAL, HUGE_VAL, -HUGE_VAL};
    for (int r = r0; r <= r1; ++r) {
        const FieldValue* row = &nodes_[index(0, r)];
        for (int c = c0; c <= c1; ++c)
            widen(out, row[c]);
    }
    // The rectangle's sides: its corners and where the node lines cross them.
    for (const double y : {rect.y0, y1}) {
        widenAt(out, {rect.x0, y});
        for (int c = c0; c <= c1; ++c)
            widenAt(out, {area_.x0 + c * spacing_, y});
        widenAt(out, {x1, y});
    }
    for (const double x : {rect.x0, x1})
        for (int r = r0; r <= r1; ++r)
            widenAt(out, {x, area_.y0 + r * spacing_});
    return out;
}

namespace {

// One word per node: the channels folded by rotation (a fingerprint, not a hash any adversary sees).
std::uint64_t folded(const FieldValue& value) {
    return std::bit_cast<std::uint64_t>(value.density) ^ std::rotl(std::bit_cast<std::uint64_t>(value.mask), 13) ^
           std::rotl(std::bit_cast<std::uint64_t>(value.transition), 29) ^
           std::rotl(std::bit_cast<std::uint64_t>(value.scar), 47);
}

}  // namespace

std::uint64_t DensityField::fingerprint() const {
    // Four independent streams over the nodes: one stream would be a single chain of dependent
    // multiplications, four times slower over a head's 44,000 nodes.
    std::array<DotHash, 4> lanes{DotHash(1), DotHash(2), DotHash(3), DotHash(4)};
    const std::size_t count = nodes_.size();
    std::size_t i = 0;
    for (; i + 4 <= count; i += 4)
        for (std::size_t lane = 0; lane < 4; ++lane)
            lanes[lane].combine(folded(nodes_[i + lane]));
    for (; i < count; ++i)
        lanes[0].combine(folded(nodes_[i]));
    DotHash h(std::bit_cast<std::uint64_t>(spacing_));
    for (const double edge : {area_.x0, area_.y0, area_.x1, area_.y1})
        h.combine(std::bit_cast<std::uint64_t>(edge));
    h.combine(static_cast<std::uint64_t>(columns_)).combine(static_cast<std::uint64_t>(rows_));
    for (DotHash& lane : lanes)
        h.combine(lane.next());
    return h.next();
}

std::uint64_t DensityField::fingerprint(const RectMm& rect) const {
    const NodeRange range = nodesTouching(rect);
    // Each node's word times its own odd weight: a change to any one node always changes the
    // sum (odd numbers are invertible mod 2^64), for a multiply and an add a node. The sampler's
    // set-up asks this for every top cell of every layer; a hash chain per node cost 1.6x this.
    std::uint64_t sum = 0, weight = 1;
    for (int r = range.r0; r <= range.r1; ++r) {
        const FieldValue* row = &nodes_[index(0, r)];
        for (int c = range.c0; c <= range.c1; ++c, weight += 2)
            sum += folded(row[c]) * weight;
    }
    DotHash h(std::bit_cast<std::uint64_t>(spacing_));
    h.combine(std::bit_cast<std::uint64_t>(area_.x0)).combine(std::bit_cast<std::uint64_t>(area_.y0));
    h.combine((static_cast<std::uint64_t>(static_cast<std::uint32_t>(range.c0)) << 32) |
              static_cast<std::uint32_t>(range.r0));
    h.combine((static_cast<std::uint64_t>(static_cast<std::uint32_t>(range.c1)) << 32) |
              static_cast<std::uint32_t>(range.r1));
    return h.combine(sum).next();
}

bool DensityField::sameRaster(const DensityField& other) const {
    return area_ == other.area_ && spacing_ == other.spacing_ && columns_ == other.columns_ && rows_ == other.rows_;
}

std::optional<RectMm> DensityField::changedSince(const DensityField& earlier) const {
    const auto same = [](const FieldValue& a, const FieldValue& b) {
        return a.density == b.density && a.mask == b.mask && a.transition == b.transition && a.scar == b.scar;
    };
    int c0 = columns_, c1 = -1, r0 = rows_, r1 = -1;
    for (int r = 0; r < rows_; ++r) {
        const FieldValue* now = &nodes_[index(0, r)];
        const FieldValue* before = &earlier.nodes_[index(0, r)];
        // Most rows are untouched by an edit: compare them as bytes first (values are finite, so
        // only a -0 against a 0 can differ as bytes and not as numbers, which costs a row).
        if (std::memcmp(now, before, sizeof(FieldValue) * static_cast<std::size_t>(columns_)) == 0) continue;
        for (int c = 0; c < columns_; ++c) {
            if (same(now[c], before[c])) continue;
            c0 = std::min(c0, c), c1 = std::max(c1, c);
            r0 = std::min(r0, r), r1 = std::max(r1, r);
        }
    }
    if (c1 < 0) return std::nullopt;
    return RectMm{area_.x0 + c0 * spacing_, area_.y0 + r0 * spacing_, area_.x0 + c1 * spacing_,
                  area_.y0 + r1 * spacing_};
}

double DensityField::expectedDots(double densityScale) const {
    // Midpoint rule on the node cells: good to a few per cent, which is all a dot cap needs. The
    // midpoint's bilinear value is blended from the four nodes directly, as at() would.
    const auto mid = [](double a, double b, double d, double e) {
        const double top = a + (b - a) * 0.5;
        const double bottom = d + (e - d) * 0.5;
        return top + (bottom - top) * 0.5;
    };
    double dots = 0.0;
    for (int r = 0; r + 1 < rows_; ++r) {
        const FieldValue* upper = &nodes_[index(0, r)];
        const FieldValue* lower = &nodes_[index(0, r + 1)];
        const double y = area_.y0 + (r + 0.5) * spacing_;
        const double h = std::max(0.0, std::min(spacing_, area_.y1 - (y - 0.5 * spacing_)));
        for (int c = 0; c + 1 < columns_; ++c) {
            const double mask = mid(upper[c].mask, upper[c + 1].mask, lower[c].mask, lower[c + 1].mask);
            if (mask < 0.5) continue;
            const double density =
                mid(upper[c].density, upper[c + 1].density, lower[c].density, lower[c + 1].density);
            if (density < kMinPlacedDensity) continue;
            const double x = area_.x0 + (c + 0.5) * spacing_;
            const double w = std::max(0.0, std::min(spacing_, area_.x1 - (x - 0.5 * spacing_)));
            dots += density * densityScale * w * h / kMm2PerCm2;
        }
    }
    return dots;
}

DensityField::Treated DensityField::treatedByNodes(const RectMm& rect) const {
    const NodeRange range = nodesBlended(rect);
    constexpr double kMargin = 1e-9;
    bool allIn = true, anyMask = false, anyDensity = false;
    for (int r = range.r0; r <= range.r1; ++r) {
        const FieldValue* row = &nodes_[index(0, r)];
        for (int c = range.c0; c <= range.c1; ++c) {
            const FieldValue& v = row[c];
            allIn = allIn && v.mask >= 0.5 + kMargin && v.density >= kMinPlacedDensity + kMargin;
            anyMask = anyMask || v.mask >= 0.5 - kMargin;
            anyDensity = anyDensity || v.density >= kMinPlacedDensity - kMargin;
        }
    }
    if (allIn) return Treated::all;
    if (!anyMask || !anyDensity) return Treated::none;
    return Treated::unknown;
}

bool DensityField::anyTreated() const {
    return std::any_of(nodes_.begin(), nodes_.end(),
                       [](const FieldValue& value) { return value.mask >= 0.5 && value.density >= kMinPlacedDensity; });
}

}  // namespace smp::dots
