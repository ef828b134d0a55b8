#include "core/PhotoFingerprint.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string_view>
#include <vector>

using namespace smp::core;

namespace {

std::vector<std::uint8_t> bytesOf(std::string_view text) {
    return {text.begin(), text.end()};
}

std::vector<std::uint8_t> sampleBytes(std::size_t count) {
    std::vector<std::uint8_t> bytes(count);
    std::uint32_t x = 12345;
    for (auto& b : bytes)
        b = static_cast<std::uint8_t>((x = x * 1103515245u + 12345u) >> 24);
    return bytes;
}

}  // namespace

TEST_CASE("photo fingerprints never change: projects store them", "[core][fingerprint]") {
    // Pinned: a change here makes every stored fingerprint read as a changed photo.
    REQUIRE(fingerprintText(photoFingerprint({})) == "323def0871273387");
    REQUIRE(fingerprintText(photoFingerprint(bytesOf("abc"))) == "288ff73a4a47304c");
    REQUIRE(fingerprintText(photoFingerprint(sampleBytes(1000))) == "e3e67f7838ba890b");
}

TEST_CASE("a fingerprint fed in pieces equals the whole", "[core][fingerprint]") {
    const std::vector<std::uint8_t> bytes = sampleBytes(61);
    const std::uint64_t whole = photoFingerprint(bytes);
    for (std::size_t a = 0; a <= bytes.size(); ++a) {
        for (std::size_t b = a; b <= bytes.size(); b += 3) {
            PhotoFingerprint pieces;
            pieces.add({bytes.data(), a});
            pieces.add({bytes.data() + a, b - a});
            pieces.add({bytes.data() + b, bytes.size() - b});
            REQUIRE(pieces.value() == whole);
        }
    }
}

TEST_CASE("any changed bit, and trailing zeros, change the fingerprint", "[core][fingerprint]") {
    std::vector<std::uint8_t> bytes = sampleBytes(37);
    const std::uint64_t original = photoFingerprint(bytes);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        for (int bit = 0; bit < 8; ++bit) {
            bytes[i] ^= static_cast<std::uint8_t>(1u << bit);
            REQUIRE(photoFingerprint(bytes) != original);
            bytes[i] ^= static_cast<std::uint8_t>(1u << bit);
        }
    }
    const std::vector<std::uint8_t> zeros(16, 0);
    REQUIRE(photoFingerprint({zeros.data(), 15}) != photoFingerprint(zeros));
    REQUIRE(photoFingerprint({zeros.data(), 0}) != photoFingerprint({zeros.data(), 1}));
}

TEST_CASE("fingerprints are written as 16 lowercase hex digits", "[core][fingerprint]") {
    REQUIRE(fingerprintText(0x0123456789abcdefULL) == "0123456789abcdef");
    REQUIRE(fingerprintText(0) == "0000000000000000");
    REQUIRE(isFingerprintText("0123456789abcdef"));
    REQUIRE_FALSE(isFingerprintText("0123456789ABCDEF"));
    REQUIRE_FALSE(isFingerprintText("0123456789abcde"));
    REQUIRE_FALSE(isFingerprintText("0123456789abcdefa"));
    REQUIRE_FALSE(isFingerprintText("0123456789abcdeg"));
    REQUIRE_FALSE(isFingerprintText(""));
}
