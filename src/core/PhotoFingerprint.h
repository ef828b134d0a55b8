#pragma once
// A 64-bit fingerprint of a photo file's bytes, stored in the project as 16 hex digits. It tells
// whether the photo changed since the project was saved and finds a photo that was moved or
// renamed among its neighbours. It guards against accidents, not against anyone: it is not a
// security hash, and two files can be made to share one on purpose.
//
// The value is part of the project format: the same bytes must give the same fingerprint on
// every machine and in every version (a test pins it).

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace smp::core {

// Fed in pieces of any size (a file read in chunks gives what the whole file at once gives).
class PhotoFingerprint {
public:
    void add(std::span<const std::uint8_t> bytes);
    // Of everything added so far, the byte count included.
    [[nodiscard]] std::uint64_t value() const;

private:
    void mixWord(std::uint64_t word);

    std::uint64_t state_ = 0x27d4eb2f165667c5ULL;
    std::uint64_t pending_ = 0;  // bytes of an unfinished 8-byte word, little-endian
    unsigned pendingBytes_ = 0;
    std::uint64_t length_ = 0;
};

[[nodiscard]] std::uint64_t photoFingerprint(std::span<const std::uint8_t> bytes);

// 16 lowercase hex digits, as stored in the project.
[[nodiscard]] std::string fingerprintText(std::uint64_t fingerprint);
// True for 16 lowercase hex digits.
[[nodiscard]] bool isFingerprintText(std::string_view text);

}  // namespace smp::core
