#pragma once
// Generated test photos. Every image the vision tests load is made here, so a failure can be
// traced to a pattern whose every pixel is known.

#include "core/Image.h"

#include <opencv2/core.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace smp::test {

using ByteVector = std::vector<std::uint8_t>;

// RGB(A) test pattern: a red-green gradient over blue 128, with a pure red block in the top-left
// corner and a pure green block in the top-right one (16x16, smaller on small images), so that any
// flip or turn moves them somewhere recognisable.
// With 4 channels, alpha varies from 40 to 255 across the image (never 0, so that lossless
// encoders keep the colour under it).
core::Image testPattern(int width, int height, int channels = 3);

// Our RGB(A) to OpenCV's BGR(A), for the encoders.
cv::Mat toBgrMat(const core::Image& image);

// cv::imencode, REQUIREd to succeed. ext is ".png", ".jpg", ".tiff", ".webp" or ".bmp".
ByteVector encodeWithOpenCv(const cv::Mat& bgr, const std::string& ext, const std::vector<int>& params = {});

void writeBytes(const std::filesystem::path& file, const ByteVector& bytes);
ByteVector readBytes(const std::filesystem::path& file);

// A JPEG with an APP1 Exif segment spliced in right after SOI: a TIFF header in the given byte
// order and one IFD holding only the orientation tag (0x0112).
ByteVector withExifOrientation(const ByteVector& jpeg, int orientation, bool bigEndian);

// A PNG built by hand (stored, uncompressed deflate) for what OpenCV cannot write: grey + alpha.
// colorType: 0 grey, 2 RGB, 4 grey+alpha, 6 RGBA; samples are row-major, 16-bit ones big-endian.
ByteVector makePng(int width, int height, int colorType, int bitDepth, const ByteVector& samples);
// Just the signature, an IHDR claiming the size, and IEND: a header with no pixels behind it.
ByteVector makePngHeaderOnly(std::uint32_t width, std::uint32_t height);

// An uncompressed 8-bit CMYK TIFF (photometric "separated", ink set CMYK); 0 is no ink.
ByteVector makeCmykTiff(int width, int height, const ByteVector& cmyk);
// A CMYK JPEG the way Photoshop writes one: Adobe marker and inverted ink values; 0 is no ink.
ByteVector makeCmykJpeg(int width, int height, const ByteVector& cmyk);

// Largest per-channel difference; both images must have the same shape (REQUIREd).
int maxDifference(const core::Image& a, const core::Image& b);
// Mean absolute per-channel difference.
double meanDifference(const core::Image& a, const core::Image& b);

}  // namespace smp::test
