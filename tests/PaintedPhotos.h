#pragma once
// Photos the tests paint themselves: smooth gradients with sharp details, so that both
// resampling and misplacement show up in a comparison.

#include "core/Image.h"

#include <cmath>
#include <cstdint>

namespace smp::test {

inline core::Image paintTestPhoto(int width, int height, int channels = 3) {
    core::Image image(width, height, channels);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            std::uint8_t* p = image.at(x, y);
            p[0] = static_cast<std::uint8_t>(255 * x / std::max(1, width - 1));
            p[1] = static_cast<std::uint8_t>(255 * y / std::max(1, height - 1));
            p[2] = static_cast<std::uint8_t>(128 + 100 * std::sin(x * 0.05) * std::cos(y * 0.07));
            if ((x / 8 + y / 8) % 5 == 0) p[2] = 20;  // sharp checker flecks
            if (channels == 4) p[3] = 255;
        }
    }
    return image;
}

}  // namespace smp::test
