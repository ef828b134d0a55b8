#include "vision/LimitText.h"

#include <cstdio>

namespace smp::vision {
namespace {

// One decimal, without a trailing ".0": 120 -> "120", 12.19 -> "12.2".
std::string oneDecimal(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    std::string result = text;
    if (result.ends_with(".0")) result.resize(result.size() - 2);
    return result;
}

std::string exact(std::uint64_t amount, AmountUnit unit) {
    return std::to_string(amount) + (unit == AmountUnit::Pixels ? " px" : " bytes");
}

// Megapixels are decimal (as cameras count them); megabytes binary, as the default 512 MB limit is.
std::string rounded(std::uint64_t amount, AmountUnit unit) {
    if (unit == AmountUnit::Pixels)
        return amount < 1'000'000 ? exact(amount, unit) : oneDecimal(static_cast<double>(amount) / 1e6) + " MP";
    constexpr std::uint64_t kMiB = 1u << 20;
    return amount < kMiB ? exact(amount, unit) : oneDecimal(static_cast<double>(amount) / kMiB) + " MB";
}

}  // namespace

std::string overLimitText(std::uint64_t amount, std::uint64_t limit, AmountUnit unit) {
    std::string amountText = rounded(amount, unit);
    std::string limitText = rounded(limit, unit);
    if (amountText == limitText) {
        amountText = exact(amount, unit);
        limitText = exact(limit, unit);
    }
    return amountText + ", over the " + limitText + " limit";
}

}  // namespace smp::vision
