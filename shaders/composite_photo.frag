#version 330 core
// The photo at the dot layer's size, for a photo larger than the layer (past kMaxPigmentSide):
// drawn once per photo so that the composite reads one texel per fragment. Written in linear
// light to an sRGB target that encodes it.

uniform sampler2D uPhoto;
uniform vec2 uSizeTexels;

out vec4 photo;

void main() {
    // The photo's mipmaps average the texels a layer texel covers.
    photo = texture(uPhoto, gl_FragCoord.xy / uSizeTexels);
}
