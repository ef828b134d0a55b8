#include "core/dots/DartOrder.h"

#include <algorithm>
#include <array>

namespace smp::dots::detail {

void sortDarts(std::vector<Dart>& darts, std::vector<Dart>& scratch) {
    if (darts.size() < 2048) {
        std::sort(darts.begin(), darts.end(), [](const Dart& a, const Dart& b) { return a.key < b.key; });
        return;
    }
    // Three 11-bit radix passes over the 32-bit priority (2048 counters stay in cache, where
    // 65536 would not), then ties settled by the full key.
    constexpr int kDigitBits = 11;
    constexpr std::uint64_t kDigitMask = (std::uint64_t{1} << kDigitBits) - 1;
    scratch.resize(darts.size());
    std::array<std::uint32_t, std::size_t{1} << kDigitBits> counts{};
    for (int pass = 0; pass < 3; ++pass) {
        const int shift = 24 + kDigitBits * pass;
        counts.fill(0);
        for (const Dart& d : darts)
            ++counts[(d.key >> shift) & kDigitMask];
        std::uint32_t sum = 0;
        for (std::uint32_t& c : counts) {
            const std::uint32_t n = c;
            c = sum;
            sum += n;
        }
        for (const Dart& d : darts)
            scratch[counts[(d.key >> shift) & kDigitMask]++] = d;
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

}  // namespace smp::dots::detail
