#pragma once
// The part of loadPhoto that works on bytes already in memory: header checks, OpenCV's decode and
// the conversion to 8-bit RGB(A). Separate from the file reading so that tests can feed it cut
// and scrambled bytes by the thousand.

#include "core/Image.h"
#include "vision/ByteReader.h"
#include "vision/PhotoLoader.h"

namespace smp::vision {

// Throws ImageDataError with the reason alone (no path): not an image, corrupt or truncated,
// over limits.maxPixels (checked from the header, before any pixel is decoded), unsupported.
core::Image decodePhoto(Bytes bytes, const PhotoLimits& limits);

}  // namespace smp::vision
