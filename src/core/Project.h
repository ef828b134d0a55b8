#pragma once
// The artist's document for one client: which photo, and how big it is in millimetres. Later
// features (hairline, zones, sessions) add their parts here; the file format is versioned JSON.

#include <filesystem>
#include <string>
#include <string_view>

namespace smp::core {

// Where the photo's millimetre scale came from, so the artist knows how far to trust it.
enum class ScaleSource {
    Assumed,                 // nothing measured: the photo is taken to be kAssumedPhotoWidthMm wide
    Ruler,                   // two points on the photo with a known distance
    InterpupillaryDistance,  // from the detected eyes and a pupil distance in mm
};

// A phone portrait framed on the head spans roughly this much at the forehead.
inline constexpr double kAssumedPhotoWidthMm = 250.0;

struct PhotoScale {
    double pxPerMm = 4.0;
    ScaleSource source = ScaleSource::Assumed;

    friend bool operator==(const PhotoScale&, const PhotoScale&) = default;
};

PhotoScale assumedScale(int photoWidthPx);
std::string_view scaleSourceName(ScaleSource source);

struct Project {
    std::filesystem::path photoPath;  // absolute in memory; stored relative to the project file
    PhotoScale scale;

    friend bool operator==(const Project&, const Project&) = default;
};

inline constexpr std::string_view kProjectFormat = "smp-studio-project";
inline constexpr int kProjectVersion = 1;
inline constexpr std::string_view kProjectExtension = ".smp.json";

bool hasProjectExtension(const std::filesystem::path& path);

// Throws InputError: "<file>: <json path>: <rule>".
Project loadProject(const std::filesystem::path& file);
Project parseProject(std::string_view json, const std::filesystem::path& projectFolder,
                     const std::string& nameForErrors);

// Writes atomically; the photo path is stored relative to the project's folder.
void saveProject(const Project& project, const std::filesystem::path& file);
std::string serializeProject(const Project& project, const std::filesystem::path& projectFolder);

}  // namespace smp::core
