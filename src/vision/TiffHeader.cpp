// A TIFF's size comes from its first IFD; it is whole when every strip (or tile) of that first
// image lies inside the file. Later pages are not checked: OpenCV decodes only the first.

#include "vision/ImageHeader.h"
#include "vision/TiffIfd.h"

namespace smp::vision {
namespace {

constexpr std::uint32_t kPhotometricSeparated = 5;  // CMYK ink separations

// True when each of the data blocks named by the two tags lies within the file.
bool blocksInsideFile(const TiffIfd& ifd, Bytes bytes, std::uint16_t offsetsTag, std::uint16_t countsTag) {
    const std::vector<std::uint32_t> offsets = ifd.values(offsetsTag);
    const std::vector<std::uint32_t> counts = ifd.values(countsTag);
    if (offsets.empty() || offsets.size() != counts.size()) return false;
    for (std::size_t i = 0; i < offsets.size(); ++i)
        if (!fits(bytes, offsets[i], counts[i])) return false;
    return true;
}

}  // namespace

ImageHeader readTiffHeader(Bytes bytes) {
    const TiffIfd ifd = TiffIfd::readFirst(bytes);
    const std::optional<std::uint32_t> width = ifd.value(tiff_tag::kImageWidth);
    const std::optional<std::uint32_t> height = ifd.value(tiff_tag::kImageLength);
    if (!width || !height) throw ImageDataError(kCorruptReason);

    ImageHeader header;
    header.width = *width;
    header.height = *height;
    header.alphaAbsent =
        ifd.value(tiff_tag::kPhotometric) == kPhotometricSeparated && !ifd.has(tiff_tag::kExtraSamples);
    try {
        if (ifd.has(tiff_tag::kTileOffsets)) {
            header.complete = blocksInsideFile(ifd, bytes, tiff_tag::kTileOffsets, tiff_tag::kTileByteCounts);
        } else {
            header.complete = blocksInsideFile(ifd, bytes, tiff_tag::kStripOffsets, tiff_tag::kStripByteCounts);
        }
    } catch (const ImageDataError&) {
        header.complete = false;  // the offset tables themselves are past the end
    }
    return header;
}

}  // namespace smp::vision
