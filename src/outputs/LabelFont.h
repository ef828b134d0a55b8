#pragma once
// The typeface of every label: DejaVu Sans (Debian's fonts-dejavu-core, the window's font too)
// through OpenCV's freetype module, anti-aliased. Where the module or the font file is missing,
// OpenCV's Hershey Duplex stands in, at the same cap height, with "·", "≈", "²" and dashes spelled
// in ASCII. Images are RGB (core::Image's order), so colours are cv::Scalar(R, G, B).

#include <opencv2/core.hpp>

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace smp::outputs {

enum class FontWeight { Regular, Bold };

struct TextExtent {
    int width = 0;    // advance of the whole text, px
    int ascent = 0;   // above the baseline (cap height and accents), px
    int descent = 0;  // below it ("g", "p"), px
};

class LabelFont {
public:
    static const LabelFont& get(FontWeight weight);
    ~LabelFont();
    LabelFont(const LabelFont&) = delete;
    LabelFont& operator=(const LabelFont&) = delete;

    // `sizePx` is the font size (em) in pixels; capitals are about 0.73 of it.
    [[nodiscard]] TextExtent measure(std::string_view text, int sizePx) const;
    // Draws `text` (UTF-8) with the left end of its baseline at `baseline`.
    void draw(cv::Mat& image, std::string_view text, cv::Point baseline, int sizePx, cv::Scalar color) const;
    // False when the Hershey fallback draws.
    [[nodiscard]] bool isTrueType() const { return trueType_ != nullptr; }

private:
    explicit LabelFont(FontWeight weight);
    struct TrueType;
    std::unique_ptr<TrueType> trueType_;
    mutable std::mutex mutex_;  // FreeType faces are not thread-safe
    FontWeight weight_;
};

// Splits `text` into lines no wider than maxWidthPx at spaces (a word wider than that stands
// alone on its line).
[[nodiscard]] std::vector<std::string> wrapText(const LabelFont& font, std::string_view text, int sizePx,
                                                int maxWidthPx);

}  // namespace smp::outputs
