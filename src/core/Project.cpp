#include "core/Project.h"

#include "core/AtomicFile.h"
#include "core/Errors.h"
#include "core/JsonFields.h"
#include "core/design/DesignJson.h"

#include <nlohmann/json.hpp>

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

    Project project;
    const json& photo = reader.object(root, "photo", "photo");
    const std::string photoPath = reader.string(photo, "path", "photo.path");
    if (photoPath.empty()) reader.fail("photo.path", "must not be empty");
    project.photoPath = (projectFolder / photoPath).lexically_normal();

    const json& scale = reader.object(root, "scale", "scale");
    project.scale.pxPerMm = reader.number(scale, "pxPerMm", "scale.pxPerMm");
    if (!(project.scale.pxPerMm > 0.01 && project.scale.pxPerMm < 1000.0))
        reader.fail("scale.pxPerMm", "must be between 0.01 and 1000");
    project.scale.source = parseScaleSource(reader, reader.string(scale, "source", "scale.source"));
    if (version == 1) return project;  // nothing more was stored; the rest keeps its defaults

    project.pupilDistanceMm = reader.numberIn(root, "pupilDistanceMm", "pupilDistanceMm", 40.0, 90.0);
    const json& design = reader.field(root, "design", "design");
    if (!design.is_null()) project.design = design::designFromJson(design, reader, "design");
    project.plan = design::planFromJson(root, reader);
    project.seed = reader.unsignedInteger(root, "seed", "seed");
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
        {"photo", {{"path", stored.generic_string()}}},
        {"scale", {{"pxPerMm", project.scale.pxPerMm}, {"source", scaleSourceName(project.scale.source)}}},
        {"pupilDistanceMm", project.pupilDistanceMm},
        {"design", project.design ? design::designToJson(*project.design) : json(nullptr)},
        {"seed", project.seed},
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
