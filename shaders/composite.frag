#version 330 core
// The photo as the dots' pigment darkens it, at the dot layer's resolution, and the light the
// pigment lets through. Beer-Lambert per
// channel, T = exp(-A k): k is largest for red, so dots read blue-grey as carbon under skin does.
// The pigment filters the light the photo shows, so a shadow stays a shadow over the dots.
// Encoded to sRGB by hand, as photo.frag does, so the texture's 8 bits go where the eye sees them.

uniform sampler2D uPhoto;
uniform sampler2D uAbsorbance;
uniform vec2 uSizeTexels;
uniform vec3 uAbsorptionRgb;

layout(location = 0) out vec4 composite;
layout(location = 1) out vec4 transmittance;  // for close-ups

vec3 encodeSrgb(vec3 linear) {
    vec3 c = clamp(linear, 0.0, 1.0);
    vec3 low = c * 12.92;
    vec3 high = 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055;
    return mix(high, low, vec3(lessThanEqual(c, vec3(0.0031308))));
}

void main() {
    // Texel centres of equal-sized textures line up exactly; a smaller layer (a photo past
    // kMaxPigmentSide) samples the photo's mipmaps.
    vec4 photo = texture(uPhoto, gl_FragCoord.xy / uSizeTexels);
    float absorbance = texelFetch(uAbsorbance, ivec2(gl_FragCoord.xy), 0).r;
    vec3 light = exp(-absorbance * uAbsorptionRgb);
    composite = vec4(encodeSrgb(photo.rgb * light), photo.a);
    transmittance = vec4(encodeSrgb(light), 1.0);
}
