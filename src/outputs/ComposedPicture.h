#pragma once
// A finished picture and where its labels cover the photo, so that a test (or the window's
// preview of the export) can tell the photo's own pixels from the labels.

#include "core/Geometry.h"
#include "core/Image.h"

#include <vector>

namespace smp::outputs {

struct ComposedPicture {
    core::Image image;
    std::vector<core::RectPx> labelAreas;  // picture pixels
};

}  // namespace smp::outputs
