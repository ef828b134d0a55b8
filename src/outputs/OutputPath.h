#pragma once
// Where an export goes, checked before the slow work, and written so that a failed, cancelled
// or interrupted export never leaves a partial file or folder behind (AtomicFile's rule, for
// what vision::writeImage does not write: the video file and the folder of PNG frames).

#include <filesystem>
#include <string>

namespace smp::outputs {

// Throws core::InputError naming the path when its folder does not exist, is not a folder or
// cannot be written to, or when the path itself is a folder.
void checkOutputFolder(const std::filesystem::path& output);

// A file or folder next to `target` with a hidden temporary name, removed on destruction
// unless moved onto the target by commit().
class StagedOutput {
public:
    // `extension` ends the temporary name (encoders choose their container by it).
    StagedOutput(const std::filesystem::path& target, const std::string& extension);
    ~StagedOutput();
    StagedOutput(const StagedOutput&) = delete;
    StagedOutput& operator=(const StagedOutput&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return staged_; }
    // Renames the staged file or folder onto the target; a folder replaces an existing folder
    // there (which is removed only once the new one is in place). Throws core::InputError.
    void commit();

private:
    std::filesystem::path target_;
    std::filesystem::path staged_;
    bool committed_ = false;
};

}  // namespace smp::outputs
