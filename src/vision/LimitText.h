#pragma once
// How an amount over a PhotoLimits limit is worded in an error: in the units an artist knows
// ("120 MP", "600 MB"), falling back to exact counts where rounding would hide the difference.

#include <cstdint>
#include <string>

namespace smp::vision {

enum class AmountUnit { Pixels, FileSize };

// "120 MP, over the 100 MP limit"; "400 px, over the 100 px limit"; "2.5 MB, over the 1 MB limit".
std::string overLimitText(std::uint64_t amount, std::uint64_t limit, AmountUnit unit);

}  // namespace smp::vision
