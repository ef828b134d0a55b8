#pragma once
// What the artist opens: a project file (with the photo it points at) or a bare photo, which
// starts a new, unsaved project around it.

#include "core/Errors.h"
#include "core/Image.h"
#include "core/Project.h"
#include "vision/PhotoAnalysis.h"
#include "vision/PhotoLoader.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace smp::vision {

struct ClientDocument {
    core::Project project;
    core::Image photo;
    std::filesystem::path projectFile;  // empty for a photo opened on its own
    // Set when the design was placed automatically on opening: what was found, and in its notes
    // what could not be found and was assumed instead.
    std::optional<PhotoAnalysis> analysis;
    // What happened to the photo on opening that the artist should know about: it was found
    // elsewhere by its fingerprint and relinked, or it changed since the project was saved.
    // Either way the project differs from its file until it is saved again.
    std::vector<std::string> notes;
};

// A project whose photo is neither at its path nor, by its fingerprint, in the project's folder
// or one level below. The message names the project and the photo and says how to relink; the
// document without its photo (empty) comes along, so that the window can ask where the photo is
// now and call relinkPhoto on it.
class PhotoNotFoundError : public core::InputError {
public:
    PhotoNotFoundError(const std::string& message, ClientDocument withoutPhoto);
    [[nodiscard]] const ClientDocument& documentWithoutPhoto() const { return *document_; }

private:
    std::shared_ptr<const ClientDocument> document_;  // shared: exceptions are copied
};

// A path ending in .smp.json is read as a project; anything else as a photo. Throws
// core::InputError naming the file and the reason; a project whose photo fails names both,
// and one whose photo is missing throws PhotoNotFoundError (after looking for it by its
// fingerprint: found, it is relinked with a note). A photo that changed since the project was
// saved opens with a note. A photo, or a project with no design yet, gets the automatic
// placement from the photo: scale from the pupils, the hairline from the face, the head
// outline proposal.
ClientDocument openClientDocument(const std::filesystem::path& path, const PhotoLimits& limits = {});

// Points the document at the photo now at `photo`: loads it, then sets the photo, its path and
// its fingerprint (a design is placed when the project has none yet). A photo of another size
// than the design's zones were drawn on is taken with a note. Throws core::InputError naming
// the photo when it cannot be loaded, leaving the document as it was.
void relinkPhoto(ClientDocument& document, const std::filesystem::path& photo, const PhotoLimits& limits = {});

// core/PhotoFingerprint.h's fingerprint of a file, as the project stores it. Throws
// core::InputError naming the file when it cannot be read.
std::string photoFileFingerprint(const std::filesystem::path& file);

}  // namespace smp::vision
