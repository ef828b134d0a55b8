// libFuzzer target for the project loader. Any bytes may reach parseProject from a file an
// artist opens, so for every input it must either return a Project or throw InputError or
// UsageError. A crash, a sanitizer report, a leak, another exception, or a project that does
// not survive a save and reload unchanged is a finding. JsonMutator.cpp supplies the mutations.

#include "core/Errors.h"
#include "core/Project.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <string>
#include <string_view>

namespace {

// Absolute, so that the photo path's round trip through a relative path is exact.
const std::filesystem::path kFolder = "/fuzz/project";
const std::string kName = "fuzz.smp.json";

[[noreturn]] void finding(const char* what, const std::string& detail) {
    std::fprintf(stderr, "FINDING: %s\n%s\n", what, detail.c_str());
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    smp::core::Project loaded;
    try {
        loaded = smp::core::parseProject(text, kFolder, kName);
    } catch (const smp::core::InputError&) {
        return 0;
    } catch (const smp::core::UsageError&) {
        return 0;
    } catch (const std::exception& error) {
        finding("parseProject threw something other than InputError or UsageError", error.what());
    }

    // The saved round trip: what loaded must save, and load back as the same project.
    std::string saved;
    try {
        saved = smp::core::serializeProject(loaded, kFolder);
    } catch (const std::exception& error) {
        finding("serializeProject threw on a project that loaded", error.what());
    }
    smp::core::Project reloaded;
    try {
        reloaded = smp::core::parseProject(saved, kFolder, kName);
    } catch (const std::exception& error) {
        finding("a saved project does not load again", std::string(error.what()) + "\nsaved:\n" + saved);
    }
    if (!(reloaded == loaded)) {
        // The photo path is the one field the text shows only relative to the folder.
        finding("a saved project loads back different",
                "photo path: loaded " + loaded.photoPath.string() + ", reloaded " + reloaded.photoPath.string() +
                    "\nsaved:\n" + saved + "saved again:\n" + smp::core::serializeProject(reloaded, kFolder));
    }
    return 0;
}
