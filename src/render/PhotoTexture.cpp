#include "render/PhotoTexture.h"

#include "render/RenderError.h"

#include <string>

namespace smp::render {

PhotoTexture::PhotoTexture(const core::Image& photo) : size_{photo.width, photo.height} {
    if (photo.empty() || (photo.channels != 3 && photo.channels != 4))
        throw RenderError("photo texture needs an RGB or RGBA image");
    GLint maxSize = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &maxSize);
    if (photo.width > maxSize || photo.height > maxSize)
        throw RenderError("the photo is " + std::to_string(photo.width) + "x" + std::to_string(photo.height) +
                          " px; this GPU draws at most " + std::to_string(maxSize) + " px on a side");

    texture_ = TextureHandle::create();
    glBindTexture(GL_TEXTURE_2D, texture_.get());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    const bool alpha = photo.channels == 4;
    glTexImage2D(GL_TEXTURE_2D, 0, alpha ? GL_SRGB8_ALPHA8 : GL_SRGB8, photo.width, photo.height, 0,
                 alpha ? GL_RGBA : GL_RGB, GL_UNSIGNED_BYTE, photo.pixels.data());
    glGenerateMipmap(GL_TEXTURE_2D);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
    throwOnGlError("uploading the photo texture");
}

}  // namespace smp::render
