#include "vision/TiffIfd.h"

#include <array>

namespace smp::vision {
namespace {

constexpr std::uint16_t kTypeByte = 1;
constexpr std::uint16_t kTypeShort = 3;
constexpr std::uint16_t kTypeLong = 4;
constexpr std::uint16_t kTypeIfd = 13;

// Bytes per value of each TIFF field type, indexed by type: -, BYTE, ASCII, SHORT, LONG, RATIONAL,
// SBYTE, UNDEFINED, SSHORT, SLONG, SRATIONAL, FLOAT, DOUBLE, IFD. 0 for types this reader does not
// know, which the specification says to skip.
constexpr std::array<std::uint32_t, 14> kTypeSizes = {0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4};

std::uint32_t typeSize(std::uint16_t type) {
    return type < kTypeSizes.size() ? kTypeSizes[type] : 0;
}

bool isInteger(std::uint16_t type) {
    return type == kTypeByte || type == kTypeShort || type == kTypeLong || type == kTypeIfd;
}

}  // namespace

TiffIfd TiffIfd::readFirst(Bytes tiffBytes) {
    if (!fits(tiffBytes, 0, 8)) throw ImageDataError(kCorruptReason);
    Endian endian;
    if (tiffBytes[0] == 'I' && tiffBytes[1] == 'I') {
        endian = Endian::Little;
    } else if (tiffBytes[0] == 'M' && tiffBytes[1] == 'M') {
        endian = Endian::Big;
    } else {
        throw ImageDataError(kCorruptReason);
    }
    const std::uint16_t version = readU16(tiffBytes, 2, endian);
    if (version == 43) throw ImageDataError("BigTIFF is not supported");
    if (version != 42) throw ImageDataError(kCorruptReason);

    TiffIfd ifd(tiffBytes, endian);
    const std::uint64_t ifdOffset = readU32(tiffBytes, 4, endian);
    const std::uint16_t entryCount = readU16(tiffBytes, ifdOffset, endian);
    requireFits(tiffBytes, ifdOffset + 2, std::uint64_t{entryCount} * 12);
    ifd.entries_.reserve(entryCount);
    for (std::uint16_t i = 0; i < entryCount; ++i) {
        const std::uint64_t at = ifdOffset + 2 + std::uint64_t{i} * 12;
        ifd.entries_.push_back(Entry{readU16(tiffBytes, at, endian), readU16(tiffBytes, at + 2, endian),
                                     readU32(tiffBytes, at + 4, endian), at + 8});
    }
    return ifd;
}

const TiffIfd::Entry* TiffIfd::find(std::uint16_t tag) const {
    for (const Entry& entry : entries_)
        if (entry.tag == tag) return &entry;
    return nullptr;
}

bool TiffIfd::has(std::uint16_t tag) const {
    return find(tag) != nullptr;
}

std::optional<std::uint32_t> TiffIfd::value(std::uint16_t tag) const {
    const Entry* entry = find(tag);
    if (entry == nullptr || !isInteger(entry->type) || entry->count == 0) return std::nullopt;
    try {
        // The first value: inline when all values fit in 4 bytes, else at the stored offset.
        const std::uint32_t size = typeSize(entry->type);
        const std::uint64_t at =
            std::uint64_t{entry->count} * size <= 4 ? entry->valueField : readU32(bytes_, entry->valueField, endian_);
        return readUInt(bytes_, at, static_cast<int>(size), endian_);
    } catch (const ImageDataError&) {
        return std::nullopt;
    }
}

std::vector<std::uint32_t> TiffIfd::values(std::uint16_t tag) const {
    const Entry* entry = find(tag);
    if (entry == nullptr || !isInteger(entry->type)) return {};
    const std::uint32_t size = typeSize(entry->type);
    const std::uint64_t total = std::uint64_t{entry->count} * size;
    const std::uint64_t at = total <= 4 ? entry->valueField : readU32(bytes_, entry->valueField, endian_);
    requireFits(bytes_, at, total);  // also bounds the allocation below by the file's size
    std::vector<std::uint32_t> result(entry->count);
    for (std::uint32_t i = 0; i < entry->count; ++i)
        result[i] = readUInt(bytes_, at + std::uint64_t{i} * size, static_cast<int>(size), endian_);
    return result;
}

}  // namespace smp::vision
