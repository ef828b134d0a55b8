#include "core/AtomicFile.h"
#include "core/Errors.h"

#include "TestFolder.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace smp::core;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

std::string readAll(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

int countFiles(const std::filesystem::path& folder) {
    int n = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder)) ++n;
    return n;
}

}  // namespace

TEST_CASE("an atomic write creates and then replaces the whole file", "[core][file]") {
    const auto folder = smp::test::freshFolder("atomic_replace");
    const auto file = folder / "plan.txt";
    writeFileAtomically(file, std::string_view("first version"));
    REQUIRE(readAll(file) == "first version");
    writeFileAtomically(file, std::string_view("second"));
    REQUIRE(readAll(file) == "second");
    REQUIRE(countFiles(folder) == 1);  // no temporary file left behind
}

TEST_CASE("a failed atomic write keeps the old file and leaves nothing behind", "[core][file]") {
    const auto folder = smp::test::freshFolder("atomic_failure");
    REQUIRE_THROWS_WITH(writeFileAtomically(folder / "missing" / "x.txt", std::string_view("data")),
                        StartsWith((folder / "missing" / "x.txt").string() + ": cannot create a file in that folder"));

    std::filesystem::create_directory(folder / "taken");
    REQUIRE_THROWS_WITH(writeFileAtomically(folder / "taken", std::string_view("data")),
                        (folder / "taken").string() + ": is a folder, not a file");
    REQUIRE(std::filesystem::is_directory(folder / "taken"));
    REQUIRE(countFiles(folder) == 1);
}

TEST_CASE("an empty path is refused", "[core][file]") {
    REQUIRE_THROWS_AS(writeFileAtomically("", std::string_view("x")), InputError);
}
