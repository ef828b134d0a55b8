#include "core/AtomicFile.h"
#include "core/Errors.h"

#include "TestFolder.h"

#include <catch2/catch.hpp>

#include <sys/resource.h>
#include <sys/stat.h>

#include <csignal>
#include <fstream>
#include <string>

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

// Makes every write past `bytes` fail with EFBIG while it lives (works as root too, unlike a
// read-only folder), the way a full disk fails a write half-way.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        ::getrlimit(RLIMIT_FSIZE, &saved_);
        previousHandler_ = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = saved_;
        limit.rlim_cur = bytes;
        ::setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit() {
        ::setrlimit(RLIMIT_FSIZE, &saved_);
        std::signal(SIGXFSZ, previousHandler_);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
    rlimit saved_{};
    void (*previousHandler_)(int) = nullptr;
};

TEST_CASE("a write that fails half-way keeps the previous file byte for byte", "[core][file]") {
    const auto folder = smp::test::freshFolder("atomic_half_written");
    const auto file = folder / "client.smp.json";
    writeFileAtomically(file, std::string_view("the previous, good version"));
    {
        FileSizeLimit limit(1024);
        const std::string big(64 * 1024, 'x');
        REQUIRE_THROWS_WITH(writeFileAtomically(file, big), StartsWith(file.string() + ": cannot write"));
    }
    REQUIRE(readAll(file) == "the previous, good version");
    REQUIRE(countFiles(folder) == 1);
}

TEST_CASE("a new file gets the user's umask and a replaced file keeps its mode", "[core][file]") {
    const auto folder = smp::test::freshFolder("atomic_modes");
    const mode_t previous = ::umask(077);
    writeFileAtomically(folder / "private.png", std::string_view("x"));
    ::umask(previous);
    REQUIRE((std::filesystem::status(folder / "private.png").permissions() & std::filesystem::perms::all) ==
            (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));

    std::filesystem::permissions(folder / "private.png", std::filesystem::perms::owner_read |
                                                             std::filesystem::perms::owner_write |
                                                             std::filesystem::perms::group_read);
    writeFileAtomically(folder / "private.png", std::string_view("y"));
    REQUIRE((std::filesystem::status(folder / "private.png").permissions() & std::filesystem::perms::all) ==
            (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
             std::filesystem::perms::group_read));
}

TEST_CASE("writing through a link replaces the file it points at and keeps the link", "[core][file]") {
    const auto folder = smp::test::freshFolder("atomic_link");
    writeFileAtomically(folder / "real.txt", std::string_view("old"));
    std::filesystem::create_symlink("real.txt", folder / "link.txt");
    writeFileAtomically(folder / "link.txt", std::string_view("new"));
    REQUIRE(std::filesystem::is_symlink(folder / "link.txt"));
    REQUIRE(readAll(folder / "real.txt") == "new");
}

TEST_CASE("a failed atomic write to a missing folder or a folder leaves nothing behind", "[core][file]") {
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
