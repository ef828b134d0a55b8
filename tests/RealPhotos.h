#pragma once
// Real photos that tests/photos/fetch-real-photos.sh puts in SMP_TEST_PHOTO_DIR at test time (CTest
// runs it as the real_photos fixture; they are never committed). A missing photo fails the test
// with the command that fetches it: a skipped test would hide that nothing real was checked.

#include "core/Image.h"
#include "vision/PhotoLoader.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

namespace smp::test {

inline std::filesystem::path realPhotoPath(const std::string& name) {
    const auto path = std::filesystem::path(SMP_TEST_PHOTO_DIR) / name;
    if (!std::filesystem::is_regular_file(path))
        FAIL(path.string() << " is missing; fetch the real test photos with\n  sh " SMP_SOURCE_DIR
                              "/tests/photos/fetch-real-photos.sh " SMP_TEST_PHOTO_DIR
                              "\n(ctest runs it first, as the real_photos fixture)");
    return path;
}

inline core::Image realPhoto(const std::string& name) { return vision::loadPhoto(realPhotoPath(name)); }

}  // namespace smp::test
