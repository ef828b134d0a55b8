#pragma once
// A first proposal of the head's outline on the photo, for the artist to correct with the brush:
// where dots may go is always inside it.

#include "core/Image.h"
#include "core/design/PhotoMask.h"
#include "vision/FaceDetector.h"

#include <optional>

namespace smp::vision {

// The head (cranium, face and whatever hair is left) as one filled region at the photo's
// resolution. Seeded from the face box when there is one, from a centred ellipse otherwise.
// A face box off the photo gives what of the seed lies on it, possibly nothing. Deterministic.
// Throws core::UsageError on an empty photo, one under 32 px on a side, or one that is not 3 or 4
// channels. How it works and where it fails: HeadOutline.cpp.
design::PhotoMask proposeHeadOutline(const core::Image& photo, const std::optional<FaceFinding>& face);

}  // namespace smp::vision
