#pragma once
// File extensions compared the way users type them: "IMG_0042.JPG" is a JPEG.

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>

namespace smp::vision {

// The extension with its dot, in lower case ("" when there is none).
inline std::string lowercaseExtension(const std::filesystem::path& path) {
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension;
}

}  // namespace smp::vision
