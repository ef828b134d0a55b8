#pragma once
// sRGB <-> linear light for the render tests' reference images.

#include "core/Image.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace smp::test {

inline double decodeSrgb(int v) {
    const double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

inline int encodeSrgb(double linear) {
    const double c = linear <= 0.0031308 ? linear * 12.92 : 1.055 * std::pow(linear, 1.0 / 2.4) - 0.055;
    return static_cast<int>(std::lround(std::clamp(c, 0.0, 1.0) * 255.0));
}

// The reference for a half-size render: each output pixel is the 2x2 block it covers, averaged
// in linear light (what a gamma-correct mipmap does).
inline core::Image halveInLinearLight(const core::Image& photo) {
    core::Image half(photo.width / 2, photo.height / 2, 3);
    for (int y = 0; y < half.height; ++y)
        for (int x = 0; x < half.width; ++x)
            for (int c = 0; c < 3; ++c) {
                double sum = 0;
                for (int dy = 0; dy < 2; ++dy)
                    for (int dx = 0; dx < 2; ++dx) sum += decodeSrgb(photo.at(2 * x + dx, 2 * y + dy)[c]);
                half.at(x, y)[c] = static_cast<std::uint8_t>(encodeSrgb(sum / 4.0));
            }
    return half;
}

}  // namespace smp::test
