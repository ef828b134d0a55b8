#include "render/PhotoTexture.h"

#include "render/RenderError.h"

#include <algorithm>
#include <string>

namespace smp::render {
namespace {

// Averages factor x factor blocks (partial blocks at the right and bottom edges over what they
// hold). Only for photos beyond the GPU's texture limit, which no phone makes.
core::Image shrinkByWholeFactor(const core::Image& photo, int factor) {
    core::Image small((photo.width + factor - 1) / factor, (photo.height + factor - 1) / factor, photo.channels);
    for (int y = 0; y < small.height; ++y)
        for (int x = 0; x < small.width; ++x)
            for (int c = 0; c < photo.channels; ++c) {
                int sum = 0, count = 0;
                for (int sy = y * factor; sy < std::min(photo.height, (y + 1) * factor); ++sy)
                    for (int sx = x * factor; sx < std::min(photo.width, (x + 1) * factor); ++sx, ++count)
                        sum += photo.at(sx, sy)[c];
                small.at(x, y)[c] = static_cast<std::uint8_t>((sum + count / 2) / count);
            }
    return small;
}

}  // namespace

PhotoTexture::PhotoTexture(const core::Image& photo) : size_{photo.width, photo.height} {
    if (photo.empty() || (photo.channels != 3 && photo.channels != 4))
        throw RenderError("photo texture needs an RGB or RGBA image");
    GLint maxSize = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &maxSize);
    const int longest = std::max(photo.width, photo.height);
    shrinkFactor_ = maxSize > 0 ? (longest + maxSize - 1) / maxSize : 1;
    const core::Image shrunk = shrinkFactor_ > 1 ? shrinkByWholeFactor(photo, shrinkFactor_) : core::Image();
    const core::Image& pixels = shrinkFactor_ > 1 ? shrunk : photo;

    texture_ = TextureHandle::create();
    glBindTexture(GL_TEXTURE_2D, texture_.get());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    const bool alpha = photo.channels == 4;
    glTexImage2D(GL_TEXTURE_2D, 0, alpha ? GL_SRGB8_ALPHA8 : GL_SRGB8, pixels.width, pixels.height, 0,
                 alpha ? GL_RGBA : GL_RGB, GL_UNSIGNED_BYTE, pixels.pixels.data());
    glGenerateMipmap(GL_TEXTURE_2D);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
    throwOnGlError("uploading the photo texture");
}

}  // namespace smp::render
