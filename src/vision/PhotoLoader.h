#pragma once
// Reads a client's photo from disk the way a phone meant it to be seen: EXIF orientation applied,
// any bit depth, grey, alpha or CMYK turned into 8-bit RGB or RGBA.

#include "core/Image.h"

#include <cstdint>
#include <filesystem>

namespace smp::vision {

struct PhotoLimits {
    std::uint64_t maxPixels = 100'000'000;         // a 100 MP photo is larger than any phone makes
    std::uint64_t maxFileBytes = 512ull << 20;     // refuses to read a 4 GB file into memory
};

// Returns RGB (3 channels) or RGBA (4 channels, when the file has alpha), 8 bits per channel,
// rows top to bottom after the EXIF orientation. Throws core::InputError with one line:
// "<path>: <reason>" (missing, empty, not an image, truncated, over the limit, ...).
core::Image loadPhoto(const std::filesystem::path& path, const PhotoLimits& limits = {});

// True for the extensions loadPhoto is meant for (.jpg .jpeg .png .tif .tiff .webp .bmp),
// case-insensitive. Used to decide what a dropped file is; loadPhoto itself trusts the content.
bool looksLikePhotoFile(const std::filesystem::path& path);

}  // namespace smp::vision
