#pragma once
// Writes renders and exports as PNG or JPEG, chosen by the extension, atomically: a failed or
// interrupted write never leaves a partial file over a good one.

#include "core/Image.h"

#include <filesystem>

namespace smp::vision {

struct ImageWriteOptions {
    int jpegQuality = 92;    // 1-100
    // libdeflate's level, 0-9 (0 stores): every row Up-filtered. 1 deflates a 24 MP export in
    // ~0.6 s; higher levels trade time for bytes.
    int pngCompression = 1;
};

// Throws core::UsageError for an extension other than .png/.jpg/.jpeg, and core::InputError
// naming the path when the file cannot be written.
void writeImage(const core::Image& image, const std::filesystem::path& path,
                const ImageWriteOptions& options = {});

// The same extension check as writeImage, for callers that want to fail before slow work.
void checkImageOutputPath(const std::filesystem::path& path);

}  // namespace smp::vision
