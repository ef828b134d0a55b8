#pragma once
// The demo project, opened once per test process (its automatic design takes a moment), and
// a look at exported images.

#include "core/Image.h"
#include "outputs/ConsultationExport.h"
#include "vision/ClientDocument.h"

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace smp::test {

inline const outputs::ExportSource& demoSource() {
    static const outputs::ExportSource source = [] {
        vision::ClientDocument document = vision::openClientDocument(SMP_SOURCE_DIR "/assets/demo/demo.smp.json");
        return outputs::ExportSource{std::move(document.project), std::move(document.photo)};
    }();
    return source;
}

inline outputs::ExportSettings settingsFor(outputs::ExportKind kind, const std::filesystem::path& output) {
    outputs::ExportSettings settings;
    settings.kind = kind;
    settings.output = output;
    settings.clientName = "Alex Morgan";
    settings.date = plan::CalendarDate::fromYmd(2026, 11, 21);
    settings.start = plan::CalendarDate::fromYmd(2026, 12, 1);
    return settings;
}

// Every entry of the folder (hidden temporary files included), by name.
inline std::vector<std::string> folderEntries(const std::filesystem::path& folder) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace smp::test
