#include "vision/ClientDocument.h"

#include "core/Errors.h"
#include "vision/PhotoAnalysis.h"

namespace smp::vision {

ClientDocument openClientDocument(const std::filesystem::path& path, const PhotoLimits& limits) {
    ClientDocument document;
    if (core::hasProjectExtension(path)) {
        document.project = core::loadProject(path);
        try {
            document.photo = loadPhoto(document.project.photoPath, limits);
        } catch (const core::InputError& error) {
            throw core::InputError(path.string() + ": its photo cannot be opened: " + error.what());
        }
        document.projectFile = std::filesystem::absolute(path);
    } else {
        document.photo = loadPhoto(path, limits);
        document.project.photoPath = std::filesystem::absolute(path).lexically_normal();
        document.project.scale = core::assumedScale(document.photo.width);
    }
    if (!document.project.design) document.analysis = placeProjectDesign(document.project, document.photo);
    return document;
}

}  // namespace smp::vision
