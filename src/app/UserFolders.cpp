#include "app/UserFolders.h"

#include <unistd.h>

#include <cstdlib>

namespace smp::app {
namespace {

std::filesystem::path fromEnvironment(const char* name) {
    const char* value = std::getenv(name);
    return value && *value ? std::filesystem::path(value) : std::filesystem::path();
}

std::filesystem::path executableFolder() {
    std::error_code error;
    auto self = std::filesystem::read_symlink("/proc/self/exe", error);
    return error ? std::filesystem::path() : self.parent_path();
}

// <$variable>/smp-studio, or <$HOME>/<fallback>/smp-studio when the variable is unset or relative
// (the XDG spec says to ignore a relative one). Created when missing; empty when it cannot be.
std::filesystem::path xdgFolder(const char* variable, const char* fallbackUnderHome) {
    std::filesystem::path base = fromEnvironment(variable);
    if (base.empty() || base.is_relative()) {
        const auto home = fromEnvironment("HOME");
        if (home.empty()) return {};
        base = home / fallbackUnderHome;
    }
    const auto folder = base / "smp-studio";
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    return error ? std::filesystem::path() : folder;
}

}  // namespace

std::filesystem::path configFolder() { return xdgFolder("XDG_CONFIG_HOME", ".config"); }

std::filesystem::path stateFolder() { return xdgFolder("XDG_STATE_HOME", ".local/state"); }

std::filesystem::path assetsFolder() {
    std::error_code error;
    const auto isAssets = [&](const std::filesystem::path& p) {
        return !p.empty() && std::filesystem::is_directory(p / "demo", error);
    };
    if (auto fromEnv = fromEnvironment("SMP_STUDIO_ASSETS"); isAssets(fromEnv)) return fromEnv;
    if (auto installed = executableFolder() / "../share/smp-studio/assets"; isAssets(installed))
        return installed.lexically_normal();
    return SMP_SOURCE_ASSETS_DIR;
}

}  // namespace smp::app
