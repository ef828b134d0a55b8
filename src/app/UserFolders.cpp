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

}  // namespace

std::filesystem::path configFolder() {
    std::filesystem::path base = fromEnvironment("XDG_CONFIG_HOME");
    if (base.empty() || base.is_relative()) {
        const auto home = fromEnvironment("HOME");
        if (home.empty()) return {};
        base = home / ".config";
    }
    const auto folder = base / "smp-studio";
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    return error ? std::filesystem::path() : folder;
}

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
