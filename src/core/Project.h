#pragma once
// The artist's document for one client: which photo, and how big it is in millimetres. Later
// features (hairline, zones, sessions) add their parts here; the file format is versioned JSON.

#include "core/PhotoScale.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace smp::core {

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
