#version 330 core
// Draws the photo. The texture is sRGB, so filtering and any compositing happen in linear light;
// the result is encoded back to sRGB here (not by GL_FRAMEBUFFER_SRGB) so that the same pixels
// come out of every target: the canvas texture ImGui shows, and the exports read back.

uniform sampler2D uPhoto;
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
    vec4 texel = texture(uPhoto, vPhotoUv);
    vec3 linear = mix(uBackgroundLinear, texel.rgb, texel.a);
    fragColor = vec4(encodeSrgb(linear), 1.0);
}
