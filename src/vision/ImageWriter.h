#pragma once
// Writes renders and exports as PNG or JPEG, chosen by the extension, atomically: a failed or
// interrupted write never leaves a partial file over a good one.

#include "core/Image.h"

#include <filesystem>

namespace smp::vision {

struct ImageWriteOptions {
    int jpegQuality = 92;    // 1-100
    int pngCompression = 1;  // 0-9; 1 is ~4x faster than 6 on a 24 MP photo for ~10% more bytes
};

// Throws core::UsageError for an extension other than .png/.jpg/.jpeg, and core::InputError
// naming the path when the file cannot be written.
void writeImage(const core::Image& image, const std::filesystem::path& path,
                const ImageWriteOptions& options = {});

// The same extension check as writeImage, for callers that want to fail before slow work.
void checkImageOutputPath(const std::filesystem::path& path);

}  // namespace smp::vision
