#pragma once
// A small in-window file chooser (ImGui has none, and a desktop portal may not exist where the
// artist works): a folder listing filtered to the files that fit the purpose.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace smp::ui {

struct FileBrowser {
    enum class Purpose { None, OpenPhoto, OpenProject, SaveProjectAs, RelinkPhoto };

    struct Entry {
        std::string name;
        bool isFolder = false;
    };

    Purpose purpose = Purpose::None;
    std::filesystem::path folder;
    std::string fileName;  // the name typed or clicked
    std::vector<Entry> entries;
    std::filesystem::path listedFolder;  // entries belong to this folder
    std::string listError;
    std::filesystem::path replaceAsked;  // Save as: an existing file the artist must confirm replacing

    void start(Purpose what, std::filesystem::path startFolder, std::string suggestedName = {});
    [[nodiscard]] bool isOpen() const { return purpose != Purpose::None; }
};

// True when the entry belongs in the listing for that purpose.
bool fileBrowserShows(FileBrowser::Purpose purpose, const FileBrowser::Entry& entry);

struct FileChoice {
    FileBrowser::Purpose purpose;
    std::filesystem::path path;
};

// Draws the chooser while it is open; returns the path once, when the artist confirms.
std::optional<FileChoice> drawFileBrowser(FileBrowser& browser);

}  // namespace smp::ui
