#include "app/AnalyzeCommand.h"

#include "core/design/SkinTone.h"
#include "vision/ClientDocument.h"
#include "vision/PhotoAnalysis.h"
#include "vision/StubbleCounter.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <optional>
#include <ostream>
#include <string>

namespace smp::app {
namespace {

using nlohmann::json;

struct Findings {
    const vision::ClientDocument& document;
    const vision::PhotoAnalysis& analysis;
    const design::Design& design;
    std::optional<vision::StubbleReading> reference;
    std::vector<double> suggestedShades;
};

json rect(const core::RectPx& r) { return {{"x", r.x}, {"y", r.y}, {"width", r.width}, {"height", r.height}}; }
json point(core::Vec2 p) { return json::array({p.x, p.y}); }

double tiltDegrees(const design::FaceFrame& frame) { return std::atan2(frame.up.x, -frame.up.y) * 180.0 / M_PI; }

json toJson(const Findings& f) {
    json out;
    out["photo"] = {{"path", f.document.project.photoPath.string()},
                    {"width", f.document.photo.width},
                    {"height", f.document.photo.height}};
    if (f.analysis.face) {
        const vision::FaceFinding& face = *f.analysis.face;
        out["face"] = {{"box", rect(face.face)}};
        if (face.leftPupilPx) out["face"]["leftPupilPx"] = point(*face.leftPupilPx);
        if (face.rightPupilPx) out["face"]["rightPupilPx"] = point(*face.rightPupilPx);
    } else {
        out["face"] = nullptr;
    }
    out["scale"] = {{"pxPerMm", f.document.project.scale.pxPerMm},
                    {"source", core::scaleSourceName(f.document.project.scale.source)},
                    {"pupilDistanceMm", f.document.project.pupilDistanceMm}};
    const design::FaceFrame& frame = f.design.face;
    out["faceFrame"] = {{"glabellaMm", point(frame.glabella)},
                        {"tiltDegrees", tiltDegrees(frame)},
                        {"outerEyeMm", frame.outerEyeMm},
                        {"detected", frame.detected}};
    json points = json::array();
    for (core::Vec2 p : f.design.hairline.points) points.push_back(point(p));
    out["hairline"] = {{"style", design::styleName(f.design.style.style)},
                       {"heightMm", f.design.style.heightMm},
                       {"transitionMm", f.design.hairline.transitionMm},
                       {"mirrored", f.design.hairline.mirrored},
                       {"pointsMm", points}};
    if (f.analysis.skin) {
        out["skin"] = {{"ita", f.analysis.skin->itaDegrees},
                       {"band", design::bandName(f.analysis.skin->band)},
                       {"lab", {f.analysis.skin->lab.L, f.analysis.skin->lab.a, f.analysis.skin->lab.b}},
                       {"sampledPx", rect(f.analysis.skin->sampledPx)},
                       {"suggestedShades", f.suggestedShades}};
    } else {
        out["skin"] = nullptr;
    }
    if (f.reference) {
        out["reference"] = {{"rectPx", rect(f.reference->rectPx)},
                            {"dots", f.reference->dots},
                            {"areaCm2", f.reference->areaCm2},
                            {"dotsPerCm2", f.reference->dotsPerCm2},
                            {"meanShade", f.reference->meanShade}};
    }
    out["notes"] = f.analysis.notes;
    return out;
}

void printText(const Findings& f, std::ostream& out) {
    char line[256];
    const auto say = [&out](const std::string& text) { out << text << "\n"; };
    std::snprintf(line, sizeof line, "photo: %s (%d x %d px)", f.document.project.photoPath.c_str(),
                  f.document.photo.width, f.document.photo.height);
    say(line);
    if (f.analysis.face) {
        const core::RectPx& r = f.analysis.face->face;
        std::snprintf(line, sizeof line, "face: %d x %d px at (%d, %d)", r.width, r.height, r.x, r.y);
        say(line);
        const auto eye = [&](const char* side, const std::optional<core::Vec2>& p) {
            if (p) std::snprintf(line, sizeof line, "  %s pupil: (%.1f, %.1f) px", side, p->x, p->y);
            else std::snprintf(line, sizeof line, "  %s pupil: not found", side);
            say(line);
        };
        eye("left", f.analysis.face->leftPupilPx);
        eye("right", f.analysis.face->rightPupilPx);
    } else {
        say("face: none found");
    }
    const core::PhotoScale& scale = f.document.project.scale;
    std::snprintf(line, sizeof line, "scale: %.3f px/mm (%s%s)", scale.pxPerMm, core::scaleSourceName(scale.source).data(),
                  scale.source == core::ScaleSource::InterpupillaryDistance
                      ? (", " + std::to_string(static_cast<int>(f.document.project.pupilDistanceMm)) + " mm").c_str()
                      : "");
    say(line);
    const design::FaceFrame& frame = f.design.face;
    std::snprintf(line, sizeof line, "face frame: glabella (%.1f, %.1f) mm, midline tilted %.1f deg%s", frame.glabella.x,
                  frame.glabella.y, tiltDegrees(frame), frame.detected ? "" : " (default: no face)");
    say(line);
    std::snprintf(line, sizeof line, "hairline: %s, %.0f mm above the glabella, transition %.1f mm, %zu points (mm):",
                  design::styleName(f.design.style.style).data(), f.design.style.heightMm, f.design.hairline.transitionMm,
                  f.design.hairline.points.size());
    say(line);
    for (core::Vec2 p : f.design.hairline.points) {
        std::snprintf(line, sizeof line, "  (%.2f, %.2f)", p.x, p.y);
        say(line);
    }
    if (f.analysis.skin) {
        std::string shades;
        for (double s : f.suggestedShades) {
            std::snprintf(line, sizeof line, "%s%.2f", shades.empty() ? "" : " / ", s);
            shades += line;
        }
        std::snprintf(line, sizeof line, "skin: ITA %.1f deg, %s; suggested session shades %s",
                      f.analysis.skin->itaDegrees, design::bandName(f.analysis.skin->band).data(), shades.c_str());
        say(line);
    } else {
        say("skin: not measured");
    }
    if (f.reference) {
        std::snprintf(line, sizeof line, "reference: %d dots in %.2f cm2 = %.1f dots/cm2, mean shade %.2f", f.reference->dots,
                      f.reference->areaCm2, f.reference->dotsPerCm2, f.reference->meanShade);
        say(line);
    }
    for (const std::string& note : f.analysis.notes) say("note: " + note);
}

}  // namespace

void runAnalyzeCommand(const AnalyzeRequest& request, std::ostream& out) {
    vision::ClientDocument document = vision::openClientDocument(request.input);
    const bool placedNow = document.analysis.has_value();
    if (request.pupilDistanceMm && document.project.scale.source != core::ScaleSource::Ruler) {
        // The client's own pupil distance: measure again, and place a new design in the new mm.
        document.project.pupilDistanceMm = *request.pupilDistanceMm;
        document.project.scale.source = core::ScaleSource::Assumed;
        if (placedNow) {
            document.project.design.reset();
            document.analysis = vision::placeProjectDesign(document.project, document.photo);
        }
    }
    if (!document.analysis || !placedNow) {
        // A project with its own design: analyse the photo for what it shows, keep the design.
        vision::AnalysisOptions options;
        options.pupilDistanceMm = document.project.pupilDistanceMm;
        options.knownScale = document.project.scale;
        options.hairlineHeightMm = document.project.design->style.heightMm;
        document.analysis = vision::analyzePhoto(document.photo, options);
        document.project.scale = document.analysis->scale;
    }
    const vision::PhotoAnalysis& analysis = *document.analysis;

    Findings findings{document, analysis, *document.project.design, std::nullopt, {}};
    if (analysis.skin)
        findings.suggestedShades = design::suggestedShades(design::DilutionTable::standard(), analysis.skin->band,
                                                           static_cast<int>(document.project.plan.sessions.size()));
    if (request.reference) findings.reference = vision::countStubble(document.photo, *request.reference, analysis.scale);
    if (request.json) out << toJson(findings).dump(2) << "\n";
    else printText(findings, out);
}

}  // namespace smp::app
