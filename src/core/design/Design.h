#pragma once
// Everything the artist designs on a client's photo: where the face is, the hairline and the
// style it came from, the zones and how dense the result should be.

#include "core/design/FaceFrame.h"
#include "core/design/FieldBuilder.h"
#include "core/design/Hairline.h"
#include "core/design/HairlineStyle.h"
#include "core/design/Zones.h"

namespace smp::design {

struct Design {
    FaceFrame face;
    StyleParams style;
    Hairline hairline;  // starts as makeHairline(style, face); then edited by hand
    Zones zones;
    DensityTargets density;

    friend bool operator==(const Design&, const Design&) = default;
};

}  // namespace smp::design
