#pragma once
// How the preview sits next to the client's photo: the consultation's before and after.

#include <optional>
#include <string_view>

namespace smp::core {

enum class CompareMode {
    After,       // the photo with the treatment
    Before,      // the photo as taken
    Split,       // before left of a divider, after right of it
    SideBySide,  // before in the left half, after in the right half, each with the same view
};

struct CompareView {
    CompareMode mode = CompareMode::After;
    double divider = 0.5;  // Split: where the divider stands, share of the view's width (0..1)

    friend bool operator==(const CompareView&, const CompareView&) = default;
};

// "after", "before", "split", "side-by-side".
[[nodiscard]] std::string_view compareModeName(CompareMode mode);
[[nodiscard]] std::optional<CompareMode> parseCompareMode(std::string_view name);

}  // namespace smp::core
