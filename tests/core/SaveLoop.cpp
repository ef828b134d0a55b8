// smp_save_loop FILE: saves the kill test's two projects to FILE in turn (B first, then A, B,
// ...) until it is killed, printing nothing. tests/core/KillSaveTest.cpp kills it mid-save.

#include "core/Project.h"

#include "KillSaveProjects.h"

#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fputs("usage: smp_save_loop FILE\n", stderr);
        return 2;
    }
    const std::filesystem::path file = argv[1];
    const auto folder = std::filesystem::absolute(file).parent_path();
    const smp::core::Project projects[2] = {smp::test::killSaveProject(0, folder),
                                            smp::test::killSaveProject(1, folder)};
    // The test kills it within milliseconds; a minute bounds one started by hand and forgotten.
    const auto stop = std::chrono::steady_clock::now() + std::chrono::minutes(1);
    try {
        for (int i = 1; std::chrono::steady_clock::now() < stop; ++i)
            smp::core::saveProject(projects[i % 2], file);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "smp_save_loop: %s\n", error.what());
        return 1;
    }
    return 0;
}
