#include "vision/PhotoDecoder.h"

#include "vision/ExifOrientation.h"
#include "vision/ImageHeader.h"
#include "vision/LimitText.h"
#include "vision/OpenCvQuiet.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <climits>
#include <cstring>
#include <string>
#include <vector>

namespace smp::vision {
namespace {

void checkPixelLimit(const ImageHeader& header, const PhotoLimits& limits) {
    const std::uint64_t pixels = std::uint64_t{header.width} * header.height;
    if (pixels > limits.maxPixels)
        throw ImageDataError(std::to_string(header.width) + "x" + std::to_string(header.height) + " is " +
                             overLimitText(pixels, limits.maxPixels, AmountUnit::Pixels));
}

cv::Mat decodeWithOpenCv(Bytes bytes) {
    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) throw ImageDataError("file too large to decode");
    // imdecode only reads its input; the Mat header is how it takes a buffer without a copy.
    const cv::Mat buffer(1, static_cast<int>(bytes.size()), CV_8UC1, const_cast<std::uint8_t*>(bytes.data()));
    cv::Mat decoded;
    try {
        // Exactly IMREAD_UNCHANGED: it keeps alpha and 16-bit samples, and it is the one flag value
        // for which OpenCV does not apply the EXIF orientation, so it is not applied twice.
        decoded = cv::imdecode(buffer, cv::IMREAD_UNCHANGED);
    } catch (const cv::Exception&) {
        decoded.release();
    }
    if (decoded.empty()) throw ImageDataError(kCorruptReason);
    return decoded;
}

cv::Mat toEightBit(const cv::Mat& decoded) {
    cv::Mat eightBit;
    switch (decoded.depth()) {
    case CV_8U: return decoded;
    case CV_16U: decoded.convertTo(eightBit, CV_8U, 1.0 / 257.0); break;  // 65535 -> 255 exactly
    case CV_32F:
    case CV_64F: decoded.convertTo(eightBit, CV_8U, 255.0); break;  // float samples run 0-1
    default: throw ImageDataError("unsupported sample format (signed integer samples)");
    }
    return eightBit;
}

// OpenCV's channel order (grey, grey+alpha, BGR, BGRA) to ours (RGB or RGBA).
cv::Mat toRgbOrder(const cv::Mat& bgr, bool alphaAbsent) {
    cv::Mat rgb;
    switch (bgr.channels()) {
    case 1: cv::cvtColor(bgr, rgb, cv::COLOR_GRAY2RGB); break;
    case 2: {  // grey + alpha has no cvtColor code
        std::vector<cv::Mat> planes;
        cv::split(bgr, planes);
        cv::merge(std::vector<cv::Mat>{planes[0], planes[0], planes[0], planes[1]}, rgb);
        break;
    }
    case 3: cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB); break;
    case 4: cv::cvtColor(bgr, rgb, alphaAbsent ? cv::COLOR_BGRA2RGB : cv::COLOR_BGRA2RGBA); break;
    default: throw ImageDataError("unsupported number of channels (" + std::to_string(bgr.channels()) + ")");
    }
    return rgb;
}

core::Image toImage(const cv::Mat& rgb) {
    core::Image image(rgb.cols, rgb.rows, rgb.channels());
    for (int y = 0; y < rgb.rows; ++y)
        std::memcpy(image.row(y), rgb.ptr(y), image.rowBytes());
    return image;
}

}  // namespace

core::Image decodePhoto(Bytes bytes, const PhotoLimits& limits) {
    quietOpenCvLogging();
    const ImageHeader header = readImageHeader(bytes);
    checkPixelLimit(header, limits);
    if (!header.complete) throw ImageDataError(kCorruptReason);

    const cv::Mat decoded = decodeWithOpenCv(bytes);
    // The limit was checked on the header's size; a decoder that saw another size read another
    // image than the one checked.
    if (static_cast<std::uint32_t>(decoded.cols) != header.width ||
        static_cast<std::uint32_t>(decoded.rows) != header.height)
        throw ImageDataError(kCorruptReason);
    try {
        cv::Mat rgb = toRgbOrder(toEightBit(decoded), header.alphaAbsent);
        // Only JPEG's EXIF is read: phones write orientation there, and OpenCV applies none.
        if (header.format == ImageFormat::Jpeg) rgb = applyExifOrientation(rgb, header.orientation);
        return toImage(rgb);
    } catch (const cv::Exception& error) {
        throw ImageDataError("cannot convert the pixels: " + error.err);
    }
}

}  // namespace smp::vision
