#include "core/CompareView.h"

#include <array>
#include <utility>

namespace smp::core {
namespace {

constexpr std::array<std::pair<CompareMode, std::string_view>, 4> kNames{{
    {CompareMode::After, "after"},
    {CompareMode::Before, "before"},
    {CompareMode::Split, "split"},
    {CompareMode::SideBySide, "side-by-side"},
}};

}  // namespace

std::string_view compareModeName(CompareMode mode) {
    for (const auto& [m, name] : kNames)
        if (m == mode) return name;
    return "after";
}

std::optional<CompareMode> parseCompareMode(std::string_view name) {
    for (const auto& [m, n] : kNames)
        if (n == name) return m;
    return std::nullopt;
}

}  // namespace smp::core
