#include "vision/ClientDocument.h"

#include "core/Errors.h"
#include "core/PhotoFingerprint.h"
#include "vision/PhotoAnalysis.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <system_error>
#include <utility>
#include <vector>

namespace smp::vision {
namespace {

namespace fs = std::filesystem;

// The search for a moved photo fingerprints at most this many files: a project saved among
// thousands of photos fails in seconds instead of reading them all.
constexpr std::size_t kMaxCandidates = 200;

struct Candidates {
    std::vector<fs::path> files;
    std::size_t leftOut = 0;
};

// Photo files in the folder and one level of subfolders: those with the missing photo's name
// first (a photo moved into a subfolder), then the rest by path, so that the choice among
// copies of one photo is the same every time.
Candidates photosNear(const fs::path& folder, const fs::path& missing) {
    std::vector<fs::path> files;
    std::vector<fs::path> subfolders;
    std::error_code error;
    const auto list = [&](const fs::path& dir, bool keepSubfolders) {
        for (fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, error), end;
             !error && it != end; it.increment(error)) {
            std::error_code ignored;
            if (it->is_regular_file(ignored) && looksLikePhotoFile(it->path()))
                files.push_back(it->path());
            else if (keepSubfolders && it->is_directory(ignored))
                subfolders.push_back(it->path());
        }
        error.clear();  // an unreadable folder is one fewer place to look, not a failure
    };
    list(folder, true);
    for (const fs::path& subfolder : subfolders)
        list(subfolder, false);

    std::sort(files.begin(), files.end());
    std::stable_partition(files.begin(), files.end(),
                          [&](const fs::path& file) { return file.filename() == missing.filename(); });
    Candidates candidates;
    if (files.size() > kMaxCandidates) {
        candidates.leftOut = files.size() - kMaxCandidates;
        files.resize(kMaxCandidates);
    }
    candidates.files = std::move(files);
    return candidates;
}

std::optional<fs::path> findByFingerprint(const Candidates& candidates, const std::string& fingerprint) {
    for (const fs::path& file : candidates.files) {
        try {
            if (photoFileFingerprint(file) == fingerprint) return file;
        } catch (const core::InputError&) {
            // unreadable: not the photo we are looking for
        }
    }
    return std::nullopt;
}

std::string missingPhotoMessage(const fs::path& projectFile, const core::Project& project, const fs::path& folder,
                                const Candidates& candidates) {
    std::string message = projectFile.string() + ": its photo " + project.photoPath.string() + " is missing";
    if (project.photoHash.empty()) {
        message += ", and the project is from before photo fingerprints, so it cannot be looked for";
    } else {
        message += ", and no photo with the same content is in " + folder.string() + " or its subfolders";
        if (candidates.leftOut > 0)
            message += " (the first " + std::to_string(kMaxCandidates) + " photos there were compared, " +
                       std::to_string(candidates.leftOut) + " were not)";
    }
    return message + ". Put the photo back at that path, or relink the project to the photo where it is now.";
}

// A note when the design's zones were drawn on a photo of another size: its dots cannot be
// laid out on this one until the zones are redrawn.
std::optional<std::string> zoneSizeNote(const core::Project& project, const core::Image& photo) {
    if (!project.design) return std::nullopt;
    const core::SizePx size{photo.width, photo.height};
    constexpr std::array kKinds = {design::ZoneKind::Head, design::ZoneKind::Avoid, design::ZoneKind::Scar,
                                   design::ZoneKind::Blend};
    for (design::ZoneKind kind : kKinds) {
        const design::PhotoMask& mask = project.design->zones.mask(kind);
        if (mask.empty() || mask.size() == size) continue;
        return "the photo is " + std::to_string(size.width) + " x " + std::to_string(size.height) +
               " px, but the design's " + std::string(design::zoneName(kind)) + " zone was drawn on a " +
               std::to_string(mask.size().width) + " x " + std::to_string(mask.size().height) +
               " px photo: redraw the zones on this one";
    }
    return std::nullopt;
}

// The photo of a project just loaded: where it is, found by its fingerprint when it moved.
void locatePhoto(ClientDocument& document, const fs::path& projectFile) {
    core::Project& project = document.project;
    std::error_code error;
    if (fs::exists(project.photoPath, error) || error) return;  // loadPhoto names any other trouble
    const fs::path folder = document.projectFile.parent_path();
    const Candidates candidates = project.photoHash.empty() ? Candidates{} : photosNear(folder, project.photoPath);
    const std::optional<fs::path> found = findByFingerprint(candidates, project.photoHash);
    if (!found) throw PhotoNotFoundError(missingPhotoMessage(projectFile, project, folder, candidates), document);
    document.notes.push_back("the photo was not at " + project.photoPath.string() + "; found it at " + found->string() +
                             " (the same content) and relinked the project to it");
    project.photoPath = found->lexically_normal();
}

}  // namespace

PhotoNotFoundError::PhotoNotFoundError(const std::string& message, ClientDocument withoutPhoto)
    : core::InputError(message), document_(std::make_shared<const ClientDocument>(std::move(withoutPhoto))) {}

std::string photoFileFingerprint(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw core::InputError(file.string() + ": cannot open to fingerprint it");
    core::PhotoFingerprint fingerprint;
    std::vector<std::uint8_t> chunk(1 << 20);
    while (in) {
        in.read(reinterpret_cast<char*>(chunk.data()), static_cast<std::streamsize>(chunk.size()));
        fingerprint.add({chunk.data(), static_cast<std::size_t>(in.gcount())});
    }
    if (in.bad()) throw core::InputError(file.string() + ": cannot read to fingerprint it");
    return core::fingerprintText(fingerprint.value());
}

ClientDocument openClientDocument(const fs::path& path, const PhotoLimits& limits) {
    ClientDocument document;
    if (core::hasProjectExtension(path)) {
        document.project = core::loadProject(path);
        document.projectFile = fs::absolute(path);
        locatePhoto(document, path);
        try {
            document.photo = loadPhoto(document.project.photoPath, limits);
            const std::string fingerprint = photoFileFingerprint(document.project.photoPath);
            if (!document.project.photoHash.empty() && fingerprint != document.project.photoHash)
                document.notes.push_back("the photo " + document.project.photoPath.string() +
                                         " changed since the project was saved: check that the design still fits it");
            document.project.photoHash = fingerprint;
        } catch (const core::InputError& error) {
            throw core::InputError(path.string() + ": its photo cannot be opened: " + error.what());
        }
        if (auto note = zoneSizeNote(document.project, document.photo)) document.notes.push_back(*note);
    } else {
        document.photo = loadPhoto(path, limits);
        document.project.photoPath = fs::absolute(path).lexically_normal();
        document.project.photoHash = photoFileFingerprint(path);
        document.project.scale = core::assumedScale(document.photo.width);
    }
    if (!document.project.design) document.analysis = placeProjectDesign(document.project, document.photo);
    return document;
}

void relinkPhoto(ClientDocument& document, const fs::path& photo, const PhotoLimits& limits) {
    // Everything that can fail runs on copies; the document changes only once it all worked.
    core::Image image = loadPhoto(photo, limits);
    core::Project project = document.project;
    project.photoPath = fs::absolute(photo).lexically_normal();
    project.photoHash = photoFileFingerprint(photo);
    std::optional<PhotoAnalysis> analysis = document.analysis;
    if (!project.design) analysis = placeProjectDesign(project, image);
    std::vector<std::string> notes = document.notes;
    if (auto note = zoneSizeNote(project, image)) notes.push_back(*note);

    document.project = std::move(project);
    document.photo = std::move(image);
    document.analysis = std::move(analysis);
    document.notes = std::move(notes);
}

}  // namespace smp::vision
