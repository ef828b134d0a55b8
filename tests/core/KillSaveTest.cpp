// Kills a process in the middle of saving, again and again: the project file must always hold
// one whole project, old or new, and a later save must still work. Only the temporary files of
// the killed saves may be left beside it.

#include "core/Project.h"

#include "KillSaveProjects.h"
#include "TestFolder.h"

#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

using namespace smp;

namespace {

std::string readText(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Starts smp_save_loop on the file; it dies with this process should the test itself crash.
pid_t startSaveLoop(const std::filesystem::path& file) {
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) ::_exit(126);
        ::execl(SMP_SAVE_LOOP, SMP_SAVE_LOOP, file.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    return pid;
}

// Counts the files beside the project, failing on any that is not a killed save's temporary
// file ("<name>.tmp-XXXXXX"), and removes those so that 100 rounds do not fill the disk.
int takeLeftovers(const std::filesystem::path& file) {
    const std::string prefix = file.filename().string() + ".tmp-";
    int leftovers = 0;
    for (const auto& entry : std::filesystem::directory_iterator(file.parent_path())) {
        if (entry.path() == file) continue;
        const std::string name = entry.path().filename().string();
        INFO("beside the project: " << name);
        REQUIRE(name.rfind(prefix, 0) == 0);
        REQUIRE(name.size() == prefix.size() + 6);
        std::filesystem::remove(entry.path());
        ++leftovers;
    }
    return leftovers;
}

}  // namespace

TEST_CASE("a save killed at any moment leaves the old or the new project whole", "[core][project][kill]") {
    const auto folder = test::freshFolder("kill_save");
    const auto file = folder / "loop.smp.json";
    const core::Project a = test::killSaveProject(0, folder);
    const core::Project b = test::killSaveProject(1, folder);
    const std::string textA = core::serializeProject(a, folder);
    const std::string textB = core::serializeProject(b, folder);
    core::saveProject(a, file);  // the loop saves B first: a killed first save leaves A

    constexpr int kRounds = 100;
    std::mt19937 random(20240611);
    std::uniform_int_distribution<int> killAfterMs(1, 40);
    int endedA = 0, endedB = 0, leftovers = 0, roundsWithLeftover = 0;
    bool loadedA = false, loadedB = false;
    const auto start = std::chrono::steady_clock::now();
    for (int round = 0; round < kRounds; ++round) {
        INFO("round " << round);
        const pid_t pid = startSaveLoop(file);
        std::this_thread::sleep_for(std::chrono::milliseconds(killAfterMs(random)));
        REQUIRE(::kill(pid, SIGKILL) == 0);
        int status = 0;
        REQUIRE(::waitpid(pid, &status, 0) == pid);
        INFO("smp_save_loop ended with status " << status << " (127: it could not be started)");
        REQUIRE(WIFSIGNALED(status));
        REQUIRE(WTERMSIG(status) == SIGKILL);

        const std::string text = readText(file);
        const bool isA = text == textA;
        const bool isB = text == textB;
        if (!isA && !isB)
            FAIL("round " << round << ": the file holds neither project whole (" << text.size() << " bytes)");
        (isA ? endedA : endedB) += 1;
        bool& loaded = isA ? loadedA : loadedB;
        if (!loaded) {  // the same bytes load the same every time: once per project is enough
            REQUIRE(core::loadProject(file) == (isA ? a : b));
            loaded = true;
        }
        const int left = takeLeftovers(file);
        REQUIRE(left <= 1);  // one save at a time: one killed save at most
        leftovers += left;
        roundsWithLeftover += left > 0 ? 1 : 0;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    WARN(kRounds << " kills in " << seconds << " s: the file held A " << endedA << " times, B " << endedB << " times; "
                 << roundsWithLeftover << " kills left a temporary file (" << leftovers << " in all)");
    // The kills landed at different points of the loop: both projects were left at least once.
    REQUIRE(endedA > 0);
    REQUIRE(endedB > 0);

    core::saveProject(b, file);  // a later save still works over whatever the kills left
    REQUIRE(core::loadProject(file) == b);
    REQUIRE(takeLeftovers(file) == 0);
}
