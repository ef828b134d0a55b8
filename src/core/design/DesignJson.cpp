#include "core/design/DesignJson.h"

#include <functional>

namespace smp::design {
namespace {

using nlohmann::json;
using core::FieldReader;

json point(core::Vec2 p) { return json::array({p.x, p.y}); }

core::Vec2 readPoint(const json& value, const FieldReader& reader, const std::string& path) {
    if (!value.is_array() || value.size() != 2) reader.fail(path, "must be a pair of numbers [x, y] in mm");
    return {reader.number(value[0], path + "[0]"), reader.number(value[1], path + "[1]")};
}

// Runs a model's own validation and reports its complaint at the JSON path it came from.
void checkAt(const FieldReader& reader, const std::string& path, const std::function<void()>& validate) {
    try {
        validate();
    } catch (const core::UsageError& error) {
        reader.fail(path, error.what());
    }
}

json maskToJson(const PhotoMask& mask) {
    if (mask.size().empty()) return nullptr;
    json runs = json::array();
    for (int y = 0; y < mask.size().height; ++y)
        for (const PixelRun& run : mask.row(y)) runs.push_back(json::array({y, run.x0, run.x1}));
    return {{"width", mask.size().width}, {"height", mask.size().height}, {"runs", std::move(runs)}};
}

PhotoMask maskFromJson(const json& value, const FieldReader& reader, const std::string& path) {
    if (value.is_null()) return {};
    if (!value.is_object()) reader.fail(path, "must be an object or null");
    const std::int64_t width = reader.integer(value, "width", path + ".width");
    const std::int64_t height = reader.integer(value, "height", path + ".height");
    // The photo decoder's own limit keeps both sides far below this.
    constexpr std::int64_t kMaxSide = 65535;
    if (width < 1 || width > kMaxSide || height < 1 || height > kMaxSide)
        reader.fail(path, "must be between 1 and 65535 px on a side");
    std::vector<std::vector<PixelRun>> rows(static_cast<std::size_t>(height));
    const json& runs = reader.array(value, "runs", path + ".runs");
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const std::string at = path + ".runs[" + std::to_string(i) + "]";
        const json& run = runs[i];
        if (!run.is_array() || run.size() != 3) reader.fail(at, "must be [row, first x, end x]");
        const std::int64_t y = reader.integer(run[0], at + "[0]");
        const std::int64_t x0 = reader.integer(run[1], at + "[1]");
        const std::int64_t x1 = reader.integer(run[2], at + "[2]");
        if (y < 0 || y >= height) reader.fail(at, "row " + std::to_string(y) + " is outside the mask");
        if (x0 < 0 || x1 > width || x0 >= x1) reader.fail(at, "must satisfy 0 <= first x < end x <= width");
        rows[static_cast<std::size_t>(y)].push_back({static_cast<int>(x0), static_cast<int>(x1)});
    }
    try {
        return PhotoMask::fromRows({static_cast<int>(width), static_cast<int>(height)}, std::move(rows));
    } catch (const core::InputError& error) {
        reader.fail(path, error.what());
    }
}

constexpr ZoneKind kZoneKinds[] = {ZoneKind::Head, ZoneKind::Avoid, ZoneKind::Scar, ZoneKind::Blend};

}  // namespace

json designToJson(const Design& d) {
    json zones = json::object();
    for (ZoneKind kind : kZoneKinds) zones[std::string(zoneName(kind))] = maskToJson(d.zones.mask(kind));
    json points = json::array();
    for (core::Vec2 p : d.hairline.points) points.push_back(point(p));
    return {
        {"face",
         {{"glabella", point(d.face.glabella)},
          {"up", point(d.face.up)},
          {"outerEyeMm", d.face.outerEyeMm},
          {"eyeLineMm", d.face.eyeLineMm},
          {"foreheadRadiusMm", d.face.foreheadRadiusMm},
          {"detected", d.face.detected}}},
        {"style",
         {{"name", styleName(d.style.style)},
          {"heightMm", d.style.heightMm},
          {"cornerRiseMm", d.style.cornerRiseMm},
          {"peakDepthMm", d.style.peakDepthMm},
          {"recessionMm", d.style.recessionMm},
          {"irregularityMm", d.style.irregularityMm},
          {"transitionMm", d.style.transitionMm},
          {"seed", d.style.seed}}},
        {"hairline", {{"points", std::move(points)}, {"mirrored", d.hairline.mirrored}, {"transitionMm", d.hairline.transitionMm}}},
        {"zones", std::move(zones)},
        {"density",
         {{"fullDotsPerCm2", d.density.fullDotsPerCm2},
          {"frontShare", d.density.frontShare},
          {"aheadShare", d.density.aheadShare},
          {"aheadDensityShare", d.density.aheadDensityShare},
          {"blendShare", d.density.blendShare},
          {"blendTaperMm", d.density.blendTaperMm}}},
    };
}

Design designFromJson(const json& root, const FieldReader& reader, const std::string& path) {
    Design d;
    const json& face = reader.object(root, "face", path + ".face");
    d.face.glabella = readPoint(reader.field(face, "glabella", path + ".face.glabella"), reader, path + ".face.glabella");
    d.face.up = readPoint(reader.field(face, "up", path + ".face.up"), reader, path + ".face.up");
    if (std::abs(core::length(d.face.up) - 1.0) > 1e-6) reader.fail(path + ".face.up", "must be a unit vector");
    d.face.outerEyeMm = reader.numberIn(face, "outerEyeMm", path + ".face.outerEyeMm", 10.0, 150.0);
    d.face.eyeLineMm = reader.numberIn(face, "eyeLineMm", path + ".face.eyeLineMm", 0.0, 100.0);
    d.face.foreheadRadiusMm = reader.numberIn(face, "foreheadRadiusMm", path + ".face.foreheadRadiusMm", 0.0, 1000.0);
    d.face.detected = reader.boolean(face, "detected", path + ".face.detected");

    const json& style = reader.object(root, "style", path + ".style");
    const std::string name = reader.string(style, "name", path + ".style.name");
    const auto parsed = styleFromName(name);
    if (!parsed) reader.fail(path + ".style.name", "must be one of rounded, boxed, peaked, receded, natural");
    d.style.style = *parsed;
    d.style.heightMm = reader.number(style, "heightMm", path + ".style.heightMm");
    d.style.cornerRiseMm = reader.number(style, "cornerRiseMm", path + ".style.cornerRiseMm");
    d.style.peakDepthMm = reader.number(style, "peakDepthMm", path + ".style.peakDepthMm");
    d.style.recessionMm = reader.number(style, "recessionMm", path + ".style.recessionMm");
    d.style.irregularityMm = reader.number(style, "irregularityMm", path + ".style.irregularityMm");
    d.style.transitionMm = reader.number(style, "transitionMm", path + ".style.transitionMm");
    d.style.seed = reader.unsignedInteger(style, "seed", path + ".style.seed");
    checkAt(reader, path + ".style", [&] { validateStyle(d.style); });

    const json& hairline = reader.object(root, "hairline", path + ".hairline");
    const json& points = reader.array(hairline, "points", path + ".hairline.points");
    for (std::size_t i = 0; i < points.size(); ++i)
        d.hairline.points.push_back(readPoint(points[i], reader, path + ".hairline.points[" + std::to_string(i) + "]"));
    d.hairline.mirrored = reader.boolean(hairline, "mirrored", path + ".hairline.mirrored");
    d.hairline.transitionMm = reader.number(hairline, "transitionMm", path + ".hairline.transitionMm");
    checkAt(reader, path + ".hairline", [&] { validateHairline(d.hairline); });

    const json& zones = reader.object(root, "zones", path + ".zones");
    for (ZoneKind kind : kZoneKinds) {
        const std::string key(zoneName(kind));
        d.zones.mask(kind) = maskFromJson(reader.field(zones, key, path + ".zones." + key), reader, path + ".zones." + key);
    }

    const json& density = reader.object(root, "density", path + ".density");
    d.density.fullDotsPerCm2 = reader.number(density, "fullDotsPerCm2", path + ".density.fullDotsPerCm2");
    d.density.frontShare = reader.number(density, "frontShare", path + ".density.frontShare");
    d.density.aheadShare = reader.number(density, "aheadShare", path + ".density.aheadShare");
    d.density.aheadDensityShare = reader.number(density, "aheadDensityShare", path + ".density.aheadDensityShare");
    d.density.blendShare = reader.number(density, "blendShare", path + ".density.blendShare");
    d.density.blendTaperMm = reader.number(density, "blendTaperMm", path + ".density.blendTaperMm");
    checkAt(reader, path + ".density", [&] { validateTargets(d.density); });
    return d;
}

json planToJson(const dots::SessionPlan& plan) {
    json sessions = json::array();
    for (const dots::Session& s : plan.sessions)
        sessions.push_back({{"share", s.densityShare},
                            {"shade", s.shade},
                            {"needleMm", s.needleMm},
                            {"retention", s.retention},
                            {"scarRetention", s.scarRetention}});
    const dots::Imperfection& i = plan.imperfection;
    return {{"sessions", std::move(sessions)},
            {"imperfection",
             {{"sizeJitter", i.sizeJitter},
              {"shadeJitter", i.shadeJitter},
              {"maxEllipse", i.maxEllipse},
              {"follicularChance", i.follicularChance},
              {"tripleChance", i.tripleChance},
              {"unitSpacing", i.unitSpacing},
              {"transitionScatter", i.transitionScatter},
              {"scarSpread", i.scarSpread}}}};
}

dots::SessionPlan planFromJson(const json& root, const FieldReader& reader) {
    dots::SessionPlan plan;
    const json& sessions = reader.array(root, "sessions", "sessions");
    if (sessions.empty() || sessions.size() > static_cast<std::size_t>(dots::kMaxSessions))
        reader.fail("sessions", "must hold 1 to " + std::to_string(dots::kMaxSessions) + " sessions");
    for (std::size_t k = 0; k < sessions.size(); ++k) {
        const std::string at = "sessions[" + std::to_string(k) + "]";
        const json& s = sessions[k];
        if (!s.is_object()) reader.fail(at, "must be an object");
        dots::Session session;
        session.densityShare = reader.numberIn(s, "share", at + ".share", 0.001, 1.0);
        session.shade = reader.numberIn(s, "shade", at + ".shade", 0.0, 1.0);
        session.needleMm = reader.numberIn(s, "needleMm", at + ".needleMm", 0.05, 1.5);
        session.retention = reader.numberIn(s, "retention", at + ".retention", 0.01, 1.0);
        session.scarRetention = reader.numberIn(s, "scarRetention", at + ".scarRetention", 0.01, 1.0);
        plan.sessions.push_back(session);
    }
    const json& i = reader.object(root, "imperfection", "imperfection");
    dots::Imperfection& p = plan.imperfection;
    p.sizeJitter = reader.number(i, "sizeJitter", "imperfection.sizeJitter");
    p.shadeJitter = reader.number(i, "shadeJitter", "imperfection.shadeJitter");
    p.maxEllipse = reader.number(i, "maxEllipse", "imperfection.maxEllipse");
    p.follicularChance = reader.number(i, "follicularChance", "imperfection.follicularChance");
    p.tripleChance = reader.number(i, "tripleChance", "imperfection.tripleChance");
    p.unitSpacing = reader.number(i, "unitSpacing", "imperfection.unitSpacing");
    p.transitionScatter = reader.number(i, "transitionScatter", "imperfection.transitionScatter");
    p.scarSpread = reader.number(i, "scarSpread", "imperfection.scarSpread");
    checkAt(reader, "sessions", [&] { plan.validate(); });
    return plan;
}

}  // namespace smp::design
