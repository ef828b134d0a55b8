// Encodes in memory with OpenCV, then hands the bytes to core::writeFileAtomically: an encoder
// failure happens before the old file is touched, and a write failure leaves it as it was.

#include "vision/ImageWriter.h"

#include "core/AtomicFile.h"
#include "core/Errors.h"
#include "vision/FileExtension.h"
#include "vision/OpenCvQuiet.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <string>
#include <vector>

namespace smp::vision {
namespace {

enum class OutputFormat { Png, Jpeg };

constexpr int kJpegMaxSide = 65500;  // libjpeg's limit

OutputFormat outputFormatFor(const std::filesystem::path& path) {
    const std::string extension = lowercaseExtension(path);
    if (extension == ".png") return OutputFormat::Png;
    if (extension == ".jpg" || extension == ".jpeg") return OutputFormat::Jpeg;
    if (extension.empty()) throw core::UsageError(path.string() + ": no file extension (use .png, .jpg or .jpeg)");
    throw core::UsageError(path.string() + ": unsupported output format '" + path.extension().string() +
                           "' (use .png, .jpg or .jpeg)");
}

void checkInRange(const std::filesystem::path& path, const char* what, int value, int low, int high) {
    if (value < low || value > high)
        throw core::UsageError(path.string() + ": " + what + " " + std::to_string(value) + " is out of range (" +
                               std::to_string(low) + "-" + std::to_string(high) + ")");
}

void checkImage(const core::Image& image, const std::filesystem::path& path) {
    if (image.empty()) throw core::UsageError(path.string() + ": nothing to write (empty image)");
    if ((image.channels != 3 && image.channels != 4) ||
        image.pixels.size() != core::Image::byteCount(image.width, image.height, image.channels))
        throw core::UsageError(path.string() + ": malformed image (" + std::to_string(image.channels) + " channels, " +
                               std::to_string(image.pixels.size()) + " bytes for " + std::to_string(image.width) + "x" +
                               std::to_string(image.height) + ")");
}

std::vector<uchar> encode(const core::Image& image, OutputFormat format, const ImageWriteOptions& options) {
    // cvtColor only reads its input; the Mat header is how it sees our pixels without a copy.
    const cv::Mat rgb(image.height, image.width, CV_8UC(image.channels),
                      const_cast<std::uint8_t*>(image.pixels.data()));
    const bool hasAlpha = image.channels == 4;
    cv::Mat bgr;
    std::vector<int> params;
    if (format == OutputFormat::Png) {
        cv::cvtColor(rgb, bgr, hasAlpha ? cv::COLOR_RGBA2BGRA : cv::COLOR_RGB2BGR);
        params = {cv::IMWRITE_PNG_COMPRESSION, options.pngCompression};
    } else {
        // JPEG has no alpha: the colour is kept as it is, as if on an opaque layer.
        cv::cvtColor(rgb, bgr, hasAlpha ? cv::COLOR_RGBA2BGR : cv::COLOR_RGB2BGR);
        params = {cv::IMWRITE_JPEG_QUALITY, options.jpegQuality};
    }
    std::vector<uchar> encoded;
    if (!cv::imencode(format == OutputFormat::Png ? ".png" : ".jpg", bgr, encoded, params)) encoded.clear();
    return encoded;
}

}  // namespace

void writeImage(const core::Image& image, const std::filesystem::path& path, const ImageWriteOptions& options) {
    const OutputFormat format = outputFormatFor(path);
    checkInRange(path, "JPEG quality", options.jpegQuality, 1, 100);
    checkInRange(path, "PNG compression", options.pngCompression, 0, 9);
    checkImage(image, path);
    const char* formatText = format == OutputFormat::Png ? "PNG" : "JPEG";
    if (format == OutputFormat::Jpeg && (image.width > kJpegMaxSide || image.height > kJpegMaxSide))
        throw core::InputError(path.string() + ": " + std::to_string(image.width) + "x" + std::to_string(image.height) +
                               " is too large for JPEG (at most " + std::to_string(kJpegMaxSide) +
                               " pixels a side); use .png");

    quietOpenCvLogging();
    std::vector<uchar> encoded;
    try {
        encoded = encode(image, format, options);
    } catch (const cv::Exception& error) {
        throw core::InputError(path.string() + ": cannot encode as " + formatText + ": " + error.err);
    }
    if (encoded.empty()) throw core::InputError(path.string() + ": cannot encode as " + formatText);
    core::writeFileAtomically(path, std::span<const unsigned char>(encoded.data(), encoded.size()));
}

void checkImageOutputPath(const std::filesystem::path& path) { outputFormatFor(path); }

}  // namespace smp::vision
