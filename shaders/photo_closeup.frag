#version 330 core
// Draws the photo with the dots when zoomed in past 100% of the dot layer. Bilinear filtering
// would turn a dot a few texels wide into a four-pointed star, so the pigment's transmittance is
// filtered with a cubic B-spline (round, and it keeps the light a dot takes away) and applied to
// the photo here. Filtering absorbance instead would darken dots as they are magnified: spread
// out, the same pigment takes away more light.

uniform sampler2D uPhoto;
uniform sampler2D uComposite;
uniform sampler2D uTransmittance;
uniform float uCloseUp;          // 0 at 100%, 1 from 200%: eases the change of filter in
uniform vec3 uBackgroundLinear;  // shows through transparent parts of the photo

in vec2 vPhotoUv;
out vec4 fragColor;

vec3 encodeSrgb(vec3 linear) {
    vec3 c = clamp(linear, 0.0, 1.0);
    vec3 low = c * 12.92;
    vec3 high = 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055;
    return mix(high, low, vec3(lessThanEqual(c, vec3(0.0031308))));
}

// Four bilinear taps that together weigh the 4x4 texels around uv with a cubic B-spline.
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
