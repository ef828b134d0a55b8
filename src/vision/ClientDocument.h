#pragma once
// What the artist opens: a project file (with the photo it points at) or a bare photo, which
// starts a new, unsaved project around it.

#include "core/Image.h"
#include "core/Project.h"
#include "vision/PhotoLoader.h"

#include <filesystem>

namespace smp::vision {

struct ClientDocument {
    core::Project project;
    core::Image photo;
    std::filesystem::path projectFile;  // empty for a photo opened on its own
};

// A path ending in .smp.json is read as a project; anything else as a photo. Throws
// core::InputError naming the file and the reason; a project whose photo fails names both.
ClientDocument openClientDocument(const std::filesystem::path& path, const PhotoLimits& limits = {});

}  // namespace smp::vision
