#pragma once
// A phone stores the sensor's pixels as they came and writes how to turn them upright in the EXIF
// orientation tag (0x0112). OpenCV applies it only when it also converts to 8-bit BGR, so the
// loader, which needs IMREAD_UNCHANGED to keep alpha and 16-bit samples, applies it itself.

#include "vision/ByteReader.h"

#include <opencv2/core.hpp>

namespace smp::vision {

// The orientation (1-8) from an EXIF block's TIFF structure (what follows "Exif\0\0" in a JPEG's
// APP1 segment). Returns 1 for a missing, malformed or out-of-range tag: a photo with broken
// metadata is still shown, as shot.
int readExifOrientation(Bytes exifTiff);

// The image turned the way the orientation says it should be seen:
//   1 as is           2 mirrored left-right   3 rotated 180         4 mirrored top-bottom
//   5 transposed      6 rotated 90 clockwise  7 transversed         8 rotated 90 counter-clockwise
cv::Mat applyExifOrientation(const cv::Mat& stored, int orientation);

}  // namespace smp::vision
