#version 330 core
// Draws the photo with the dots, at 100% and below: one fetch of the composite (composite.frag),
// whose mipmaps average photo x pigment, so the view costs what the photo alone does. A shader of
// its own, not a branch in photo.frag: llvmpipe runs both sides of a branch.

uniform sampler2D uComposite;
uniform vec3 uBackgroundLinear;  // shows through transparent parts of the photo

in vec2 vPhotoUv;
out vec4 fragColor;

vec3 encodeSrgb(vec3 linear) {
    vec3 c = clamp(linear, 0.0, 1.0);
    vec3 low = c * 12.92;
    vec3 high = 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055;
    return mix(high, low, vec3(lessThanEqual(c, vec3(0.0031308))));
}

void main() {
    vec4 texel = texture(uComposite, vPhotoUv);
    fragColor = vec4(encodeSrgb(mix(uBackgroundLinear, texel.rgb, texel.a)), 1.0);
}
