#include "core/PhotoFingerprint.h"

#include <bit>

namespace smp::core {
namespace {

// A single lane of xxHash64's round over 8-byte little-endian words, then splitmix64's
// finaliser over the state and the length: every input bit reaches every output bit, and a
// run of zero bytes still changes the value (through the length).
constexpr std::uint64_t kPrime1 = 0x9e3779b185ebca87ULL;
constexpr std::uint64_t kPrime2 = 0xc2b2ae3d27d4eb4fULL;

std::uint64_t finalMix(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t littleEndianWord(const std::uint8_t* p) {
    std::uint64_t word = 0;
    for (int i = 7; i >= 0; --i)
        word = (word << 8) | p[i];
    return word;
}

}  // namespace

void PhotoFingerprint::mixWord(std::uint64_t word) {
    state_ = std::rotl(state_ + word * kPrime2, 31) * kPrime1;
}

void PhotoFingerprint::add(std::span<const std::uint8_t> bytes) {
    length_ += bytes.size();
    std::size_t i = 0;
    while (pendingBytes_ != 0 && i < bytes.size()) {  // finish the word a previous piece began
        pending_ |= std::uint64_t(bytes[i++]) << (8 * pendingBytes_);
        if (++pendingBytes_ == 8) {
            mixWord(pending_);
            pending_ = 0;
            pendingBytes_ = 0;
        }
    }
    for (; i + 8 <= bytes.size(); i += 8)
        mixWord(littleEndianWord(bytes.data() + i));
    for (; i < bytes.size(); ++i)
        pending_ |= std::uint64_t(bytes[i]) << (8 * pendingBytes_++);
}

std::uint64_t PhotoFingerprint::value() const {
    std::uint64_t state = state_;
    if (pendingBytes_ != 0) state = std::rotl(state + pending_ * kPrime2, 31) * kPrime1;
    return finalMix(state ^ length_);
}

std::uint64_t photoFingerprint(std::span<const std::uint8_t> bytes) {
    PhotoFingerprint fingerprint;
    fingerprint.add(bytes);
    return fingerprint.value();
}

std::string fingerprintText(std::uint64_t fingerprint) {
    constexpr char kDigits[] = "0123456789abcdef";
    std::string text(16, '0');
    for (int i = 15; i >= 0; --i, fingerprint >>= 4)
        text[static_cast<std::size_t>(i)] = kDigits[fingerprint & 0xf];
    return text;
}

bool isFingerprintText(std::string_view text) {
    if (text.size() != 16) return false;
    for (char c : text)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

}  // namespace smp::core
