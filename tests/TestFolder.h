#pragma once
// A fresh, empty folder per test under the build's test-output folder, named after the test, so
// that a failing test leaves its files behind for a look.

#include <filesystem>
#include <string>
#include <cctype>

namespace smp::test {

inline std::filesystem::path freshFolder(const std::string& name) {
    std::string safe;
    for (char c : name) safe += (std::isalnum(static_cast<unsigned char>(c)) || c == '-') ? c : '_';
    const auto folder = std::filesystem::path(SMP_TEST_OUTPUT_DIR) / safe;
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    return folder;
}

}  // namespace smp::test
