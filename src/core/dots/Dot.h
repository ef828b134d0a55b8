#pragma once
// One pigment dot as the artist would place it, in millimetres on the photo plane.

#include "core/Geometry.h"

#include <cstdint>

namespace smp::dots {

struct Dot {
    core::Vec2 positionMm;
    double diameterMm = 0.0;           // nominal healed size; the renderer adds healing on top
    float shade = 0.0f;                // pigment strength, 0 = skin, 1 = undiluted pigment
    float ellipseRatio = 1.0f;         // long axis / short axis, >= 1
    float angleRad = 0.0f;             // direction of the long axis, [0, pi)
    std::uint8_t session = 0;          // 0-based session that placed it
    bool shedBeforeNext = false;       // lost while healing, gone by the next session
    std::uint32_t follicularUnit = 0;  // 0: a single dot; dots sharing an id form one unit
};

}  // namespace smp::dots
