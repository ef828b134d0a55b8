#include "vision/ExifOrientation.h"

#include "vision/TiffIfd.h"

namespace smp::vision {

int readExifOrientation(Bytes exifTiff) {
    try {
        const std::optional<std::uint32_t> value = TiffIfd::readFirst(exifTiff).value(tiff_tag::kOrientation);
        if (value && *value >= 1 && *value <= 8) return static_cast<int>(*value);
    } catch (const ImageDataError&) {
        // Malformed metadata does not make the pixels unusable.
    }
    return 1;
}

cv::Mat applyExifOrientation(const cv::Mat& stored, int orientation) {
    cv::Mat upright;
    switch (orientation) {
    case 2: cv::flip(stored, upright, 1); break;
    case 3: cv::rotate(stored, upright, cv::ROTATE_180); break;
    case 4: cv::flip(stored, upright, 0); break;
    case 5: cv::transpose(stored, upright); break;
    case 6: cv::rotate(stored, upright, cv::ROTATE_90_CLOCKWISE); break;
    case 7:  // the mirror image across the anti-diagonal: transpose, then turn half way
        cv::transpose(stored, upright);
        cv::flip(upright, upright, -1);
        break;
    case 8: cv::rotate(stored, upright, cv::ROTATE_90_COUNTERCLOCKWISE); break;
    default: upright = stored; break;
    }
    return upright;
}

}  // namespace smp::vision
