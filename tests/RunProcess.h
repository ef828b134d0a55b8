#pragma once
// Runs the real smp-studio binary (or any command) through /bin/sh and collects what it printed.

#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace smp::test {

struct ProcessResult {
    int exitCode = -1;
    std::string output;  // stdout and stderr together
};

inline ProcessResult runCommand(const std::string& command) {
    ProcessResult result;
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return result;
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.output.append(buffer.data(), n);
    const int status = ::pclose(pipe);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

inline std::string quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

inline std::string studio() { return quoted(SMP_STUDIO_BINARY); }

}  // namespace smp::test
