#version 330 core
// Draws the photo. The texture is sRGB, so filtering and any compositing happen in linear light;
// the result is encoded back to sRGB here (not by GL_FRAMEBUFFER_SRGB) so that the same pixels
// come out of every target: the canvas texture ImGui shows, and the exports read back.

uniform sampler2D uPhoto;
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
    vec4 texel = texture(uPhoto, vPhotoUv);
    vec3 linear = mix(uBackgroundLinear, texel.rgb, texel.a);
    fragColor = vec4(encodeSrgb(linear), 1.0);
}
