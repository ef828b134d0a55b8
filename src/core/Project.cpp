#include "core/Project.h"

#include "core/AtomicFile.h"
#include "core/Errors.h"
#include "core/JsonFields.h"
#include "core/PhotoFingerprint.h"
#include "core/ViewTransform.h"
#include "core/design/DesignJson.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <sstream>

namespace smp::core {
namespace {

using nlohmann::json;

struct ScaleSourceName {
    ScaleSource source;
    std::string_view name;
};
constexpr ScaleSourceName kScaleSourceNames[] = {
    {ScaleSource::Assumed, "assumed"},
    {ScaleSource::Ruler, "ruler"},
    {ScaleSource::InterpupillaryDistance, "interpupillary-distance"},
};

ScaleSource parseScaleSource(const FieldReader& reader, const std::string& text) {
    for (const auto& entry : kScaleSourceNames)
        if (entry.name == text) return entry.source;
    reader.fail("scale.source", "must be one of assumed, ruler, interpupillary-distance");
}

// The new fields' rules, shared by loading (which names the JSON path) and saving (which
// refuses to write a file that would not load again).
constexpr const char* kHashRule = "must be 16 hexadecimal digits (0-9, a-f), or empty when unknown";
constexpr const char* kSessionsShownRule = "must be \"all\" or a whole number from 0 to 7";
static_assert(dots::kMaxSessions == 7, "kSessionsShownRule names the range");
constexpr const char* kDayRule = "must be null (healed) or a whole number of days from 0 to 365";
constexpr const char* kCenterRule =
    "must be a pair of numbers [x, y] in photo pixels, each between -1000000 and 1000000";
constexpr int kMaxTimelineDay = 365;
constexpr double kMaxCenterPx = 1e6;

bool validHash(const std::string& hash) {
    return hash.empty() || isFingerprintText(hash);
}
bool validSessionsShown(std::int64_t shown) {
    return shown == ProjectTimeline::kAllSessions || (shown >= 0 && shown <= dots::kMaxSessions);
}
bool validDay(std::int64_t day) {
    return day >= 0 && day <= kMaxTimelineDay;
}
bool validZoom(double zoom) {
    return zoom >= kMinZoom && zoom <= kMaxZoom;
}
constexpr const char* kZoomRule = "must be between 1/64 and 64 (view pixels per photo pixel)";
static_assert(kMinZoom == 1.0 / 64.0 && kMaxZoom == 64.0, "kZoomRule names the range");
bool validCoordinate(double value) {
    return std::isfinite(value) && std::abs(value) <= kMaxCenterPx;
}

json timelineToJson(const ProjectTimeline& timeline) {
    return {{"sessionsShown",
             timeline.sessionsShown == ProjectTimeline::kAllSessions ? json("all") : json(timeline.sessionsShown)},
            {"day", timeline.day ? json(*timeline.day) : json(nullptr)}};
}

ProjectTimeline timelineFromJson(const json& value, const FieldReader& reader) {
    ProjectTimeline timeline;
    const json& shown = reader.field(value, "sessionsShown", "timeline.sessionsShown");
    if (!(shown.is_string() && shown.get<std::string>() == "all")) {
        if (!shown.is_number_integer()) reader.fail("timeline.sessionsShown", kSessionsShownRule);
        const std::int64_t count = reader.integer(shown, "timeline.sessionsShown");
        // kAllSessions is how memory says "all"; the file says it in words.
        if (count < 0 || !validSessionsShown(count)) reader.fail("timeline.sessionsShown", kSessionsShownRule);
        timeline.sessionsShown = static_cast<int>(count);
    }
    const json& day = reader.field(value, "day", "timeline.day");
    if (!day.is_null()) {
        if (!day.is_number_integer()) reader.fail("timeline.day", kDayRule);
        const std::int64_t days = reader.integer(day, "timeline.day");
        if (!validDay(days)) reader.fail("timeline.day", kDayRule);
        timeline.day = static_cast<int>(days);
    }
    return timeline;
}

json viewToJson(const std::optional<ProjectView>& view) {
    if (!view) return nullptr;
    return {{"zoom", view->zoom}, {"centerPx", json::array({view->centerPx.x, view->centerPx.y})}};
}

std::optional<ProjectView> viewFromJson(const json& value, const FieldReader& reader) {
    if (value.is_null()) return std::nullopt;
    if (!value.is_object()) reader.fail("view", "must be an object, or null to fit the photo");
    ProjectView view;
    view.zoom = reader.number(value, "zoom", "view.zoom");
    if (!validZoom(view.zoom)) reader.fail("view.zoom", kZoomRule);
    const json& center = reader.field(value, "centerPx", "view.centerPx");
    if (!center.is_array() || center.size() != 2 || !center[0].is_number() || !center[1].is_number())
        reader.fail("view.centerPx", kCenterRule);
    view.centerPx = {center[0].get<double>(), center[1].get<double>()};
    if (!validCoordinate(view.centerPx.x) || !validCoordinate(view.centerPx.y))
        reader.fail("view.centerPx", kCenterRule);
    return view;
}

// Saving refuses what loading would: a file that does not open again loses the work in it.
void checkSavable(const Project& project) {
    const auto refuse = [](const std::string& path, const std::string& rule) {
        throw UsageError("cannot save the project: " + path + " " + rule);
    };
    if (!validHash(project.photoHash)) refuse("photo.contentHash", kHashRule);
    if (!validSessionsShown(project.timeline.sessionsShown)) refuse("timeline.sessionsShown", kSessionsShownRule);
    if (project.timeline.day && !validDay(*project.timeline.day)) refuse("timeline.day", kDayRule);
    if (project.view && !validZoom(project.view->zoom)) refuse("view.zoom", kZoomRule);
    if (project.view && !(validCoordinate(project.view->centerPx.x) && validCoordinate(project.view->centerPx.y)))
        refuse("view.centerPx", kCenterRule);
}

// Migrations: each takes a project's JSON from one version to the next, filling in what the
// newer version added the way the older SMP Studio behaved without it. Loading runs the chain
// up to kProjectVersion, then reads only the newest format.

// 1 -> 2: version 2 added the pupil distance, the design, the session plan and the seed. A
// version 1 project had none: the adult average pupil distance, no design (it is placed from
// the photo on opening), the standard three-session plan and seed 1. Anything else a version 1
// file held under those names was never read, and is replaced.
void migrateVersion1To2(json& root) {
    const Project defaults;
    root["pupilDistanceMm"] = defaults.pupilDistanceMm;
    root["design"] = nullptr;
    const json plan = design::planToJson(defaults.plan);
    root["sessions"] = plan["sessions"];
    root["imperfection"] = plan["imperfection"];
    root["seed"] = defaults.seed;
    root["version"] = 2;
}

// 2 -> 3: version 3 added the photo's content fingerprint (unknown: empty, filled in when the
// photo is next opened), the timeline (all sessions, healed) and the view (null: fit the photo).
void migrateVersion2To3(json& root) {
    if (auto photo = root.find("photo"); photo != root.end() && photo->is_object()) (*photo)["contentHash"] = "";
    root["timeline"] = timelineToJson(ProjectTimeline{});
    root["view"] = nullptr;
    root["version"] = 3;
}

using Migration = void (*)(json&);
// kMigrations[v - 1] takes version v to v + 1.
constexpr std::array<Migration, 2> kMigrations = {migrateVersion1To2, migrateVersion2To3};
static_assert(kMigrations.size() == kProjectVersion - 1, "each version needs its migration");

}  // namespace

PhotoScale assumedScale(int photoWidthPx) {
    PhotoScale scale;
    scale.pxPerMm = photoWidthPx > 0 ? photoWidthPx / kAssumedPhotoWidthMm : 4.0;
    scale.source = ScaleSource::Assumed;
    return scale;
}

std::string_view scaleSourceName(ScaleSource source) {
    for (const auto& entry : kScaleSourceNames)
        if (entry.source == source) return entry.name;
    return "assumed";
}

bool hasProjectExtension(const std::filesystem::path& path) {
    const std::string name = path.filename().string();
    return name.size() > kProjectExtension.size() &&
           name.compare(name.size() - kProjectExtension.size(), kProjectExtension.size(), kProjectExtension) == 0;
}

Project parseProject(std::string_view text, const std::filesystem::path& projectFolder,
                     const std::string& nameForErrors) {
    json root = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded()) throw InputError(nameForErrors + ": not valid JSON");
    FieldReader reader(nameForErrors);
    if (!root.is_object()) reader.fail("(root)", "must be an object");

    if (reader.string(root, "format", "format") != kProjectFormat)
        reader.fail("format", "must be \"" + std::string(kProjectFormat) + "\"");
    const std::int64_t version = reader.integer(root, "version", "version");
    if (version > kProjectVersion)
        reader.fail("version", "is " + std::to_string(version) + "; this SMP Studio reads up to version " +
                                   std::to_string(kProjectVersion) + ", a newer SMP Studio is needed");
    if (version < 1) reader.fail("version", "must be 1 or more");
    for (std::int64_t from = version; from < kProjectVersion; ++from)
        kMigrations[static_cast<std::size_t>(from - 1)](root);

    Project project;
    const json& photo = reader.object(root, "photo", "photo");
    const std::string photoPath = reader.string(photo, "path", "photo.path");
    if (photoPath.empty()) reader.fail("photo.path", "must not be empty");
    project.photoPath = (projectFolder / photoPath).lexically_normal();
    project.photoHash = reader.string(photo, "contentHash", "photo.contentHash");
    if (!validHash(project.photoHash)) reader.fail("photo.contentHash", kHashRule);

    const json& scale = reader.object(root, "scale", "scale");
    project.scale.pxPerMm = reader.number(scale, "pxPerMm", "scale.pxPerMm");
    if (!(project.scale.pxPerMm > 0.01 && project.scale.pxPerMm < 1000.0))
        reader.fail("scale.pxPerMm", "must be between 0.01 and 1000");
    project.scale.source = parseScaleSource(reader, reader.string(scale, "source", "scale.source"));

    project.pupilDistanceMm = reader.numberIn(root, "pupilDistanceMm", "pupilDistanceMm", 40.0, 90.0);
    const json& design = reader.field(root, "design", "design");
    if (!design.is_null()) project.design = design::designFromJson(design, reader, "design");
    project.plan = design::planFromJson(root, reader);
    project.seed = reader.unsignedInteger(root, "seed", "seed");
    project.timeline = timelineFromJson(reader.object(root, "timeline", "timeline"), reader);
    project.view = viewFromJson(reader.field(root, "view", "view"), reader);
    return project;
}

Project loadProject(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw InputError(file.string() + ": cannot open the project file");
    std::ostringstream text;
    text << in.rdbuf();
    return parseProject(text.str(), std::filesystem::absolute(file).parent_path(), file.string());
}

std::string serializeProject(const Project& project, const std::filesystem::path& projectFolder) {
    checkSavable(project);
    std::filesystem::path stored = project.photoPath;
    if (stored.is_absolute() && !projectFolder.empty()) {
        std::filesystem::path relative = stored.lexically_relative(projectFolder);
        // "." or ".." would load back as a folder path with a trailing slash, not the same path
        // (found by the fuzzer): such a photo path stays absolute.
        const bool namesAFolder = relative.filename() == "." || relative.filename() == "..";
        if (!relative.empty() && !namesAFolder) stored = relative;
    }
    json root = {
        {"format", kProjectFormat},
        {"version", kProjectVersion},
        {"photo", {{"path", stored.generic_string()}, {"contentHash", project.photoHash}}},
        {"scale", {{"pxPerMm", project.scale.pxPerMm}, {"source", scaleSourceName(project.scale.source)}}},
        {"pupilDistanceMm", project.pupilDistanceMm},
        {"design", project.design ? design::designToJson(*project.design) : json(nullptr)},
        {"seed", project.seed},
        {"timeline", timelineToJson(project.timeline)},
        {"view", viewToJson(project.view)},
    };
    const json plan = design::planToJson(project.plan);
    root["sessions"] = plan["sessions"];
    root["imperfection"] = plan["imperfection"];
    return root.dump(2) + "\n";
}

void saveProject(const Project& project, const std::filesystem::path& file) {
    const auto folder = std::filesystem::absolute(file).parent_path();
    writeFileAtomically(file, serializeProject(project, folder));
}

}  // namespace smp::core
