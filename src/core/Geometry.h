#pragma once
// Plain 2-D value types shared by every layer.

#include <cmath>

namespace smp::core {

struct Vec2 {
    double x = 0.0;
    double y = 0.0;

    friend Vec2 operator+(Vec2 a, Vec2 b) { return {a.x + b.x, a.y + b.y}; }
    friend Vec2 operator-(Vec2 a, Vec2 b) { return {a.x - b.x, a.y - b.y}; }
    friend Vec2 operator*(Vec2 a, double s) { return {a.x * s, a.y * s}; }
    friend Vec2 operator*(double s, Vec2 a) { return {a.x * s, a.y * s}; }
    friend bool operator==(Vec2, Vec2) = default;
};

[[nodiscard]] inline double dot(Vec2 a, Vec2 b) { return a.x * b.x + a.y * b.y; }
[[nodiscard]] inline double cross(Vec2 a, Vec2 b) { return a.x * b.y - a.y * b.x; }
[[nodiscard]] inline double length(Vec2 a) { return std::hypot(a.x, a.y); }
[[nodiscard]] inline double distance(Vec2 a, Vec2 b) { return length(a - b); }

// An axis-aligned rectangle of photo pixels.
struct RectPx {
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;

    [[nodiscard]] bool empty() const { return width <= 0 || height <= 0; }
    friend bool operator==(RectPx, RectPx) = default;
};

struct SizePx {
    int width = 0;
    int height = 0;

    [[nodiscard]] bool empty() const { return width <= 0 || height <= 0; }
    friend bool operator==(SizePx, SizePx) = default;
};

}  // namespace smp::core
