#pragma once
// The artist's document for one client: which photo (and a fingerprint of its bytes) and how big
// it is in millimetres, the design drawn on it, the session plan, the seed, and where the
// timeline and the view were left. The file format is versioned JSON.

#include "core/Geometry.h"
#include "core/PhotoScale.h"
#include "core/design/Design.h"
#include "core/dots/SessionPlan.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace smp::core {

// What the timeline showed when the project was saved.
struct ProjectTimeline {
    static constexpr int kAllSessions = -1;
    int sessionsShown = kAllSessions;  // the skin after this many sessions (0 to 7), or all of them
    std::optional<int> day;            // days after the last shown session (0 to 365); none: healed

    friend bool operator==(const ProjectTimeline&, const ProjectTimeline&) = default;
};

// How the canvas showed the photo. The photo point at the canvas centre rather than the canvas
// offset, so that the same part of the photo shows whatever size the window opens at.
struct ProjectView {
    double zoom = 1.0;  // view pixels per photo pixel, kMinZoom to kMaxZoom (core/ViewTransform.h)
    Vec2 centerPx;      // the photo point at the canvas centre, in photo pixels

    friend bool operator==(const ProjectView&, const ProjectView&) = default;
};

struct Project {
    std::filesystem::path photoPath;  // absolute in memory; stored relative to the project file
    // core/PhotoFingerprint.h's fingerprintText of the photo file; empty when unknown (a project
    // from before version 3, or one not yet opened with its photo). Whoever loads the photo
    // fills it in: saving never reads the photo.
    std::string photoHash;
    PhotoScale scale;
    double pupilDistanceMm = 63.0;  // the client's own when measured; the adult average otherwise
    // Absent until the hairline is first placed: opening such a project places it from the photo
    // (face detection, or a default the artist drags), as for a bare photo.
    std::optional<design::Design> design;
    dots::SessionPlan plan = dots::SessionPlan::standard(3);
    std::uint64_t seed = 1;  // the same project and seed give the same dots
    ProjectTimeline timeline;
    std::optional<ProjectView> view;  // none: fit the photo to the canvas

    friend bool operator==(const Project&, const Project&) = default;
};

inline constexpr std::string_view kProjectFormat = "smp-studio-project";
// 1: photo and scale. 2: pupil distance, design, session plan, seed. 3: photo.contentHash,
// timeline, view. Older files are migrated step by step on loading (Project.cpp); saving always
// writes the newest version.
inline constexpr int kProjectVersion = 3;
inline constexpr std::string_view kProjectExtension = ".smp.json";

bool hasProjectExtension(const std::filesystem::path& path);

// Throws InputError: "<file>: <json path>: <rule>"; a file from a newer SMP Studio is refused
// with the version it needs.
Project loadProject(const std::filesystem::path& file);
Project parseProject(std::string_view json, const std::filesystem::path& projectFolder,
                     const std::string& nameForErrors);

// Writes atomically; the photo path is stored relative to the project's folder. Throws
// UsageError, writing nothing, when a field is out of the range loading accepts (a file it
// wrote would not open again), InputError when the file cannot be written.
void saveProject(const Project& project, const std::filesystem::path& file);
std::string serializeProject(const Project& project, const std::filesystem::path& projectFolder);

}  // namespace smp::core
