#pragma once
// What the artist opens: a project file (with the photo it points at) or a bare photo, which
// starts a new, unsaved project around it.

#include "core/Image.h"
#include "core/Project.h"
#include "vision/PhotoAnalysis.h"
#include "vision/PhotoLoader.h"

#include <filesystem>
#include <optional>

namespace smp::vision {

struct ClientDocument {
    core::Project project;
    core::Image photo;
    std::filesystem::path projectFile;  // empty for a photo opened on its own
    // Set when the design was placed automatically on opening: what was found, and in its notes
    // what could not be found and was assumed instead.
    std::optional<PhotoAnalysis> analysis;
};

// A path ending in .smp.json is read as a project; anything else as a photo. Throws
// core::InputError naming the file and the reason; a project whose photo fails names both.
// A photo, or a project with no design yet, gets the automatic placement from the photo: scale
// from the pupils, the hairline from the face, the head outline proposal.
ClientDocument openClientDocument(const std::filesystem::path& path, const PhotoLimits& limits = {});

}  // namespace smp::vision
