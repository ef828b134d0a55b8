#version 330 core
// Draws the photo with the dots from 100% to 200% of the dot layer: the composite's bilinear look
// eases into the close-up's (photo_closeup.frag), so that zooming in shows no jump in the dots.
// A shader of its own because from 200% on the composite is not needed, and llvmpipe would fetch
// it anyway behind a branch: one texture fetch costs about as much as the rest of the shader.

uniform sampler2D uPhoto;
uniform sampler2D uComposite;
uniform sampler2D uTransmittance;
uniform float uCloseUp;          // 0 at 100%, 1 from 200%: eases the change of filter in
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

// As in photo_closeup.frag: four bilinear taps that together weigh the 4x4 texels around uv with a
// cubic B-spline.
vec3 transmittanceBSpline(vec2 uv) {
    vec2 size = vec2(textureSize(uTransmittance, 0));
    vec2 p = uv * size - 0.5;
    vec2 i = floor(p);
    vec2 f = p - i;
    vec2 w0 = (1.0 - f) * (1.0 - f) * (1.0 - f) / 6.0;
    vec2 w1 = (4.0 - 6.0 * f * f + 3.0 * f * f * f) / 6.0;
    vec2 w3 = f * f * f / 6.0;
    vec2 g0 = w0 + w1;
    vec2 g1 = 1.0 - g0;
    vec2 at0 = (i - 0.5 + w1 / g0) / size;  // between texels i-1 and i, weighted
    vec2 at1 = (i + 1.5 + w3 / g1) / size;  // between texels i+1 and i+2
    return g0.y * (g0.x * texture(uTransmittance, vec2(at0.x, at0.y)).rgb +
                   g1.x * texture(uTransmittance, vec2(at1.x, at0.y)).rgb) +
           g1.y * (g0.x * texture(uTransmittance, vec2(at0.x, at1.y)).rgb +
                   g1.x * texture(uTransmittance, vec2(at1.x, at1.y)).rgb);
}

void main() {
    vec4 photo = texture(uPhoto, vPhotoUv);
    vec3 close = photo.rgb * transmittanceBSpline(vPhotoUv);
    vec3 skin = mix(texture(uComposite, vPhotoUv).rgb, close, uCloseUp);
    fragColor = vec4(encodeSrgb(mix(uBackgroundLinear, skin, photo.a)), 1.0);
}
