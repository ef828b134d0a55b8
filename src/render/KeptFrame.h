#pragma once
// The last frame a SceneRenderer drew, kept so that the next frame can reuse its pixels. On
// llvmpipe a close-up costs a texture fetch per view pixel for the photo and four for the
// pigment, far beyond a 60 fps frame, while moving 8 MB costs a few milliseconds. So a pan moves
// the kept pixels and draws only what came into sight, an edit of the dots draws only the band it
// changed, and a target still showing the kept frame needs nothing copied back at all.

#include "core/CompareView.h"
#include "core/Geometry.h"
#include "render/RenderTarget.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace smp::render {

// How a frame is drawn. Moving: a frame of a zoom in progress, which a software rasteriser must
// draw within a 60th of a second. A close-up then magnifies the composite bilinearly, one texture
// fetch a pixel, instead of filtering the pigment with a B-spline over the photo (five fetches);
// the dots look a little square until the Final frame that follows once the view is still.
enum class FrameQuality { Final, Moving };

// What a frame showed, to tell whether the next one is the same picture moved by whole pixels.
struct FrameContent {
    core::SizePx size;
    int photoRevision = 0;
    int dotLayerDraws = 0;
    bool dotsShown = false;
    core::CompareMode compareMode = core::CompareMode::After;
    int dividerX = 0;  // Split's divider, as the column it lands on
    double zoom = 0.0;
    core::Vec2 offsetPx;  // where the frame's pixels put the photo (a pan moves them, not it)
    FrameQuality quality = FrameQuality::Final;
    friend bool operator==(const FrameContent&, const FrameContent&) = default;
};

// Where the layout joins two parts (Split's divider, SideBySide's middle): a pan carries one
// part's pixels into the other there, and over the divider line drawn `halfLinePx` to each side.
struct FrameBorder {
    int x = 0;
    int halfLinePx = 0;
};

// The dot layer's last change, as a frame sees it.
struct DotsEdit {
    int sinceDraws = -1;   // the layer draw it was made on top of
    core::RectPx viewRect;  // the view pixels it may have changed
};

class KeptFrame {
public:
    // The frame brought over from the kept one: `toDraw` (view pixels, y down) must still be drawn.
    struct Reused {
        std::vector<core::RectPx> toDraw;
        bool inPlace = false;  // the kept pixels did not move
    };

    // Brings `target` (left bound) as near to `wanted` as the kept pixels allow. They are moved by
    // the pan since the kept frame when it is whole pixels; what came into sight, the bands about
    // `border`, and `edit`'s rectangle (when the dots changed since) are left to draw. Sets
    // wanted.offsetPx to where the moved pixels put the photo, a hair from the view's, so that
    // later pans are measured from there and the hairs never add up. Empty when the frame must be
    // drawn whole.
    std::optional<Reused> reuse(RenderTarget& target, FrameContent& wanted, std::optional<FrameBorder> border,
                                const DotsEdit& edit);

    // Keeps the frame `target` now shows: copies only `changed` when given (the kept copy holds
    // the rest already), else the whole frame. Tells the target which frame it shows.
    void keep(RenderTarget& target, const FrameContent& shown, const std::vector<core::RectPx>* changed = nullptr);

private:
    RenderTarget kept_;
    FrameContent content_;
    bool valid_ = false;
    std::uint64_t frame_ = 0;  // its number: a target showing it needs no copy to stand still
};

}  // namespace smp::render
