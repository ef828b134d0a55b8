#pragma once
// What a photo file is, read from its own bytes before any pixel is decoded: the format, the
// dimensions (so an oversized photo is refused before a gigabyte is allocated), whether the file
// is complete (OpenCV's decoders hand back half a picture from a cut-off file) and, for JPEG, the
// EXIF orientation (which OpenCV ignores with IMREAD_UNCHANGED).

#include "vision/ByteReader.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace smp::vision {

enum class ImageFormat { Jpeg, Png, Tiff, WebP, Bmp };

std::string_view formatName(ImageFormat format);

struct ImageHeader {
    ImageFormat format = ImageFormat::Jpeg;
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    // False when the file ends before its image data does (no JPEG EOI, no PNG IEND, a TIFF strip
    // or a BMP pixel array past the end, a RIFF chunk longer than the file).
    bool complete = false;
    // EXIF orientation 1-8 as stored; 1 (as shot) when there is none or it is unreadable.
    int orientation = 1;
    // True when the header proves there is no alpha although OpenCV returns four channels: a
    // CMYK TIFF comes back as BGRA with an opaque alpha made up by libtiff.
    bool alphaAbsent = false;
};

// The format from the magic bytes alone, or nothing for anything else.
std::optional<ImageFormat> sniffFormat(Bytes bytes);

// Throws ImageDataError: kNotAnImageReason for an unknown format, kCorruptReason when the
// dimensions cannot be read, or a specific reason ("animated WebP is not supported").
// A file that is cut off after its dimensions is returned with complete == false.
ImageHeader readImageHeader(Bytes bytes);

// One reader per format, each given bytes whose magic matched; used by readImageHeader.
ImageHeader readJpegHeader(Bytes bytes);
ImageHeader readPngHeader(Bytes bytes);
ImageHeader readTiffHeader(Bytes bytes);
ImageHeader readWebpHeader(Bytes bytes);
ImageHeader readBmpHeader(Bytes bytes);

}  // namespace smp::vision
