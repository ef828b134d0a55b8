#include "core/design/PhotoMask.h"

#include "core/Errors.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>

namespace smp::design {

namespace {

using Runs = std::vector<PixelRun>;

Runs uniteRuns(const Runs& a, const Runs& b) {
    Runs all;
    all.reserve(a.size() + b.size());
    std::merge(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(all),
               [](PixelRun l, PixelRun r) { return l.x0 < r.x0; });
    Runs out;
    for (const PixelRun run : all) {
        if (!out.empty() && run.x0 <= out.back().x1)
            out.back().x1 = std::max(out.back().x1, run.x1);
        else
            out.push_back(run);
    }
    return out;
}

// Pieces of one run of a inside one run of b are parted by b's gaps, pieces of different runs
// of a by a's gaps: the result never touches itself.
Runs intersectRuns(const Runs& a, const Runs& b) {
    Runs out;
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const int lo = std::max(a[i].x0, b[j].x0), hi = std::min(a[i].x1, b[j].x1);
        if (lo < hi) out.push_back({lo, hi});
        (a[i].x1 < b[j].x1 ? i : j)++;
    }
    return out;
}

Runs subtractRuns(const Runs& a, const Runs& b) {
    Runs out;
    std::size_t j = 0;
    for (const PixelRun run : a) {
        int from = run.x0;
        while (j < b.size() && b[j].x1 <= from)
            ++j;
        // b[j] may reach into the next run of a too, so j stays where it is.
        for (std::size_t k = j; k < b.size() && b[k].x0 < run.x1; ++k) {
            if (b[k].x0 > from) out.push_back({from, b[k].x0});
            from = std::max(from, b[k].x1);
        }
        if (from < run.x1) out.push_back({from, run.x1});
    }
    return out;
}

[[noreturn]] void badRow(int y, std::size_t index, PixelRun run, const std::string& rule) {
    std::ostringstream message;
    message << "photo mask: row " << y << ", run " << index << " [" << run.x0 << ", " << run.x1 << "): " << rule;
    throw core::InputError(message.str());
}

}  // namespace

PhotoMask::PhotoMask(core::SizePx size) : size_(size) {
    if (size.empty()) {
        std::ostringstream message;
        message << "photo mask: the photo size " << size.width << " x " << size.height << " px must be positive";
        throw core::UsageError(message.str());
    }
    rows_.resize(static_cast<std::size_t>(size.height));
}

bool PhotoMask::empty() const {
    return std::all_of(rows_.begin(), rows_.end(), [](const Runs& runs) { return runs.empty(); });
}

std::int64_t PhotoMask::area() const {
    std::int64_t total = 0;
    for (const Runs& runs : rows_)
        for (const PixelRun run : runs)
            total += run.x1 - run.x0;
    return total;
}

bool PhotoMask::contains(int x, int y) const {
    if (x < 0 || y < 0 || x >= size_.width || y >= size_.height) return false;
    const Runs& runs = row(y);
    const auto it = std::upper_bound(runs.begin(), runs.end(), x, [](int v, PixelRun r) { return v < r.x1; });
    return it != runs.end() && it->x0 <= x;
}

double PhotoMask::coverage(double x0, double y0, double x1, double y1) const {
    x0 = std::max(x0, 0.0), y0 = std::max(y0, 0.0);
    x1 = std::min(x1, static_cast<double>(size_.width)), y1 = std::min(y1, static_cast<double>(size_.height));
    if (!(x1 > x0 && y1 > y0)) return 0.0;
    double covered = 0.0;
    const int firstRow = static_cast<int>(y0), endRow = static_cast<int>(std::ceil(y1));
    for (int y = firstRow; y < endRow; ++y) {
        const Runs& runs = row(y);
        const double weight = std::min(y1, y + 1.0) - std::max(y0, static_cast<double>(y));
        // The first run ending after x0, then along the row while runs start before x1.
        auto it = std::upper_bound(runs.begin(), runs.end(), x0, [](double v, PixelRun r) { return v < r.x1; });
        double length = 0.0;
        for (; it != runs.end() && it->x0 < x1; ++it)
            length += std::min(x1, static_cast<double>(it->x1)) - std::max(x0, static_cast<double>(it->x0));
        covered += weight * length;
    }
    return std::clamp(covered / ((x1 - x0) * (y1 - y0)), 0.0, 1.0);
}

void PhotoMask::coverageAlong(double x0, double width, double y0, double y1, std::span<double> out) const {
    std::fill(out.begin(), out.end(), 0.0);
    y0 = std::max(y0, 0.0), y1 = std::min(y1, static_cast<double>(size_.height));
    const int n = static_cast<int>(out.size());
    if (!(y1 > y0 && width > 0.0) || n == 0) return;
    const double end = x0 + n * width;
    auto cellAt = [&](double x) { return static_cast<int>(std::floor((x - x0) / width)); };
    // Each run adds its two partly covered end cells directly and the whole cells between them
    // as a step in `whole`, summed once at the end: the cost goes with the runs, not the cells.
    std::vector<double> whole(out.size() + 1, 0.0);
    const int firstRow = static_cast<int>(y0), endRow = static_cast<int>(std::ceil(y1));
    for (int y = firstRow; y < endRow; ++y) {
        const Runs& runs = row(y);
        const double weight = std::min(y1, y + 1.0) - std::max(y0, static_cast<double>(y));
        auto it = std::partition_point(runs.begin(), runs.end(), [&](PixelRun r) { return r.x1 <= x0; });
        for (; it != runs.end() && it->x0 < end; ++it) {
            const double a = std::max(x0, static_cast<double>(it->x0)), b = std::min(end, static_cast<double>(it->x1));
            const int i0 = std::clamp(cellAt(a), 0, n - 1), i1 = std::clamp(cellAt(b), 0, n);
            if (i1 <= i0) {
                out[static_cast<std::size_t>(i0)] += weight * (b - a);
                continue;
            }
            out[static_cast<std::size_t>(i0)] += weight * (x0 + (i0 + 1) * width - a);
            if (i1 < n) out[static_cast<std::size_t>(i1)] += weight * (b - (x0 + i1 * width));
            whole[static_cast<std::size_t>(i0) + 1] += weight * width;
            whole[static_cast<std::size_t>(i1)] -= weight * width;
        }
    }
    const double photoWidth = size_.width;
    double step = 0.0;
    for (int i = 0; i < n; ++i) {
        step += whole[static_cast<std::size_t>(i)];
        const double left = std::clamp(x0 + i * width, 0.0, photoWidth);
        const double right = std::clamp(x0 + (i + 1) * width, 0.0, photoWidth);
        const double area = (right - left) * (y1 - y0);
        double& share = out[static_cast<std::size_t>(i)];
        share = area > 0.0 ? std::clamp((share + step) / area, 0.0, 1.0) : 0.0;
    }
}

void PhotoMask::paintRow(int y, int x0, int x1, bool add) {
    if (y < 0 || y >= size_.height) return;
    x0 = std::max(x0, 0), x1 = std::min(x1, size_.width);
    if (x0 >= x1) return;
    Runs& runs = rows_[static_cast<std::size_t>(y)];
    if (add) {
        // Every run that overlaps or touches [x0, x1) merges with it.
        auto first = std::partition_point(runs.begin(), runs.end(), [&](PixelRun r) { return r.x1 < x0; });
        auto last = std::partition_point(first, runs.end(), [&](PixelRun r) { return r.x0 <= x1; });
        if (first == last) {
            runs.insert(first, PixelRun{x0, x1});
            return;
        }
        first->x0 = std::min(first->x0, x0);
        first->x1 = std::max(std::prev(last)->x1, x1);
        runs.erase(std::next(first), last);
        return;
    }
    auto first = std::partition_point(runs.begin(), runs.end(), [&](PixelRun r) { return r.x1 <= x0; });
    auto last = std::partition_point(first, runs.end(), [&](PixelRun r) { return r.x0 < x1; });
    if (first == last) return;
    const PixelRun left{first->x0, x0}, right{x1, std::prev(last)->x1};
    Runs kept;
    if (left.x0 < left.x1) kept.push_back(left);
    if (right.x0 < right.x1) kept.push_back(right);
    const auto at = runs.erase(first, last);
    runs.insert(at, kept.begin(), kept.end());
}

void PhotoMask::paintRect(core::RectPx rect, bool add) {
    if (rect.empty()) return;
    const int yEnd = std::min(size_.height, rect.y + rect.height);
    for (int y = std::max(0, rect.y); y < yEnd; ++y)
        paintRow(y, rect.x, rect.x + rect.width, add);
}

void PhotoMask::clear() {
    for (Runs& runs : rows_)
        runs.clear();
}

namespace {

void requireSameSize(core::SizePx a, core::SizePx b, const char* operation) {
    if (a == b) return;
    std::ostringstream message;
    message << "photo mask: cannot " << operation << " a " << b.width << " x " << b.height << " px mask with a "
            << a.width << " x " << a.height << " px one";
    throw core::UsageError(message.str());
}

}  // namespace

void PhotoMask::unite(const PhotoMask& other) {
    requireSameSize(size_, other.size_, "unite");
    for (std::size_t y = 0; y < rows_.size(); ++y)
        if (!other.rows_[y].empty()) rows_[y] = uniteRuns(rows_[y], other.rows_[y]);
}

void PhotoMask::subtract(const PhotoMask& other) {
    requireSameSize(size_, other.size_, "subtract");
    for (std::size_t y = 0; y < rows_.size(); ++y)
        if (!other.rows_[y].empty()) rows_[y] = subtractRuns(rows_[y], other.rows_[y]);
}

void PhotoMask::intersect(const PhotoMask& other) {
    requireSameSize(size_, other.size_, "intersect");
    for (std::size_t y = 0; y < rows_.size(); ++y)
        rows_[y] = intersectRuns(rows_[y], other.rows_[y]);
}

PhotoMask PhotoMask::fromRows(core::SizePx size, std::vector<std::vector<PixelRun>> rows) {
    if (size.empty()) {
        std::ostringstream message;
        message << "photo mask: the stored size " << size.width << " x " << size.height << " px must be positive";
        throw core::InputError(message.str());
    }
    if (rows.size() != static_cast<std::size_t>(size.height)) {
        std::ostringstream message;
        message << "photo mask: " << rows.size() << " rows stored for a photo " << size.height << " px high";
        throw core::InputError(message.str());
    }
    for (std::size_t y = 0; y < rows.size(); ++y) {
        const Runs& runs = rows[y];
        for (std::size_t i = 0; i < runs.size(); ++i) {
            const PixelRun run = runs[i];
            const int row = static_cast<int>(y);
            if (run.x0 >= run.x1) badRow(row, i, run, "the run is empty (x1 must be greater than x0)");
            if (run.x0 < 0 || run.x1 > size.width)
                badRow(row, i, run, "the run is out of the photo (0.." + std::to_string(size.width) + ")");
            if (i == 0) continue;
            const PixelRun before = runs[i - 1];
            if (run.x0 < before.x0) badRow(row, i, run, "the runs are unsorted (it starts before the run before it)");
            if (run.x0 < before.x1) badRow(row, i, run, "it overlaps the run before it");
            if (run.x0 == before.x1) badRow(row, i, run, "it touches the run before it (touching runs must be one)");
        }
    }
    PhotoMask mask(size);
    mask.rows_ = std::move(rows);
    return mask;
}

}  // namespace smp::design
