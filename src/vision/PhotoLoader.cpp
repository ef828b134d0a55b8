// Reading the file: every way it can fail (missing, a folder, unreadable, empty, too big) is
// told apart and named with the path. Decoding is PhotoDecoder's.

#include "vision/PhotoLoader.h"

#include "core/Errors.h"
#include "vision/FileExtension.h"
#include "vision/LimitText.h"
#include "vision/PhotoDecoder.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <new>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace smp::vision {
namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& reason) {
    throw core::InputError(path.string() + ": " + reason);
}

std::string errnoText() {
    return std::generic_category().message(errno);
}

// Closes the descriptor on every way out of readPhotoFile.
class OpenFile {
public:
    explicit OpenFile(int fd) : fd_(fd) {}
    ~OpenFile() { ::close(fd_); }
    OpenFile(const OpenFile&) = delete;
    OpenFile& operator=(const OpenFile&) = delete;
    [[nodiscard]] int fd() const { return fd_; }

private:
    int fd_;
};

std::vector<std::uint8_t> readPhotoFile(const std::filesystem::path& path, const PhotoLimits& limits) {
    if (path.empty()) throw core::InputError("(empty path): no file name given");
    // O_NONBLOCK so that a named pipe given as a photo is refused below instead of hanging here;
    // it changes nothing for regular files. The checks then run on what was opened, not on what
    // the path named a moment earlier.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT) fail(path, "file not found");
        fail(path, "cannot open: " + errnoText());
    }
    const OpenFile file(fd);
    struct stat info {};
    if (::fstat(fd, &info) != 0) fail(path, "cannot open: " + errnoText());
    if (S_ISDIR(info.st_mode)) fail(path, "is a folder, not a file");
    if (!S_ISREG(info.st_mode)) fail(path, "not a regular file");

    const auto size = static_cast<std::uint64_t>(info.st_size);
    if (size == 0) fail(path, "empty file (0 bytes)");
    if (size > limits.maxFileBytes)
        fail(path, "file is " + overLimitText(size, limits.maxFileBytes, AmountUnit::FileSize));

    std::vector<std::uint8_t> bytes(size);
    std::size_t got = 0;
    while (got < bytes.size()) {
        const ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail(path, "cannot read: " + errnoText());
        }
        if (n == 0) break;  // the file shrank while being read; the decoder judges what is there
        got += static_cast<std::size_t>(n);
    }
    bytes.resize(got);
    return bytes;
}

}  // namespace

core::Image loadPhoto(const std::filesystem::path& path, const PhotoLimits& limits) {
    const std::vector<std::uint8_t> bytes = readPhotoFile(path, limits);
    try {
        return decodePhoto(bytes, limits);
    } catch (const ImageDataError& error) {
        fail(path, error.what());
    } catch (const std::bad_alloc&) {
        fail(path, "not enough memory to open it");
    }
}

bool looksLikePhotoFile(const std::filesystem::path& path) {
    static constexpr std::array<std::string_view, 7> kExtensions = {".jpg",  ".jpeg", ".png", ".tif",
                                                                    ".tiff", ".webp", ".bmp"};
    const std::string extension = lowercaseExtension(path);
    for (std::string_view known : kExtensions)
        if (extension == known) return true;
    return false;
}

}  // namespace smp::vision
