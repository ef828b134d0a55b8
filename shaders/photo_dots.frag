#version 330 core
// Draws the photo with the dots, at 100% and below: one fetch of the composite (composite.frag),
// whose mipmaps average photo x pigment, so the view costs what the photo alone does. A shader of
// its own, not a branch in photo.frag: llvmpipe runs both sides of a branch.

uniform sampler2D uComposite;
uniform vec3 uBackgroundLinear;  // shows through transparent parts of the photo

in vec2 vPhotoUv;
out vec4 fragColor;

// sRGB's curve from square roots, not pow(): llvmpipe evaluates pow() as exp2(log2()) per channel,
// and that was a third of the cost of a frame. Within 0.4/255 of the exact curve, so every 8-bit
// value decoded by the texture comes back as itself.
vec3 encodeSrgb(vec3 linear) {
    vec3 c = clamp(linear, 0.0, 1.0);
    vec3 root2 = sqrt(c);
    vec3 root4 = sqrt(root2);
    vec3 root8 = sqrt(root4);
    vec3 high = 0.585122381 * root2 + 0.783140355 * root4 - 0.368262736 * root8;
    return mix(high, c * 12.92, vec3(lessThanEqual(c, vec3(0.0031308))));
}

void main() {
    vec4 texel = texture(uComposite, vPhotoUv);
    fragColor = vec4(encodeSrgb(mix(uBackgroundLinear, texel.rgb, texel.a)), 1.0);
}
