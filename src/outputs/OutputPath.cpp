#include "outputs/OutputPath.h"

#include "core/Errors.h"

#include <unistd.h>

#include <atomic>
#include <string>
#include <system_error>

namespace smp::outputs {
namespace {

std::filesystem::path folderOf(const std::filesystem::path& output) {
    const std::filesystem::path parent = output.parent_path();
    return parent.empty() ? std::filesystem::path(".") : parent;
}

std::string uniqueSuffix() {
    static std::atomic<unsigned> counter{0};
    return std::to_string(::getpid()) + "-" + std::to_string(counter.fetch_add(1));
}

}  // namespace

void checkOutputFolder(const std::filesystem::path& output) {
    const std::filesystem::path folder = folderOf(output);
    std::error_code error;
    if (!std::filesystem::exists(folder, error))
        throw core::InputError(output.string() + ": cannot write here: the folder " + folder.string() +
                               " does not exist");
    if (!std::filesystem::is_directory(folder, error))
        throw core::InputError(output.string() + ": cannot write here: " + folder.string() + " is not a folder");
    if (::access(folder.c_str(), W_OK | X_OK) != 0)
        throw core::InputError(output.string() + ": cannot write here: the folder " + folder.string() +
                               " is not writable");
    if (std::filesystem::is_directory(output, error))
        throw core::InputError(output.string() + ": is a folder; give a file name");
}

StagedOutput::StagedOutput(const std::filesystem::path& target, const std::string& extension) : target_(target) {
    staged_ = folderOf(target) / ("." + target.filename().string() + ".tmp-" + uniqueSuffix() + extension);
}

StagedOutput::~StagedOutput() {
    if (committed_) return;
    std::error_code ignored;
    std::filesystem::remove_all(staged_, ignored);
}

void StagedOutput::commit() {
    std::error_code error;
    const bool folder = std::filesystem::is_directory(staged_, error);
    std::filesystem::path old;
    if (folder && std::filesystem::exists(target_, error)) {
        if (!std::filesystem::is_directory(target_, error))
            throw core::InputError(target_.string() + ": exists and is not a folder; remove it or choose another name");
        // A folder cannot be renamed over a non-empty one: move the old aside first.
        old = folderOf(target_) / ("." + target_.filename().string() + ".old-" + uniqueSuffix());
        std::filesystem::rename(target_, old, error);
        if (error) throw core::InputError(target_.string() + ": cannot replace it: " + error.message());
    }
    std::filesystem::rename(staged_, target_, error);
    if (error) {
        if (!old.empty()) {
            std::error_code ignored;
            std::filesystem::rename(old, target_, ignored);
        }
        throw core::InputError(target_.string() + ": cannot write it: " + error.message());
    }
    committed_ = true;
    if (!old.empty()) std::filesystem::remove_all(old, error);
}

}  // namespace smp::outputs
