#include "ui/FileBrowser.h"

#include "core/Project.h"
#include "vision/PhotoLoader.h"

#include <imgui.h>

#include <algorithm>

namespace smp::ui {
namespace {

const char* titleFor(FileBrowser::Purpose purpose) {
    switch (purpose) {
    case FileBrowser::Purpose::OpenPhoto: return "Open photo###FileBrowser";
    case FileBrowser::Purpose::OpenProject: return "Open project###FileBrowser";
    case FileBrowser::Purpose::SaveProjectAs: return "Save project as###FileBrowser";
    case FileBrowser::Purpose::RelinkPhoto: return "Find the project's photo###FileBrowser";
    case FileBrowser::Purpose::None: break;
    }
    return "Files###FileBrowser";
}

void listFolder(FileBrowser& browser) {
    browser.entries.clear();
    browser.listError.clear();
    browser.listedFolder = browser.folder;
    std::error_code error;
    std::filesystem::directory_iterator it(browser.folder, std::filesystem::directory_options::skip_permission_denied,
                                           error);
    if (error) {
        browser.listError = browser.folder.string() + ": " + error.message();
        return;
    }
    // increment(error), never ++: one unreadable entry must not throw out of the frame loop.
    for (; it != std::filesystem::directory_iterator(); it.increment(error)) {
        if (error) {
            browser.listError = browser.folder.string() + ": " + error.message();
            break;
        }
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        FileBrowser::Entry entry{name, it->is_directory(error)};
        if (fileBrowserShows(browser.purpose, entry)) browser.entries.push_back(std::move(entry));
    }
    std::sort(browser.entries.begin(), browser.entries.end(), [](const auto& a, const auto& b) {
        if (a.isFolder != b.isFolder) return a.isFolder;
        return a.name < b.name;
    });
}

std::filesystem::path withProjectExtension(std::filesystem::path path) {
    if (!core::hasProjectExtension(path)) path += std::string(core::kProjectExtension);
    return path;
}

}  // namespace

void FileBrowser::start(Purpose what, std::filesystem::path startFolder, std::string suggestedName) {
    purpose = what;
    std::error_code error;
    folder = std::filesystem::is_directory(startFolder, error) ? std::move(startFolder)
                                                              : std::filesystem::current_path(error);
    fileName = std::move(suggestedName);
    listedFolder.clear();
    replaceAsked.clear();
}

bool fileBrowserShows(FileBrowser::Purpose purpose, const FileBrowser::Entry& entry) {
    if (entry.isFolder) return true;
    if (purpose == FileBrowser::Purpose::OpenPhoto || purpose == FileBrowser::Purpose::RelinkPhoto)
        return vision::looksLikePhotoFile(entry.name);
    return core::hasProjectExtension(entry.name);
}

std::optional<FileChoice> drawFileBrowser(FileBrowser& browser) {
    if (!browser.isOpen()) return std::nullopt;
    if (browser.listedFolder != browser.folder) listFolder(browser);

    std::optional<FileChoice> choice;
    bool open = true;
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowSize({em * 36, em * 26}, ImGuiCond_FirstUseEver);
    const ImVec2 centre = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, {0.5f, 0.5f});
    if (ImGui::Begin(titleFor(browser.purpose), &open, ImGuiWindowFlags_NoCollapse)) {
        if (ImGui::Button("Up")) browser.folder = browser.folder.parent_path();
        ImGui::SameLine();
        ImGui::TextUnformatted(browser.folder.string().c_str());

        const float footer = ImGui::GetFrameHeightWithSpacing() * (browser.replaceAsked.empty() ? 1.2f : 2.3f);
        if (ImGui::BeginChild("##entries", {0, -footer}, true)) {
            if (!browser.listError.empty()) ImGui::TextColored({1, 0.5f, 0.5f, 1}, "%s", browser.listError.c_str());
            std::optional<std::filesystem::path> enter;
            for (const auto& entry : browser.entries) {
                const std::string label = entry.isFolder ? "[folder] " + entry.name : entry.name;
                const bool selected = !entry.isFolder && entry.name == browser.fileName;
                if (ImGui::Selectable(label.c_str(), selected, ImGuiSelectableFlags_AllowDoubleClick)) {
                    if (entry.isFolder && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left))
                        enter = browser.folder / entry.name;
                    else if (!entry.isFolder) {
                        browser.fileName = entry.name;
                        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left))
                            choice = FileChoice{browser.purpose, browser.folder / entry.name};
                        browser.replaceAsked.clear();
                    }
                }
            }
            if (enter) browser.folder = *enter;
        }
        ImGui::EndChild();

        char nameBuffer[512] = {};
        browser.fileName.copy(nameBuffer, sizeof nameBuffer - 1);
        ImGui::SetNextItemWidth(-em * 10);
        if (ImGui::InputText("##name", nameBuffer, sizeof nameBuffer)) browser.fileName = nameBuffer;
        ImGui::SameLine();
        const bool saving = browser.purpose == FileBrowser::Purpose::SaveProjectAs;
        ImGui::BeginDisabled(browser.fileName.empty());
        if (ImGui::Button(saving ? "Save" : "Open", {em * 4.5f, 0})) {
            std::filesystem::path path = browser.folder / browser.fileName;
            choice = FileChoice{browser.purpose, saving ? withProjectExtension(path) : path};
        }
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button("Cancel", {em * 4.5f, 0})) open = false;

        // Saving over another file replaces someone's project: ask once, in the chooser itself.
        if (choice && saving) {
            std::error_code error;
            if (std::filesystem::exists(choice->path, error) && browser.replaceAsked != choice->path) {
                browser.replaceAsked = choice->path;
                choice.reset();
            }
        }
        if (!browser.replaceAsked.empty()) {
            ImGui::TextColored({1.0f, 0.8f, 0.4f, 1.0f}, "%s already exists.",
                               browser.replaceAsked.filename().string().c_str());
            ImGui::SameLine();
            if (ImGui::Button("Replace it")) choice = FileChoice{browser.purpose, browser.replaceAsked};
            ImGui::SameLine();
            if (ImGui::Button("Keep it")) browser.replaceAsked.clear();
        }
    }
    ImGui::End();
    if (!open || choice) browser.purpose = FileBrowser::Purpose::None;
    return choice;
}

}  // namespace smp::ui
