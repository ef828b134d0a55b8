#include "outputs/PreviewRenderer.h"

#include "core/Errors.h"
#include "core/ProjectDots.h"

#include <algorithm>
#include <cmath>

namespace smp::outputs {
namespace {

core::RectPx checkedRegion(std::optional<core::RectPx> region, core::SizePx photo) {
    if (!region) return {0, 0, photo.width, photo.height};
    const core::RectPx& r = *region;
    if (r.empty() || r.x < 0 || r.y < 0 || r.x + r.width > photo.width || r.y + r.height > photo.height)
        throw core::UsageError("--region " + std::to_string(r.x) + "," + std::to_string(r.y) + "," +
                               std::to_string(r.width) + "," + std::to_string(r.height) + " reaches outside the " +
                               std::to_string(photo.width) + " x " + std::to_string(photo.height) + " px photo");
    return r;
}

}  // namespace

PreviewRenderer::PreviewRenderer(const core::Project& project, const core::Image& photo,
                                 std::optional<core::RectPx> region)
    : project_(project),
      photoSize_{photo.width, photo.height},
      framed_(checkedRegion(region, {photo.width, photo.height})),
      // The same field and dots as the window, the plan and `smp-studio dots`.
      field_(core::projectField(project, {photo.width, photo.height})),
      layout_(core::projectDots(project, field_)) {
    renderer_.setPhoto(photo);
}

void PreviewRenderer::frameOn(core::RectPx region) { framed_ = checkedRegion(region, photoSize_); }

core::RectPx treatedArea(const dots::DotLayout& layout, double pxPerMm, core::SizePx photo) {
    if (layout.dots.empty() || !(pxPerMm > 0.0)) return {0, 0, photo.width, photo.height};
    double left = 1e300, top = 1e300, right = -1e300, bottom = -1e300;
    for (const dots::Dot& dot : layout.dots) {
        left = std::min(left, dot.positionMm.x);
        right = std::max(right, dot.positionMm.x);
        top = std::min(top, dot.positionMm.y);
        bottom = std::max(bottom, dot.positionMm.y);
    }
    const double width = (right - left) * pxPerMm;
    const double height = (bottom - top) * pxPerMm;
    const int x0 = std::clamp(int(std::floor(left * pxPerMm - 0.15 * width)), 0, photo.width - 1);
    const int x1 = std::clamp(int(std::ceil(right * pxPerMm + 0.15 * width)), x0 + 1, photo.width);
    const int y0 = std::clamp(int(std::floor(top * pxPerMm - 0.20 * height)), 0, photo.height - 1);
    const int y1 = std::clamp(int(std::ceil(bottom * pxPerMm + 0.15 * height)), y0 + 1, photo.height);
    return {x0, y0, x1 - x0, y1 - y0};
}

core::ExportFrame PreviewRenderer::frameAtWidth(int widthPx) const {
    return core::photoRegionAtWidth(framed_, widthPx > 0 ? widthPx : framed_.width);
}

double PreviewRenderer::pxPerMmAtWidth(int widthPx) const {
    return project_.scale.pxPerMm * double(widthPx > 0 ? widthPx : framed_.width) / framed_.width;
}

core::Image PreviewRenderer::render(const preview::TimelinePoint& when, const core::ExportFrame& frame,
                                    const core::CompareView& compare) {
    if (!shown_ || *shown_ != when) {
        // core::projectSkin's rule, from the field and layout kept here.
        const std::vector<preview::DotLook> looks = preview::skinAt(layout_, when, {}, &field_);
        renderer_.setDots(looks, project_.scale.pxPerMm);
        shown_ = when;
    }
    core::Image image = renderer_.renderToImage(frame.size, frame.view, compare);
    if (image.channels == 4) {  // labels and the writers take RGB
        core::Image rgb(image.width, image.height, 3);
        for (std::size_t i = 0, o = 0; i < image.pixels.size(); i += 4, o += 3)
            std::copy_n(image.pixels.begin() + std::ptrdiff_t(i), 3, rgb.pixels.begin() + std::ptrdiff_t(o));
        return rgb;
    }
    return image;
}

std::string timelineText(const preview::TimelinePoint& when, int sessionCount) {
    const int done = std::min(when.sessionsDone, sessionCount);
    if (done <= 0) return "Before";
    std::string text = "Session " + std::to_string(done) + " of " + std::to_string(sessionCount) + " \xC2\xB7 ";
    if (!when.day) return text + "settled";
    const int day = int(std::lround(*when.day));
    return text + (day == 0 ? "the day itself" : "day " + std::to_string(day));
}

}  // namespace smp::outputs
