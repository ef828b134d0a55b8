#pragma once
// Writes a whole file or nothing: the bytes go to a temporary file in the same folder, are
// flushed to disk, then renamed over the target. A crash mid-write leaves the old file intact.

#include <filesystem>
#include <span>
#include <string_view>

namespace smp::core {

// Throws InputError naming the path and the reason (folder missing, not writable, disk full).
void writeFileAtomically(const std::filesystem::path& target, std::span<const unsigned char> bytes);
void writeFileAtomically(const std::filesystem::path& target, std::string_view text);

}  // namespace smp::core
