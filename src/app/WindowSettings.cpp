#include "app/WindowSettings.h"

#include "core/AtomicFile.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

namespace smp::app {
namespace {

constexpr int kMinSide = 320;
constexpr int kMaxSide = 16384;

}  // namespace

WindowSettings loadWindowSettings(const std::filesystem::path& file) {
    WindowSettings settings;
    std::ifstream in(file);
    if (!in) return settings;
    const auto json = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (!json.is_object()) return settings;
    const auto read = [&](const char* key, int fallback) {
        auto it = json.find(key);
        return it != json.end() && it->is_number_integer() ? std::clamp(it->get<int>(), kMinSide, kMaxSide) : fallback;
    };
    settings.widthPx = read("windowWidth", settings.widthPx);
    settings.heightPx = read("windowHeight", settings.heightPx);
    if (auto it = json.find("recentFiles"); it != json.end() && it->is_array())
        for (const auto& recent : *it)
            if (recent.is_string() && !recent.get<std::string>().empty())
                settings.recentFiles.emplace_back(recent.get<std::string>());
    return settings;
}

void saveWindowSettings(const WindowSettings& settings, const std::filesystem::path& file) {
    nlohmann::json recent = nlohmann::json::array();
    for (const auto& recentFile : settings.recentFiles) recent.push_back(recentFile.string());
    const nlohmann::json json = {
        {"windowWidth", settings.widthPx}, {"windowHeight", settings.heightPx}, {"recentFiles", recent}};
    core::writeFileAtomically(file, json.dump(2) + "\n");
}

}  // namespace smp::app
