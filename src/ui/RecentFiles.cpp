#include "ui/RecentFiles.h"

#include <algorithm>

namespace smp::ui {

void rememberRecentFile(std::vector<std::filesystem::path>& recent, const std::filesystem::path& file) {
    std::error_code error;
    std::filesystem::path absolute = std::filesystem::absolute(file, error).lexically_normal();
    if (error) absolute = file;
    std::erase(recent, absolute);
    recent.insert(recent.begin(), absolute);
    if (recent.size() > kMaxRecentFiles) recent.resize(kMaxRecentFiles);
}

}  // namespace smp::ui
