#include "core/AtomicFile.h"

#include "core/Errors.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>

namespace smp::core {
namespace {

std::string reason() { return std::strerror(errno); }

// The process umask, read without changing it (umask() itself can only be read by setting it,
// which races with other threads creating files).
mode_t currentUmask() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("Umask:", 0) == 0) return static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8));
    return 022;
}

// Closes the descriptor and removes the temporary file unless the rename went through.
class TempFile {
public:
    explicit TempFile(const std::filesystem::path& target)
        : path_(target.string() + ".tmp-XXXXXX") {
        std::string pattern = path_.string();
        fd_ = ::mkstemp(pattern.data());
        if (fd_ < 0)
            throw InputError(target.string() + ": cannot create a file in that folder: " + reason());
        path_ = pattern;
        // mkstemp makes the file private (0600): a replaced file keeps its own mode, a new one
        // gets what the user's umask allows, as any other new file would.
        struct stat existing {};
        const bool replacing = ::stat(target.c_str(), &existing) == 0;
        ::fchmod(fd_, replacing ? (existing.st_mode & 07777) : (0666 & ~currentUmask()));
    }
    ~TempFile() {
        if (fd_ >= 0) ::close(fd_);
        if (!committed_) {
            std::error_code ignored;
            std::filesystem::remove(path_, ignored);
        }
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    int fd() const { return fd_; }
    const std::filesystem::path& path() const { return path_; }
    void closeChecked(const std::filesystem::path& target) {
        int fd = fd_;
        fd_ = -1;
        if (::close(fd) != 0) throw InputError(target.string() + ": cannot finish writing: " + reason());
    }
    void markCommitted() { committed_ = true; }

private:
    std::filesystem::path path_;
    int fd_ = -1;
    bool committed_ = false;
};

void syncFolderOf(const std::filesystem::path& target) {
    std::filesystem::path folder = target.parent_path();
    if (folder.empty()) folder = ".";
    int dirFd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
    if (dirFd < 0) return;  // the rename already happened; a folder fsync is best effort
    ::fsync(dirFd);
    ::close(dirFd);
}

}  // namespace

void writeFileAtomically(const std::filesystem::path& requested, std::span<const unsigned char> bytes) {
    if (requested.empty()) throw InputError("(empty path): no file name given");
    std::error_code error;
    if (std::filesystem::is_directory(requested, error))
        throw InputError(requested.string() + ": is a folder, not a file");
    // A link is written through: the file it points at is replaced, the link stays a link.
    std::filesystem::path target = requested;
    if (std::filesystem::is_symlink(requested, error)) {
        target = std::filesystem::weakly_canonical(requested, error);
        if (error) throw InputError(requested.string() + ": cannot follow the link: " + error.message());
    }

    TempFile temp(target);
    const unsigned char* data = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        ssize_t n = ::write(temp.fd(), data, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw InputError(target.string() + ": cannot write: " + reason());
        }
        data += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::fsync(temp.fd()) != 0) throw InputError(target.string() + ": cannot flush to disk: " + reason());
    temp.closeChecked(target);
    if (::rename(temp.path().c_str(), target.c_str()) != 0)
        throw InputError(target.string() + ": cannot replace the file: " + reason());
    temp.markCommitted();
    syncFolderOf(target);
}

void writeFileAtomically(const std::filesystem::path& target, std::string_view text) {
    writeFileAtomically(target, std::span<const unsigned char>(
                                    reinterpret_cast<const unsigned char*>(text.data()), text.size()));
}

}  // namespace smp::core
