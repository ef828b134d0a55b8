#include "ui/CanvasPanel.h"

#include "core/Errors.h"
#include "core/ProjectDots.h"
#include "core/preview/Healing.h"
#include "render/RenderError.h"
#include "ui/CanvasMapping.h"
#include "ui/HairlineTool.h"
#include "ui/RulerTool.h"
#include "ui/ZoneTool.h"
#include "ui/HoverReadout.h"
#include "ui/Keys.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>

namespace smp::ui {
namespace {

constexpr double kWheelZoomStep = 1.2;   // per wheel notch
constexpr double kKeyZoomStep = 1.25;    // per + or - press
constexpr float kFitMarginPx = 16.0f;    // logical pixels left free around a fitted photo
constexpr double kQuickFrameSeconds = 0.15;  // a zoom still this long gets its full-resolution frame

void uploadPhotoIfChanged(AppState& state, CanvasGpu& gpu) {
    if (gpu.uploadedPhotoRevision == state.document.photoRevision) return;
    gpu.uploadedPhotoRevision = state.document.photoRevision;
    try {
        gpu.renderer.clearDots();
        if (!state.document.hasPhoto()) {
            gpu.renderer.clearPhoto();
            return;
        }
        const core::Image& photo = state.document.client.photo;
        gpu.renderer.setPhoto(photo);
        gpu.skin.field.reset();
        gpu.skin.layout = {};
        gpu.skin.shownTimeline.sessionsShown = -2;  // matches no timeline: dress the new dots
        const core::Project& project = state.document.client.project;
        gpu.skin.designRevision = gpu.skin.requestedRevision = state.document.designRevision;
        if (project.design) {
            gpu.skin.field = core::projectField(project, {photo.width, photo.height});
            gpu.skin.layout = core::projectDots(project, *gpu.skin.field);
        }
    } catch (const render::RenderError& error) {
        gpu.renderer.clearPhoto();
        state.messages.error(error.what());
    } catch (const core::UsageError& error) {
        state.messages.error(std::string("no dots: ") + error.what());
    }
}

// An edited design gets its dots from the worker: the newest design is handed over at once, and
// whatever placement has finished is swapped in, so no frame waits for the engine.
void placeDotsIfDesignChanged(AppState& state, CanvasGpu& gpu) {
    const Document& document = state.document;
    if (gpu.uploadedPhotoRevision == document.photoRevision && gpu.skin.requestedRevision != document.designRevision) {
        if (state.traceCanvas)
            std::cerr << "smp-studio: dots requested for design revision " << document.designRevision << std::endl;
        if (document.hasPhoto() && document.client.project.design)
            gpu.dotsWorker.request({document.client.project,
                                    {document.client.photo.width, document.client.photo.height},
                                    document.photoRevision, document.designRevision});
        else gpu.skin.designRevision = document.designRevision;  // nothing to place
        gpu.skin.requestedRevision = document.designRevision;
    }
    if (auto placed = gpu.dotsWorker.take(); placed && placed->photoRevision == gpu.uploadedPhotoRevision) {
        if (placed->field) {
            gpu.skin.field = std::move(placed->field);
            gpu.skin.layout = std::move(placed->layout);
            gpu.skin.shownTimeline.sessionsShown = -2;  // matches no timeline: dress the new dots
            if (state.traceCanvas)
                std::cerr << "smp-studio: dots placed for design revision " << placed->designRevision << ": "
                          << gpu.skin.layout.dots.size() << " dots" << std::endl;
        } else {
            state.messages.error("no dots: " + placed->error);
        }
        gpu.skin.designRevision = placed->designRevision;
    }
    const bool pending = gpu.dotsWorker.busy() || gpu.skin.designRevision != gpu.skin.requestedRevision;
    if (state.traceCanvas && state.canvas.dotsPending && !pending)
        std::cerr << "smp-studio: dots up to date for design revision " << gpu.skin.designRevision << std::endl;
    state.canvas.dotsPending = pending;
}

// Dresses the dots for the point of the timeline the document shows: every session settled by
// default, the treatment's end result.
void dressDotsIfTimelineMoved(AppState& state, CanvasGpu& gpu) {
    const core::Project& project = state.document.client.project;
    if (!gpu.skin.field || project.timeline == gpu.skin.shownTimeline) return;
    gpu.skin.shownTimeline = project.timeline;
    try {
        const auto looks = preview::skinAt(gpu.skin.layout, core::timelinePoint(project.timeline), {}, &*gpu.skin.field);
        gpu.renderer.setDots(looks, project.scale.pxPerMm);
        ++gpu.skin.revision;
    } catch (const core::UsageError& error) {
        state.messages.error(std::string("timeline: ") + error.what());
    }
}

// The split view's divider follows a left-button drag that starts on it.
void handleDivider(CanvasState& canvas, ImVec2 topLeft, ImVec2 size) {
    if (canvas.compare.mode != core::CompareMode::Split) {
        canvas.movingDivider = false;
        return;
    }
    const ImGuiIO& io = ImGui::GetIO();
    const float dividerX = topLeft.x + float(canvas.compare.divider) * size.x;
    const bool near = std::abs(io.MousePos.x - dividerX) <= 6.0f;
    if (ImGui::IsItemHovered() && near && ImGui::IsMouseClicked(ImGuiMouseButton_Left) && !keyDown(GLFW_KEY_SPACE))
        canvas.movingDivider = true;
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) canvas.movingDivider = false;
    if (canvas.movingDivider)
        canvas.compare.divider = std::clamp(double((io.MousePos.x - topLeft.x) / std::max(1.0f, size.x)), 0.0, 1.0);
    if (canvas.movingDivider || (ImGui::IsItemHovered() && near)) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
}

// Side by side, each half shows the photo as the view shows it, about the half's own centre.
core::ViewTransform viewForHalves(const CanvasState& canvas) {
    core::ViewTransform half = canvas.view;
    if (canvas.compare.mode == core::CompareMode::SideBySide) half.offsetPx.x -= canvas.sizePx.width / 4.0;
    return half;
}

// Applies fit/100%/keyboard zoom requests and window resizes to the view.
void applyViewRequests(CanvasState& canvas, core::SizePx photo, core::SizePx view, float fbScale) {
    const core::Vec2 centre{view.width * 0.5, view.height * 0.5};
    const bool resized = !(canvas.sizePx == view);
    canvas.sizePx = view;
    if (canvas.fitRequested || (resized && canvas.followsFit)) {
        if (canvas.compare.mode == core::CompareMode::SideBySide) {
            // Fitted into one half, then placed about the whole canvas's centre (viewForHalves).
            canvas.view = core::fitToView(photo, {std::max(1, view.width / 2), view.height}, kFitMarginPx * fbScale);
            canvas.view.offsetPx.x += view.width / 4.0;
        } else {
            canvas.view = core::fitToView(photo, view, kFitMarginPx * fbScale);
        }
        canvas.fitRequested = false;
        canvas.followsFit = true;
    }
    if (canvas.actualPixelsRequested) {
        canvas.view = core::actualPixels(canvas.view, centre);
        canvas.actualPixelsRequested = false;
        canvas.followsFit = false;
    }
    if (canvas.zoomSteps != 0) {
        canvas.view = core::zoomAt(canvas.view, centre, std::pow(kKeyZoomStep, canvas.zoomSteps));
        canvas.zoomSteps = 0;
        canvas.followsFit = false;
    }
}

void handleMouse(CanvasState& canvas, ImVec2 topLeft, float fbScale) {
    const ImGuiIO& io = ImGui::GetIO();
    const bool hovered = ImGui::IsItemHovered();
    const bool active = ImGui::IsItemActive();
    if (hovered && io.MouseWheel != 0.0f) {
        const core::Vec2 cursor{(io.MousePos.x - topLeft.x) * fbScale, (io.MousePos.y - topLeft.y) * fbScale};
        canvas.view = core::zoomAt(canvas.view, cursor, std::pow(kWheelZoomStep, io.MouseWheel));
        canvas.followsFit = false;
    }
    const bool spaceDrag = keyDown(GLFW_KEY_SPACE) && ImGui::IsMouseDown(ImGuiMouseButton_Left);
    canvas.panning = active && (ImGui::IsMouseDown(ImGuiMouseButton_Middle) || spaceDrag);
    if (canvas.panning && (io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f)) {
        canvas.view = core::panBy(canvas.view, {io.MouseDelta.x * fbScale, io.MouseDelta.y * fbScale});
        canvas.followsFit = false;
    }
    if (canvas.panning || (hovered && keyDown(GLFW_KEY_SPACE))) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);
}

CanvasMapping canvasMapping(const AppState& state, ImVec2 topLeft, float fbScale) {
    return {state.canvas.view, state.document.client.project.scale.pxPerMm, {topLeft.x, topLeft.y}, fbScale};
}

const char* toolHint(const AppState& state) {
    if (state.tool != CanvasTool::Hairline) return "   H: edit the hairline";
    if (state.canvas.compare.mode == core::CompareMode::SideBySide) return "   Hairline: not side by side";
    return "   Hairline: drag a point, double-click the line to add one, right-click to delete";
}

void drawStatusLine(const AppState& state, const CanvasGpu& gpu, ImVec2 topLeft, ImVec2 size, float fbScale) {
    const ImGuiIO& io = ImGui::GetIO();
    std::optional<core::Vec2> cursorMm;
    if (ImGui::IsItemHovered() || state.hairline.dragging >= 0)
        cursorMm = canvasMapping(state, topLeft, fbScale).toMm({io.MousePos.x, io.MousePos.y});
    std::string line = hoverReadout(state.canvas.view.zoom, cursorMm, gpu.skin.field ? &*gpu.skin.field : nullptr);
    if (state.document.client.project.design) line += toolHint(state);
    const char* text = line.c_str();
    const float pad = ImGui::GetStyle().FramePadding.x;
    const ImVec2 at{topLeft.x + pad, topLeft.y + size.y - ImGui::GetTextLineHeight() - pad};
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 extent = ImGui::CalcTextSize(text);
    draw->AddRectFilled({at.x - pad, at.y - pad * 0.5f}, {at.x + extent.x + pad, at.y + extent.y + pad * 0.5f},
                        IM_COL32(0, 0, 0, 150), pad);
    draw->AddText(at, IM_COL32(235, 235, 235, 255), text);
}

void drawEmptyHint(ImVec2 topLeft, ImVec2 size) {
    const char* hint = "Open a client's photo: File > Open photo (Ctrl+O), or drop it on the window";
    const ImVec2 extent = ImGui::CalcTextSize(hint);
    ImGui::GetWindowDrawList()->AddText({topLeft.x + (size.x - extent.x) * 0.5f, topLeft.y + (size.y - extent.y) * 0.5f},
                                        IM_COL32(200, 200, 200, 255), hint);
}

}  // namespace

void drawCanvas(AppState& state, CanvasGpu& gpu, ImVec2 topLeft, ImVec2 size) {
    ImGui::SetNextWindowPos(topLeft);
    ImGui::SetNextWindowSize(size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav;
    ImGui::Begin("##canvas", nullptr, flags);
    ImGui::PopStyleVar(2);

    const float fbScale = ImGui::GetIO().DisplayFramebufferScale.x;
    const core::SizePx viewPx{static_cast<int>(std::lround(size.x * fbScale)),
                              static_cast<int>(std::lround(size.y * fbScale))};
    uploadPhotoIfChanged(state, gpu);

    ImGui::InvisibleButton("##canvasInput", size,
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonMiddle |
                               ImGuiButtonFlags_MouseButtonRight);
    if (!viewPx.empty()) {
        applyViewRequests(state.canvas, gpu.renderer.photoSize(), viewPx, fbScale);
        if (gpu.renderer.hasPhoto()) {
            const bool hovered = ImGui::IsItemHovered();
            const CanvasMapping mapping = canvasMapping(state, topLeft, fbScale);
            bool toolHasMouse = false;
            if (!state.canvas.movingDivider) {
                // Each tool is asked every frame, so that one switched off ends its gesture.
                toolHasMouse |= handleHairlineTool(state, mapping, hovered);
                toolHasMouse |= handleZoneTool(state, mapping, hovered);
                toolHasMouse |= handleRulerTool(state, mapping, hovered);
            }
            if (!toolHasMouse) handleDivider(state.canvas, topLeft, size);
            if (!state.canvas.movingDivider) handleMouse(state.canvas, topLeft, fbScale);
        }
        // After the gestures, so an edit of this frame is handed to the worker in this frame.
        placeDotsIfDesignChanged(state, gpu);
        dressDotsIfTimelineMoved(state, gpu);
        try {
            CanvasState& canvas = state.canvas;
            const double now = ImGui::GetTime();
            if (gpu.shown.view.zoom != canvas.view.zoom && gpu.shown.photoRevision == gpu.uploadedPhotoRevision)
                canvas.lastZoomChange = now;
            const bool quick = now - canvas.lastZoomChange < kQuickFrameSeconds;
            const CanvasContent wanted{gpu.uploadedPhotoRevision, gpu.skin.revision, canvas.view, viewPx,
                                       canvas.compare};
            if (!(wanted == gpu.shown) || (canvas.showingQuickFrame && !quick)) {
                if (quick) {
                    // Half the size, the view scaled with it; ImGui stretches it over the canvas.
                    const core::SizePx half{std::max(1, viewPx.width / 2), std::max(1, viewPx.height / 2)};
                    core::ViewTransform halfView = viewForHalves(canvas);
                    halfView.zoom *= 0.5;
                    halfView.offsetPx = halfView.offsetPx * 0.5;
                    gpu.quickTarget.resize(half);
                    gpu.renderer.render(gpu.quickTarget, halfView, canvas.compare, render::FrameQuality::Moving);
                } else {
                    gpu.target.resize(viewPx);
                    gpu.renderer.render(gpu.target, viewForHalves(canvas), canvas.compare);
                }
                canvas.showingQuickFrame = quick;
                gpu.shown = wanted;
            }
            const GLuint shownTexture =
                canvas.showingQuickFrame ? gpu.quickTarget.colorTexture() : gpu.target.colorTexture();
            // The target's row 0 is at the bottom, so the texture is shown upside down.
            ImGui::GetWindowDrawList()->AddImage(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(shownTexture)),
                                                 topLeft, {topLeft.x + size.x, topLeft.y + size.y}, {0, 1}, {1, 0});
        } catch (const render::RenderError& error) {
            state.messages.error(error.what());
        }
        if (gpu.renderer.hasPhoto()) {
            const CanvasMapping mapping = canvasMapping(state, topLeft, fbScale);
            drawZoneOverlay(state, mapping, {topLeft.x, topLeft.y}, {size.x, size.y});
            drawHairlineHandles(state, mapping);
            drawRuler(state, mapping);
            traceHairlineHandles(state, mapping);
            drawStatusLine(state, gpu, topLeft, size, fbScale);
        } else {
            drawEmptyHint(topLeft, size);
        }
    }
    ImGui::End();
}

}  // namespace smp::ui
