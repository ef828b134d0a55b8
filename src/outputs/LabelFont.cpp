#include "outputs/LabelFont.h"

#include <opencv2/imgproc.hpp>
#ifdef SMP_HAVE_OPENCV_FREETYPE
#include <opencv2/freetype.hpp>
#endif

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <utility>

namespace smp::outputs {
namespace {

constexpr double kAscentShare = 0.76;
constexpr double kDescentShare = 0.24;
constexpr double kCapShare = 0.73;
constexpr int kHersheyFace = cv::FONT_HERSHEY_DUPLEX;

// Hershey fonts have ASCII only.
std::string asciiOf(std::string_view text) {
    static const std::pair<std::string_view, std::string_view> kSpellings[] = {
        {"\xC2\xB7", "-"},      // middle dot
        {"\xE2\x89\x88", "~"},  // almost equal
        {"\xC2\xB2", "2"},      // superscript two
        {"\xE2\x80\x93", "-"},  // en dash
        {"\xE2\x80\x94", "-"},  // em dash
        {"\xE2\x80\x99", "'"},  // right single quote
        {"\xC3\x97", "x"},      // multiplication sign
    };
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        bool spelled = false;
        for (const auto& [utf8, ascii] : kSpellings) {
            if (text.substr(i, utf8.size()) == utf8) {
                out += ascii;
                i += utf8.size();
                spelled = true;
                break;
            }
        }
        if (spelled) continue;
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            out += static_cast<char>(c);
            ++i;
        } else {  // any other non-ASCII character: skip its bytes, show a '?'
            ++i;
            while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
            out += '?';
        }
    }
    return out;
}

double hersheyScale(int sizePx) {
    int baseline = 0;
    const cv::Size cap = cv::getTextSize("H", kHersheyFace, 1.0, 1, &baseline);
    return kCapShare * sizePx / std::max(1, cap.height);
}

int hersheyThickness(int sizePx, FontWeight weight) {
    const double stroke = sizePx / (weight == FontWeight::Bold ? 14.0 : 22.0);
    return std::max(1, int(std::lround(stroke)));
}

}  // namespace

struct LabelFont::TrueType {
#ifdef SMP_HAVE_OPENCV_FREETYPE
    cv::Ptr<cv::freetype::FreeType2> face;
#endif
};

LabelFont::LabelFont(FontWeight weight) : weight_(weight) {
#ifdef SMP_HAVE_OPENCV_FREETYPE
    const std::filesystem::path file = weight == FontWeight::Bold
                                           ? "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
                                           : "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    std::error_code error;
    if (!std::filesystem::exists(file, error)) return;
    try {
        auto trueType = std::make_unique<TrueType>();
        trueType->face = cv::freetype::createFreeType2();
        trueType->face->loadFontData(file.string(), 0);
        trueType_ = std::move(trueType);
    } catch (const cv::Exception&) {
        trueType_.reset();  // the Hershey font draws instead
    }
#endif
}

LabelFont::~LabelFont() = default;

const LabelFont& LabelFont::get(FontWeight weight) {
    static const LabelFont regular(FontWeight::Regular);
    static const LabelFont bold(FontWeight::Bold);
    return weight == FontWeight::Bold ? bold : regular;
}

TextExtent LabelFont::measure(std::string_view text, int sizePx) const {
    TextExtent extent{0, int(std::lround(kAscentShare * sizePx)), int(std::lround(kDescentShare * sizePx))};
    if (text.empty() || sizePx <= 0) return extent;
    int baseline = 0;
#ifdef SMP_HAVE_OPENCV_FREETYPE
    if (trueType_) {
        const std::lock_guard lock(mutex_);
        extent.width = trueType_->face->getTextSize(std::string(text), sizePx, -1, &baseline).width;
        return extent;
    }
#endif
    extent.width = cv::getTextSize(asciiOf(text), kHersheyFace, hersheyScale(sizePx),
                                   hersheyThickness(sizePx, weight_), &baseline)
                       .width;
    return extent;
}

void LabelFont::draw(cv::Mat& image, std::string_view text, cv::Point baseline, int sizePx, cv::Scalar color) const {
    if (text.empty() || sizePx <= 0) return;
#ifdef SMP_HAVE_OPENCV_FREETYPE
    if (trueType_) {
        const std::lock_guard lock(mutex_);
        trueType_->face->putText(image, std::string(text), baseline, sizePx, color, -1, cv::LINE_AA, true);
        return;
    }
#endif
    cv::putText(image, asciiOf(text), baseline, kHersheyFace, hersheyScale(sizePx), color,
                hersheyThickness(sizePx, weight_), cv::LINE_AA);
}

std::vector<std::string> wrapText(const LabelFont& font, std::string_view text, int sizePx, int maxWidthPx) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t space = text.find(' ', i);
        const std::string word(text.substr(i, space == std::string_view::npos ? std::string_view::npos : space - i));
        i = space == std::string_view::npos ? text.size() : space + 1;
        if (word.empty()) continue;
        const std::string candidate = line.empty() ? word : line + " " + word;
        if (!line.empty() && font.measure(candidate, sizePx).width > maxWidthPx) {
            lines.push_back(line);
            line = word;
        } else {
            line = candidate;
        }
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
}

}  // namespace smp::outputs
