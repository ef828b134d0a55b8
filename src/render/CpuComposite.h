#pragma once
// The photo as the dots' pigment and the fresh skin's redness filter it, on the CPU: the same
// light as shaders/composite.frag, for an export that maps the photo 1:1 onto its pixels. On
// llvmpipe the GL path spends a second on a 24 MP export drawing, mipmapping and reading back
// what this works out directly, mostly by copying the photo's bytes where no dot reaches.

#include "core/Geometry.h"
#include "core/Image.h"
#include "render/DotSplat.h"

#include <cstdint>
#include <span>

namespace smp::render {

// sRGB bytes <-> linear light, exact on every 8-bit value (the GPU's sRGB textures decode with a
// table too, and encoding rounds to the nearest byte as an 8-bit render target does).
class SrgbTables {
public:
    static const SrgbTables& get();

    [[nodiscard]] float decode(std::uint8_t byte) const { return decode_[byte]; }
    // The byte whose sRGB value lies nearest to encode(linear), linear clamped to 0..1.
    [[nodiscard]] std::uint8_t encode(float linear) const {
        if (!(linear > 0.0f)) return 0;  // NaN too
        if (linear >= 1.0f) return 255;
        // The table gives the byte at the step below, never too high; the thresholds (where
        // rounding moves to the next byte) then correct it by a byte or two at most.
        int byte = coarse_[int(linear * float(kCoarseSteps))];
        while (byte < 255 && linear >= roundsUp_[byte]) ++byte;
        return std::uint8_t(byte);
    }

private:
    SrgbTables();
    static constexpr int kCoarseSteps = 1 << 14;  // near black a step still spans a byte or so
    float decode_[256];
    float roundsUp_[256];  // the linear value from which a byte rounds up to the next
    std::uint8_t coarse_[kCoarseSteps + 1];
};

// Writes `rect` of the composite into `out` (rect's top-left at out[0], rows outRowBytes apart,
// outChannels 3 or 4; alpha the photo's or 255). The photo lies texel for texel on the pigment
// raster (PigmentCanvas::pigment, rows photo.width texels wide). A texel with no pigment and no
// redness gets the photo's own bytes.
// With `transmittance` (RGBA, rows transmittanceRowBytes apart) also the light the pigment and
// the redness let through, sRGB, alpha 255: the dot layer's close-up texture.
void compositeRect(const core::Image& photo, std::span<const float> pigment, const PigmentOptics& optics,
                   core::RectPx rect, std::uint8_t* out, std::ptrdiff_t outRowBytes, int outChannels,
                   std::uint8_t* transmittance = nullptr, std::ptrdiff_t transmittanceRowBytes = 0);

// The dot layer's textures for `rect`: the composite and the transmittance as RGBA, each rows of
// rect.width texels, on two threads when the rectangle is large enough to pay for one.
void compositeTexels(const core::Image& photo, std::span<const float> pigment, const PigmentOptics& optics,
                     core::RectPx rect, std::uint8_t* composite, std::uint8_t* transmittance);

// The whole composite as an RGB image, on two threads when the photo is large enough to pay for
// one (rows split in halves: the same bytes on any number of threads).
core::Image compositeImage(const core::Image& photo, std::span<const float> pigment, const PigmentOptics& optics);

}  // namespace smp::render
