#include "render/KeptFrame.h"

#include "render/RenderError.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>

namespace smp::render {
namespace {

// A pan moves the kept frame when the photo lands within this of where whole pixels put it.
constexpr double kPanToleranceViewPx = 1e-3;

core::RectPx intersect(core::RectPx a, core::RectPx b) {
    const int x0 = std::max(a.x, b.x), y0 = std::max(a.y, b.y);
    const int x1 = std::min(a.x + a.width, b.x + b.width), y1 = std::min(a.y + a.height, b.y + b.height);
    return {x0, y0, std::max(0, x1 - x0), std::max(0, y1 - y0)};
}

// The columns whose pixels a pan of dx moves across `border`.
core::RectPx borderBand(FrameBorder border, int dx, core::SizePx size) {
    const int reach = std::abs(dx) + border.halfLinePx;
    return intersect({border.x - reach, 0, 2 * reach, size.height}, {0, 0, size.width, size.height});
}

// Frames are numbered across all renderers, so that a target's number names one frame of one
// renderer (RenderTarget::frameShown).
std::uint64_t nextFrameNumber() {
    static std::atomic<std::uint64_t> last{0};
    return ++last;
}

}  // namespace

std::optional<KeptFrame::Reused> KeptFrame::reuse(RenderTarget& target, FrameContent& wanted,
                                                  std::optional<FrameBorder> border, const DotsEdit& edit) {
    if (!valid_) return std::nullopt;
    FrameContent kept = content_;
    const core::Vec2 pan = wanted.offsetPx - kept.offsetPx;
    const int dx = int(std::lround(pan.x)), dy = int(std::lround(pan.y));
    if (std::abs(pan.x - dx) > kPanToleranceViewPx || std::abs(pan.y - dy) > kPanToleranceViewPx) return std::nullopt;
    const core::SizePx size = wanted.size;
    if (std::abs(dx) >= size.width || std::abs(dy) >= size.height) return std::nullopt;
    kept.offsetPx = wanted.offsetPx;
    // An edit of the dots since the kept frame: outside what it changed, the kept pixels hold.
    core::RectPx edited;
    if (kept.dotLayerDraws != wanted.dotLayerDraws) {
        if (kept.dotLayerDraws != edit.sinceDraws || !kept.dotsShown || !wanted.dotsShown) return std::nullopt;
        kept.dotLayerDraws = wanted.dotLayerDraws;
        edited = edit.viewRect;
    }
    if (!(kept == wanted)) return std::nullopt;
    wanted.offsetPx = content_.offsetPx + core::Vec2{double(dx), double(dy)};

    // The kept pixels, moved; GL's rows run upwards, so a pan down is a negative GL shift. A
    // target still showing the kept frame needs none of them when the view stands still: an edit
    // then costs its band alone, not a copy of 8 MB first.
    target.bind();
    const bool standsStill = dx == 0 && dy == 0 && target.frameShown() != 0 && target.frameShown() == frame_;
    if (!standsStill) {
        glDisable(GL_SCISSOR_TEST);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, kept_.framebuffer());
        const int fromX = std::max(0, -dx), toX = std::min(size.width, size.width - dx);
        const int fromY = std::max(0, dy), toY = std::min(size.height, size.height + dy);
        glBlitFramebuffer(fromX, fromY, toX, toY, fromX + dx, fromY - dy, toX + dx, toY - dy, GL_COLOR_BUFFER_BIT,
                          GL_NEAREST);
        target.bind();
    }

    Reused reused;
    reused.inPlace = dx == 0 && dy == 0;
    std::vector<core::RectPx> uncovered;
    if (dx > 0) uncovered.push_back({0, 0, dx, size.height});
    if (dx < 0) uncovered.push_back({size.width + dx, 0, -dx, size.height});
    if (dy > 0) uncovered.push_back({0, 0, size.width, dy});
    if (dy < 0) uncovered.push_back({0, size.height + dy, size.width, -dy});
    if (border) uncovered.push_back(borderBand(*border, dx, size));
    uncovered.push_back(edited);
    for (const core::RectPx& rect : uncovered)
        if (!rect.empty()) reused.toDraw.push_back(rect);
    return reused;
}

void KeptFrame::keep(RenderTarget& target, const FrameContent& shown, const std::vector<core::RectPx>* changed) {
    const core::SizePx size = shown.size;
    if (changed && valid_ && content_.size == size) {
        // An edit redrew a band of the frame: copying 8 MB back for it would cost more than the band.
        target.bind();
        glDisable(GL_SCISSOR_TEST);
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, kept_.framebuffer());
        for (const core::RectPx& r : *changed) {
            const int y0 = size.height - r.y - r.height;  // GL's rows run upwards
            glBlitFramebuffer(r.x, y0, r.x + r.width, y0 + r.height, r.x, y0, r.x + r.width, y0 + r.height,
                              GL_COLOR_BUFFER_BIT, GL_NEAREST);
        }
    } else {
        if (!valid_ || !(content_.size == size)) {
            valid_ = false;
            try {
                kept_.resize(size);
            } catch (const RenderError&) {
                target.setFrameShown(0);
                return;  // without a copy the next frame is drawn whole: slower, never wrong
            }
        }
        target.bind();
        glDisable(GL_SCISSOR_TEST);
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, kept_.framebuffer());
        glBlitFramebuffer(0, 0, size.width, size.height, 0, 0, size.width, size.height, GL_COLOR_BUFFER_BIT,
                          GL_NEAREST);
    }
    content_ = shown;
    valid_ = true;
    frame_ = nextFrameNumber();
    target.setFrameShown(frame_);
}

}  // namespace smp::render
