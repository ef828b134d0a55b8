// Replays the project-loader fuzzer's inputs in every test run (tests/fuzz/run-fuzz.sh finds
// them): each file in tests/fuzz/regressions once broke the loader, and tests/fuzz/corpus holds
// its seeds. Each must load or be refused with InputError or UsageError, and a project that loads
// must save and load back unchanged: the fuzz target's own rules.

#include "core/Errors.h"
#include "core/Project.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

using namespace smp::core;

namespace {

namespace fs = std::filesystem;

const fs::path kFuzzFolder = fs::path(SMP_SOURCE_DIR) / "tests" / "fuzz";
const fs::path kProjectFolder = "/fuzz/project";  // the fuzz target's

// The inputs of a folder, in a stable order; a README there is not an input.
std::vector<fs::path> inputsIn(const fs::path& folder) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder))
        if (entry.is_regular_file() && entry.path().extension() != ".md") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

std::string bytesOf(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    REQUIRE(in);
    return {std::istreambuf_iterator<char>(in), {}};
}

// The project when the file loads, nothing when it is refused as it should be. Anything else
// (another exception, a crash, a sanitizer report) fails the test.
std::optional<Project> loadOrRefuse(const fs::path& file) {
    std::optional<Project> project;
    try {
        project = parseProject(bytesOf(file), kProjectFolder, file.filename().string());
    } catch (const InputError&) {
        return std::nullopt;
    } catch (const UsageError&) {
        return std::nullopt;
    }
    const std::string saved = serializeProject(*project, kProjectFolder);
    const Project reloaded = parseProject(saved, kProjectFolder, "saved");
    // The photo path is the one field the text shows only relative to the folder.
    INFO("photo path: loaded " << project->photoPath << ", reloaded " << reloaded.photoPath);
    INFO("saved as:\n" << saved);
    REQUIRE(reloaded == *project);
    return project;
}

}  // namespace

TEST_CASE("every input that once broke the project loader loads or is refused", "[core][fuzz]") {
    // Empty until the fuzzer finds something; the folder holds a README so that git keeps it.
    for (const fs::path& file : inputsIn(kFuzzFolder / "regressions")) {
        DYNAMIC_SECTION(file.filename().string()) {
            loadOrRefuse(file);
        }
    }
}

TEST_CASE("the fuzzer's seeds load or are refused as their names say", "[core][fuzz]") {
    const std::vector<fs::path> seeds = inputsIn(kFuzzFolder / "corpus");
    REQUIRE(!seeds.empty());
    for (const fs::path& file : seeds) {
        DYNAMIC_SECTION(file.filename().string()) {
            // A valid seed that stops loading after a format change no longer leads the fuzzer
            // past the checks: regenerate it (tests/fuzz/MakeSeedCorpus.cpp).
            const std::string name = file.filename().string();
            const bool loads = loadOrRefuse(file).has_value();
            if (name.starts_with("valid-")) REQUIRE(loads);
            if (name.starts_with("invalid-")) REQUIRE_FALSE(loads);
        }
    }
}
