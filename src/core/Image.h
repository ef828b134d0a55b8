#pragma once
// An 8-bit photo or render in memory: the currency between layers. Rows run top to bottom,
// channels are R, G, B(, A) in that order (never OpenCV's BGR).

#include <cstddef>
#include <cstdint>
#include <vector>

namespace smp::core {

struct Image {
    int width = 0;
    int height = 0;
    int channels = 0;  // 3 (RGB) or 4 (RGBA)
    std::vector<std::uint8_t> pixels;

    Image() = default;
    Image(int w, int h, int c) : width(w), height(h), channels(c), pixels(byteCount(w, h, c)) {}

    [[nodiscard]] bool empty() const { return width <= 0 || height <= 0 || pixels.empty(); }
    [[nodiscard]] std::size_t rowBytes() const { return static_cast<std::size_t>(width) * channels; }
    [[nodiscard]] std::uint8_t* row(int y) { return pixels.data() + rowBytes() * y; }
    [[nodiscard]] const std::uint8_t* row(int y) const { return pixels.data() + rowBytes() * y; }
    [[nodiscard]] std::uint8_t* at(int x, int y) { return row(y) + static_cast<std::size_t>(x) * channels; }
    [[nodiscard]] const std::uint8_t* at(int x, int y) const {
        return row(y) + static_cast<std::size_t>(x) * channels;
    }

    static std::size_t byteCount(int w, int h, int c) {
        return static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * static_cast<std::size_t>(c);
    }
};

}  // namespace smp::core
