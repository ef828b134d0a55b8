// Walks a JPEG's marker segments: the frame header (SOFn) gives the size, an APP1 "Exif" segment
// the orientation, and the EOI marker after the last scan proves the file is whole. libjpeg only
// warns about a cut-off file and OpenCV then returns the grey-filled half picture, so the walk is
// what rejects it. Bytes after EOI are allowed: phones append videos and trailers there.

#include "vision/ExifOrientation.h"
#include "vision/ImageHeader.h"

#include <cstring>

namespace smp::vision {
namespace {

constexpr std::uint8_t kEoi = 0xD9;
constexpr std::uint8_t kSos = 0xDA;
constexpr std::uint8_t kApp1 = 0xE1;

// SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.
bool isStartOfFrame(std::uint8_t marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

// Markers that stand alone, with no length field: TEM and the restart markers RST0-RST7.
bool isStandalone(std::uint8_t marker) {
    return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7);
}

// Skips entropy-coded scan data from pos; returns the position of the next real marker's 0xFF, or
// bytes.size() when the data runs to the end. Inside a scan 0xFF is followed by 0x00 (a stuffed
// data byte) or a restart marker, neither of which ends the scan.
std::size_t skipScanData(Bytes bytes, std::size_t pos) {
    while (pos < bytes.size()) {
        const void* found = std::memchr(bytes.data() + pos, 0xFF, bytes.size() - pos);
        if (found == nullptr) return bytes.size();
        pos = static_cast<std::size_t>(static_cast<const std::uint8_t*>(found) - bytes.data());
        if (pos + 1 >= bytes.size()) return bytes.size();
        const std::uint8_t next = bytes[pos + 1];
        if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
            pos += 2;
        } else if (next == 0xFF) {
            pos += 1;  // fill byte before a marker
        } else {
            return pos;
        }
    }
    return bytes.size();
}

void readFrameHeader(Bytes segment, ImageHeader& header) {
    // P (precision), Y (lines), X (samples per line), Nf (components)
    header.height = readU16(segment, 1, Endian::Big);
    header.width = readU16(segment, 3, Endian::Big);
}

}  // namespace

ImageHeader readJpegHeader(Bytes bytes) {
    ImageHeader header;
    bool frameSeen = false;
    bool exifSeen = false;
    std::size_t pos = 2;  // after SOI
    while (pos < bytes.size()) {
        // Tolerate stray bytes between segments as libjpeg does (it warns and resynchronises).
        if (bytes[pos] != 0xFF) {
            ++pos;
            continue;
        }
        while (pos < bytes.size() && bytes[pos] == 0xFF)
            ++pos;  // fill bytes
        if (pos >= bytes.size()) break;
        const std::uint8_t marker = bytes[pos++];
        if (marker == kEoi) {
            header.complete = frameSeen;
            break;
        }
        if (isStandalone(marker)) continue;
        if (!fits(bytes, pos, 2)) break;
        const std::uint16_t length = readU16(bytes, pos, Endian::Big);  // includes its own 2 bytes
        if (length < 2 || !fits(bytes, pos, length)) break;
        const Bytes segment = bytes.subspan(pos + 2, length - 2u);
        pos += length;

        if (isStartOfFrame(marker) && !frameSeen) {
            readFrameHeader(segment, header);
            frameSeen = true;
        } else if (marker == kApp1 && !exifSeen && hasTag(segment, 0, std::string_view("Exif\0\0", 6))) {
            header.orientation = readExifOrientation(segment.subspan(6));
            exifSeen = true;
        } else if (marker == kSos) {
            if (!frameSeen) break;  // a scan before the frame header: not decodable
            pos = skipScanData(bytes, pos);
        }
    }
    // Dimensions are all the caller needs to refuse an oversized file, so only their absence is an
    // error here; a missing EOI shows as complete == false.
    if (!frameSeen) throw ImageDataError(kCorruptReason);
    return header;
}

}  // namespace smp::vision
