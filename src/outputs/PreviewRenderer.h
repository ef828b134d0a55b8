#pragma once
// The window's renderer (render::SceneRenderer), set up once for one project: the photo
// uploaded, the dots of every session worked out once, so each picture of an export costs only
// its render. Needs a current OpenGL 3.3 context on the calling thread.

#include "core/Geometry.h"
#include "core/Image.h"
#include "core/CompareView.h"
#include "core/Project.h"
#include "core/ViewTransform.h"
#include "core/dots/DensityField.h"
#include "core/dots/MicrodotEngine.h"
#include "core/preview/Healing.h"
#include "render/SceneRenderer.h"

#include <optional>
#include <string>

namespace smp::outputs {

class PreviewRenderer {
public:
    // `region` (photo pixels) frames every picture on that part of the photo; the whole photo
    // when absent. Throws core::UsageError when the project has no design or the region reaches
    // outside the photo.
    PreviewRenderer(const core::Project& project, const core::Image& photo, std::optional<core::RectPx> region = {});

    [[nodiscard]] int sessionCount() const { return int(project_.plan.sessions.size()); }
    [[nodiscard]] const core::Project& project() const { return project_; }
    [[nodiscard]] const dots::DotLayout& layout() const { return layout_; }
    [[nodiscard]] const dots::DensityField& field() const { return field_; }
    // The framed part of the photo, photo pixels.
    [[nodiscard]] core::RectPx framed() const { return framed_; }

    // Frames every later picture on `region` instead (photo pixels). Throws core::UsageError when
    // it reaches outside the photo.
    void frameOn(core::RectPx region);

    // The frame that shows the framed part at `widthPx` (its own width when 0).
    [[nodiscard]] core::ExportFrame frameAtWidth(int widthPx) const;
    // Picture pixels per millimetre in a frame `widthPx` wide.
    [[nodiscard]] double pxPerMmAtWidth(int widthPx) const;

    // The skin at `when` (0 sessions: the photo as taken) through `frame`, as `compare` lays it
    // out (Split: the photo left of the divider).
    [[nodiscard]] core::Image render(const preview::TimelinePoint& when, const core::ExportFrame& frame,
                                     const core::CompareView& compare = {});

private:
    core::Project project_;
    core::SizePx photoSize_;
    core::RectPx framed_;
    dots::DensityField field_;
    dots::DotLayout layout_;
    render::SceneRenderer renderer_;
    std::optional<preview::TimelinePoint> shown_;  // what the renderer's dots show now
};

// The treated scalp: the dots' bounds (the sideburns reach down to the ears, so the brows and
// eyes are in) widened by 15% on each side and below and 20% above, within the photo. The whole photo when there are no dots.
// The session sheet and the time-lapse frame on it, where a whole portrait would show the dots
// too small to judge.
[[nodiscard]] core::RectPx treatedArea(const dots::DotLayout& layout, double pxPerMm, core::SizePx photo);

// A readable name for a point of the timeline: "Session 2 of 3 · day 5", "Session 3 of 3 · settled",
// "Before" for none.
[[nodiscard]] std::string timelineText(const preview::TimelinePoint& when, int sessionCount);

}  // namespace smp::outputs
