#version 330 core
// The photo as the dots' pigment and the redness of fresh skin filter it, at the dot layer's
// resolution, and the light both let through. Pigment: Beer-Lambert per channel, T = exp(-A k):
// k is largest for red, so dots read blue-grey as carbon under skin does. Redness: blood in the
// inflamed skin, a filter that grows with the density of fresh punctures and saturates, so densely
// treated skin is evenly red and a stray puncture only blushes. Both filter the light the photo
// shows, so a shadow stays a shadow. Encoded to sRGB by hand, as photo.frag does, so the texture's
// 8 bits go where the eye sees them. Texel fetches are most of what this costs on llvmpipe: two.

uniform sampler2D uPhoto;    // texel for texel with the layer (DotLayer::photoOnLayer)
uniform sampler2D uPigment;  // absorbance, and gain x density of inflamed punctures (PigmentCanvas)
uniform vec3 uAbsorptionRgb;
uniform vec3 uInflamedRgb;   // what fully inflamed skin lets through, linear light

layout(location = 0) out vec4 composite;
layout(location = 1) out vec4 transmittance;  // for close-ups

vec3 encodeSrgb(vec3 linear) {
    vec3 c = clamp(linear, 0.0, 1.0);
    vec3 low = c * 12.92;
    vec3 high = 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055;
    return mix(high, low, vec3(lessThanEqual(c, vec3(0.0031308))));
}

void main() {
    ivec2 texel = ivec2(gl_FragCoord.xy);
    vec4 photo = texelFetch(uPhoto, texel, 0);
    vec2 pigment = texelFetch(uPigment, texel, 0).rg;
    // No redness: exp(0) = 1, so the filter is exactly 1 and the image exactly the pigment's.
    float inflamed = 1.0 - exp(-pigment.y);
    vec3 light = exp(-pigment.x * uAbsorptionRgb) * mix(vec3(1.0), uInflamedRgb, inflamed);
    composite = vec4(encodeSrgb(photo.rgb * light), photo.a);
    transmittance = vec4(encodeSrgb(light), 1.0);
}
