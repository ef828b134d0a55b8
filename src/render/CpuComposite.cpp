#include "render/CpuComposite.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace smp::render {
namespace {

double srgbToLinear(double s) {
    return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
}

// Below this many texels a second thread costs more to start than it saves.
constexpr std::size_t kTexelsWorthAThread = 1 << 15;

// The light each channel lets through, exp(-absorbance k), tabulated against the absorbance:
// three exp() a texel were the better part of an edit's composite. Linear interpolation between
// entries 1/128 apart is within 2e-6 of exp() (k <= 1 here, error <= (k h)^2 / 8), far below
// the 1/255 an sRGB byte resolves; past the table exp() itself.
class LightTable {
public:
    explicit LightTable(const PigmentOptics& optics) : absorption_{optics.absorptionRed, optics.absorptionGreen,
                                                                   optics.absorptionBlue} {
        for (int i = 0; i <= kEntries; ++i)
            for (int c = 0; c < 3; ++c) light_[i][c] = std::exp(-float(i) / kPerUnit * absorption_[c]);
    }

    [[nodiscard]] bool madeFor(const PigmentOptics& optics) const {
        return absorption_[0] == optics.absorptionRed && absorption_[1] == optics.absorptionGreen &&
               absorption_[2] == optics.absorptionBlue;
    }

    void light(float absorbance, float out[3]) const {
        const float at = absorbance * kPerUnit;
        if (!(at >= 0.0f) || at >= float(kEntries)) {  // off the table (NaN too): as exp() has it
            for (int c = 0; c < 3; ++c) out[c] = std::exp(-absorbance * absorption_[c]);
            return;
        }
        const int i = int(at);
        const float f = at - float(i);
        for (int c = 0; c < 3; ++c) out[c] = light_[i][c] + f * (light_[i + 1][c] - light_[i][c]);
    }

private:
    static constexpr float kPerUnit = 128.0f;
    static constexpr int kEntries = 32 * 128;  // absorbance 0..32
    float absorption_[3];
    float light_[kEntries + 1][3];
};

// The table for `optics`, kept while the optics stay: an edit composites rectangle by rectangle.
std::shared_ptr<const LightTable> lightTableFor(const PigmentOptics& optics) {
    static std::mutex mutex;
    static std::shared_ptr<const LightTable> last;
    const std::lock_guard lock(mutex);
    if (!last || !last->madeFor(optics)) last = std::make_shared<const LightTable>(optics);
    return last;
}

void compositeRows(const LightTable& lights, const core::Image& photo, std::span<const float> pigment,
                   const PigmentOptics& optics, core::RectPx rect, std::uint8_t* out, std::ptrdiff_t outRowBytes,
                   int outChannels, std::uint8_t* transmittance, std::ptrdiff_t transmittanceRowBytes) {
    const SrgbTables& srgb = SrgbTables::get();
    const int inChannels = photo.channels;
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
            float light[3];
            lights.light(absorbance, light);
            if (redness != 0.0f) {
                const float inflamed = 1.0f - std::exp(-redness);
                for (int c = 0; c < 3; ++c) light[c] *= 1.0f + inflamed * towardsInflamed[c];
            }
            for (int c = 0; c < 3; ++c) {
                to[c] = srgb.encode(srgb.decode(in[c]) * light[c]);
                if (through) through[4 * x + c] = srgb.encode(light[c]);
            }
            if (through) through[4 * x + 3] = 255;
        }
    }
}

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
    const auto lights = lightTableFor(optics);
    compositeRows(*lights, photo, pigment, optics, rect, out, outRowBytes, outChannels, transmittance,
                  transmittanceRowBytes);
}

void compositeTexels(const core::Image& photo, std::span<const float> pigment, const PigmentOptics& optics,
                     core::RectPx rect, std::uint8_t* composite, std::uint8_t* transmittance) {
    const std::ptrdiff_t rowBytes = 4 * std::ptrdiff_t(rect.width);
    const auto lights = lightTableFor(optics);
    const auto rows = [&](int from, int to) {
        const std::ptrdiff_t skip = std::ptrdiff_t(from) * rowBytes;
        compositeRows(*lights, photo, pigment, optics, {rect.x, rect.y + from, rect.width, to - from}, composite + skip,
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
    const auto lights = lightTableFor(optics);
    const auto rows = [&](int y0, int y1) {
        compositeRows(*lights, photo, pigment, optics, {0, y0, photo.width, y1 - y0}, image.row(y0),
                      std::ptrdiff_t(image.rowBytes()), 3, nullptr, 0);
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
