#include "render/CpuComposite.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <thread>

namespace smp::render {
namespace {

double srgbToLinear(double s) {
    return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
}

// Below this many texels a second thread costs more to start than it saves.
constexpr std::size_t kTexelsWorthAThread = 1 << 15;

}  // namespace

const SrgbTables& SrgbTables::get() {
    static const SrgbTables tables;
    return tables;
}

SrgbTables::SrgbTables() {
    for (int b = 0; b < 256; ++b) {
        decode_[b] = float(srgbToLinear(b / 255.0));
        roundsUp_[b] = float(srgbToLinear((b + 0.5) / 255.0));
    }
    // From the thresholds themselves, so that the table and the correction never disagree.
    int byte = 0;
    for (int i = 0; i <= kCoarseSteps; ++i) {
        const float linear = float(i) / float(kCoarseSteps);
        while (byte < 255 && linear >= roundsUp_[byte]) ++byte;
        coarse_[i] = std::uint8_t(byte);
    }
}

void compositeRect(const core::Image& photo, std::span<const float> pigment, const PigmentOptics& optics,
                   core::RectPx rect, std::uint8_t* out, std::ptrdiff_t outRowBytes, int outChannels,
                   std::uint8_t* transmittance, std::ptrdiff_t transmittanceRowBytes) {
    const SrgbTables& srgb = SrgbTables::get();
    const int inChannels = photo.channels;
    const float absorption[3] = {optics.absorptionRed, optics.absorptionGreen, optics.absorptionBlue};
    // mix(1, inflamed, f) = 1 + f (inflamed - 1), as composite.frag has it.
    const float towardsInflamed[3] = {optics.rednessRed - 1.0f, optics.rednessGreen - 1.0f,
                                      optics.rednessBlue - 1.0f};
    for (int y = rect.y; y < rect.y + rect.height; ++y) {
        const std::uint8_t* in = photo.at(rect.x, y);
        const float* texel = pigment.data() + 2 * (std::ptrdiff_t(y) * photo.width + rect.x);
        std::uint8_t* to = out + std::ptrdiff_t(y - rect.y) * outRowBytes;
        std::uint8_t* through =
            transmittance ? transmittance + std::ptrdiff_t(y - rect.y) * transmittanceRowBytes : nullptr;
        for (int x = 0; x < rect.width; ++x, in += inChannels, texel += 2, to += outChannels) {
            const float absorbance = texel[0], redness = texel[1];
            if (outChannels == 4) to[3] = inChannels == 4 ? in[3] : 255;
            if (absorbance == 0.0f && redness == 0.0f) {
                // exp(0) = 1: the light is the photo's, byte for byte.
                to[0] = in[0], to[1] = in[1], to[2] = in[2];
                if (through) through[4 * x] = through[4 * x + 1] = through[4 * x + 2] = through[4 * x + 3] = 255;
                continue;
            }
            const float inflamed = redness == 0.0f ? 0.0f : 1.0f - std::exp(-redness);
            for (int c = 0; c < 3; ++c) {
                const float light = std::exp(-absorbance * absorption[c]) * (1.0f + inflamed * towardsInflamed[c]);
                to[c] = srgb.encode(srgb.decode(in[c]) * light);
                if (through) through[4 * x + c] = srgb.encode(light);
            }
            if (through) through[4 * x + 3] = 255;
        }
    }
}

void compositeTexels(const core::Image& photo, std::span<const float> pigment, const PigmentOptics& optics,
                     core::RectPx rect, std::uint8_t* composite, std::uint8_t* transmittance) {
    const std::ptrdiff_t rowBytes = 4 * std::ptrdiff_t(rect.width);
    const auto rows = [&](int from, int to) {
        const std::ptrdiff_t skip = std::ptrdiff_t(from) * rowBytes;
        compositeRect(photo, pigment, optics, {rect.x, rect.y + from, rect.width, to - from}, composite + skip,
                      rowBytes, 4, transmittance + skip, rowBytes);
    };
    const std::size_t texels = std::size_t(rect.width) * std::size_t(rect.height);
    if (texels < kTexelsWorthAThread || std::thread::hardware_concurrency() < 2) {
        rows(0, rect.height);
        return;
    }
    const int half = rect.height / 2;
    std::jthread lower(rows, half, rect.height);
    rows(0, half);
}

core::Image compositeImage(const core::Image& photo, std::span<const float> pigment, const PigmentOptics& optics) {
    if (photo.channels != 3 && photo.channels != 4) throw std::invalid_argument("the composite needs RGB or RGBA");
    if (pigment.size() != 2 * std::size_t(photo.width) * std::size_t(photo.height))
        throw std::invalid_argument("the pigment raster does not lie texel for texel on the photo");
    core::Image image(photo.width, photo.height, 3);
    const auto rows = [&](int y0, int y1) {
        compositeRect(photo, pigment, optics, {0, y0, photo.width, y1 - y0}, image.row(y0),
                      std::ptrdiff_t(image.rowBytes()), 3);
    };
    const std::size_t texels = std::size_t(photo.width) * std::size_t(photo.height);
    if (texels < kTexelsWorthAThread || std::thread::hardware_concurrency() < 2) {
        rows(0, photo.height);
        return image;
    }
    const int half = photo.height / 2;
    {
        std::jthread lower(rows, half, photo.height);
        rows(0, half);
    }
    return image;
}

}  // namespace smp::render
