#pragma once
// The artist's document for one client: which photo and how big it is in millimetres, the
// design drawn on it, the session plan and the seed. The file format is versioned JSON.

#include "core/PhotoScale.h"
#include "core/design/Design.h"
#include "core/dots/SessionPlan.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace smp::core {

struct Project {
    std::filesystem::path photoPath;  // absolute in memory; stored relative to the project file
    PhotoScale scale;
    double pupilDistanceMm = 63.0;  // the client's own when measured; the adult average otherwise
    // Absent until the hairline is first placed: opening such a project places it from the photo
    // (face detection, or a default the artist drags), as for a bare photo.
    std::optional<design::Design> design;
    dots::SessionPlan plan = dots::SessionPlan::standard(3);
    std::uint64_t seed = 1;  // the same project and seed give the same dots

    friend bool operator==(const Project&, const Project&) = default;
};

inline constexpr std::string_view kProjectFormat = "smp-studio-project";
// 1: photo and scale. 2: pupil distance, design, session plan, seed (a version 1 file loads
// with no design, the standard plan and seed 1).
inline constexpr int kProjectVersion = 2;
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
