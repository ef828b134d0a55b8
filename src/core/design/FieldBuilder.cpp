#include "core/design/FieldBuilder.h"

#include "core/Errors.h"
#include "core/dots/Spacing.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>

namespace smp::design {

using core::Vec2;

namespace {

void requireIn(double value, double lo, double hi, const char* what) {
    if (std::isfinite(value) && value >= lo && value <= hi) return;
    std::ostringstream message;
    message << "density targets: " << what << " is " << value << "; it must be in [" << lo << ", " << hi << "]";
    throw core::UsageError(message.str());
}

double smoothstep(double t) {
    t = std::clamp(t, 0.0, 1.0);
    return t * t * (3.0 - 2.0 * t);
}

// Exact squared Euclidean distance transform of one line of samples (Felzenszwalb &
// Huttenlocher 2012): the lower envelope of the parabolas rooted at the finite samples.
void distanceTransform1d(const std::vector<double>& f, std::vector<double>& out, std::vector<int>& roots,
                         std::vector<double>& bounds) {
    const int n = static_cast<int>(f.size());
    roots.assign(f.size(), 0);
    bounds.assign(f.size() + 1, 0.0);
    int k = -1;
    for (int q = 0; q < n; ++q) {
        if (!std::isfinite(f[q])) continue;
        double s = -HUGE_VAL;
        while (k >= 0) {
            const int v = roots[k];
            s = ((f[q] + double(q) * q) - (f[v] + double(v) * v)) / (2.0 * (q - v));
            if (s > bounds[k]) break;
            --k;
        }
        ++k;
        roots[k] = q;
        bounds[k] = k == 0 ? -HUGE_VAL : s;
        bounds[k + 1] = HUGE_VAL;
    }
    out.assign(f.size(), HUGE_VAL);
    if (k < 0) return;  // no finite sample: everything stays infinitely far
    for (int q = 0, j = 0; q < n; ++q) {
        while (bounds[j + 1] < q)
            ++j;
        const double dq = q - roots[j];
        out[q] = dq * dq + f[roots[j]];
    }
}

// Distance in nodes from every node to the nearest seed node: columns, then rows.
std::vector<double> distanceToSeeds(const std::vector<char>& seed, int columns, int rows) {
    std::vector<double> d(seed.size());
    for (std::size_t i = 0; i < seed.size(); ++i)
        d[i] = seed[i] ? 0.0 : HUGE_VAL;
    std::vector<double> line, transformed, bounds;
    std::vector<int> roots;
    auto pass = [&](int lines, int count, std::size_t lineStep, std::size_t step) {
        line.resize(static_cast<std::size_t>(count));
        for (int l = 0; l < lines; ++l) {
            for (int i = 0; i < count; ++i)
                line[static_cast<std::size_t>(i)] = d[l * lineStep + i * step];
            distanceTransform1d(line, transformed, roots, bounds);
            for (int i = 0; i < count; ++i)
                d[l * lineStep + i * step] = transformed[static_cast<std::size_t>(i)];
        }
    };
    pass(columns, rows, 1, static_cast<std::size_t>(columns));
    pass(rows, columns, static_cast<std::size_t>(columns), 1);
    for (double& v : d)
        v = std::sqrt(v);
    return d;
}

// The part of the photo the field covers, in mm: the head outline's bounding box with a margin,
// on the lattice of nodes anchored at the photo's corner, or the whole photo without an
// outline. Only an edit of the outline moves the raster, so after any other edit the nodes
// stay put and the dot engine resamples just the cells whose nodes changed.
dots::RectMm fieldArea(const PhotoMask& head, double pxPerMm, core::SizePx photo, double spacingMm) {
    const dots::RectMm whole{0.0, 0.0, photo.width / pxPerMm, photo.height / pxPerMm};
    if (head.empty()) return whole;
    int x0 = photo.width, x1 = 0, y0 = photo.height, y1 = 0;
    for (int y = 0; y < photo.height; ++y) {
        const std::vector<PixelRun>& runs = head.row(y);
        if (runs.empty()) continue;
        y0 = std::min(y0, y), y1 = y + 1;
        x0 = std::min(x0, runs.front().x0), x1 = std::max(x1, runs.back().x1);
    }
    const double margin = 2.0 * spacingMm;
    auto down = [&](double px) { return std::floor((px / pxPerMm - margin) / spacingMm) * spacingMm; };
    auto up = [&](double px) { return std::ceil((px / pxPerMm + margin) / spacingMm) * spacingMm; };
    return {std::max(whole.x0, down(x0)), std::max(whole.y0, down(y0)), std::min(whole.x1, up(x1)),
            std::min(whole.y1, up(y1))};
}

void checkRequest(const FieldRequest& request) {
    validateHairline(request.hairline);
    validateTargets(request.targets);
    const double k = request.scale.pxPerMm;
    if (!(std::isfinite(k) && k > 0.0))
        throw core::UsageError("density field: the photo scale must be a positive number of px per mm, not " +
                               std::to_string(k));
    if (request.photoSize.empty())
        throw core::UsageError("density field: the photo size must be positive, not " +
                               std::to_string(request.photoSize.width) + " x " +
                               std::to_string(request.photoSize.height) + " px");
    if (!(std::isfinite(request.nodeSpacingMm) && request.nodeSpacingMm > 0.0))
        throw core::UsageError("density field: the node spacing must be a positive number of mm");
    for (const ZoneKind kind : {ZoneKind::Head, ZoneKind::Avoid, ZoneKind::Scar, ZoneKind::Blend}) {
        const PhotoMask& mask = request.zones.mask(kind);
        if (mask.empty() || mask.size() == request.photoSize) continue;
        std::ostringstream message;
        message << "density field: the " << zoneName(kind) << " zone is drawn on a " << mask.size().width << " x "
                << mask.size().height << " px photo, not this " << request.photoSize.width << " x "
                << request.photoSize.height << " px one";
        throw core::UsageError(message.str());
    }
}

}  // namespace

void validateTargets(const DensityTargets& t) {
    requireIn(t.fullDotsPerCm2, dots::kMinPlacedDensity, dots::kMaxDensity, "full density (dots/cm2)");
    requireIn(t.frontShare, 0.0, 1.0, "front share");
    requireIn(t.aheadShare, 0.0, 1.0, "ahead share");
    requireIn(t.aheadDensityShare, 0.0, 1.0, "ahead density share");
    requireIn(t.blendShare, 0.0, 1.0, "blend share");
    requireIn(t.blendTaperMm, 0.0, 100.0, "blend taper (mm)");
}

dots::DensityField buildDensityField(const FieldRequest& request) {
    checkRequest(request);
    const DensityTargets& targets = request.targets;
    const Zones& zones = request.zones;
    const double s = request.nodeSpacingMm, pxPerMm = request.scale.pxPerMm;
    dots::DensityField field(fieldArea(zones.head, pxPerMm, request.photoSize, s), s, dots::FieldValue{0, 0, 0, 0});
    const dots::RectMm area = field.area();
    const int columns = field.columns(), rows = field.rows();

    // The front edge of the treated skin (the line, or the tip of the scattered dots ahead of
    // it) fades over 3 node spacings, so the interpolated mask crosses 0.5 on the edge itself
    // and no node more than 1.5 spacings out is treated at all.
    const double transitionMm = request.hairline.transitionMm;
    const double aheadMm = targets.aheadShare * transitionMm;
    const double edgeFadeMm = 3.0 * s;
    const double bandMm = std::max(transitionMm, aheadMm + edgeFadeMm / 2.0) + s;
    const std::vector<double> distance =
        HairlineDistance(request.hairline, request.frame).onRaster({area.x0, area.y0}, s, columns, rows, bandMm);

    // Share of each node's cell, in photo pixels, inside a zone: soft edges, not stair steps.
    // A row of nodes at a time; an empty zone covers `ifEmpty` without a look at its mask.
    struct ZoneRow {
        const PhotoMask& mask;
        double ifEmpty;
        bool empty;
        std::vector<double> share;
    };
    ZoneRow head{zones.head, 1.0, zones.head.empty(), {}}, avoid{zones.avoid, 0.0, zones.avoid.empty(), {}};
    ZoneRow scar{zones.scar, 0.0, zones.scar.empty(), {}}, blend{zones.blend, 0.0, zones.blend.empty(), {}};
    const auto cellsOn = [&](ZoneRow& zone, int r) {
        zone.share.assign(static_cast<std::size_t>(columns), zone.ifEmpty);
        const double top = area.y0 + (r - 0.5) * s;
        if (!zone.empty)
            zone.mask.coverageAlong((area.x0 - 0.5 * s) * pxPerMm, s * pxPerMm, top * pxPerMm, (top + s) * pxPerMm,
                                    zone.share);
    };
    std::vector<char> inBlend(blend.empty ? 0 : distance.size(), 0), treated(inBlend.size(), 0);
    for (int r = 0; r < rows; ++r) {
        for (ZoneRow* zone : {&head, &avoid, &scar, &blend})
            cellsOn(*zone, r);
        for (int c = 0; c < columns; ++c) {
            const std::size_t i = static_cast<std::size_t>(r) * columns + c;
            const auto ci = static_cast<std::size_t>(c);
            const double d = distance[i];
            const double line = std::clamp(0.5 + (d + aheadMm) / edgeFadeMm, 0.0, 1.0);
            double share = 1.0, transition = 0.0;
            if (transitionMm > 0.0 && d < transitionMm) {
                transition = d < 0.0 ? 1.0 : 1.0 - d / transitionMm;
                share = d < 0.0 ? (aheadMm > 0.0 ? targets.aheadDensityShare : targets.frontShare)
                                : targets.frontShare + (1.0 - targets.frontShare) * smoothstep(d / transitionMm);
            }
            const double mask = std::min({head.share[ci], line, 1.0 - avoid.share[ci]});
            // Nodes beyond the fade are never a corner of a treated patch: leave them bare.
            const double density = line > 0.0 ? targets.fullDotsPerCm2 * share : 0.0;
            field.setNode(c, r, {density, mask, transition, scar.share[ci]});
            if (blend.empty) continue;
            inBlend[i] = blend.share[ci] >= 0.5;
            treated[i] = mask >= 0.5;
        }
    }

    // Blend zones taper from their edge with treated skin (not from the photo's border or the
    // head outline, which are no hair-to-skin edges): distance from each node in a zone to the
    // nearest treated node outside it.
    if (blend.empty) return field;
    std::vector<char> seed(inBlend.size());
    for (std::size_t i = 0; i < seed.size(); ++i)
        seed[i] = !inBlend[i] && treated[i];
    const std::vector<double> nodes = distanceToSeeds(seed, columns, rows);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c) {
            const std::size_t i = static_cast<std::size_t>(r) * columns + c;
            if (!inBlend[i]) continue;
            // The edge lies about half a spacing short of the nearest node outside.
            const double edgeMm = std::max(0.0, nodes[i] * s - 0.5 * s);
            const double t = targets.blendTaperMm > 0.0 ? smoothstep(edgeMm / targets.blendTaperMm) : 1.0;
            dots::FieldValue value = field.node(c, r);
            value.density *= 1.0 - (1.0 - targets.blendShare) * t;
            field.setNode(c, r, value);
        }
    return field;
}

}  // namespace smp::design
