#version 330 core
// One instance per dot: a quad that holds the dot's Gaussian out to uReachSigmas, turned with the
// dot's long axis, placed on the pigment texture. Texel y runs down from the photo's top edge and
// the pigment texture's row 0 is the photo's top row, so no flip here: the photo pass samples the
// photo and the pigment with the same coordinates.

layout(location = 0) in vec2 aCentreTexels;
layout(location = 1) in vec2 aSigmaTexels;  // along, across the long axis
layout(location = 2) in vec2 aAnglePeak;    // long axis angle (rad), absorbance at the centre

uniform vec2 uTextureSize;
uniform float uReachSigmas;

out vec2 vSigmas;  // where this fragment lies in the Gaussian, in sigmas along each axis
flat out float vPeak;

void main() {
    vec2 corner = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1)) * 2.0 - 1.0;
    vSigmas = corner * uReachSigmas;
    vec2 axis = vec2(cos(aAnglePeak.x), sin(aAnglePeak.x));
    vec2 across = vec2(-axis.y, axis.x);
    vec2 texel = aCentreTexels + axis * (vSigmas.x * aSigmaTexels.x) + across * (vSigmas.y * aSigmaTexels.y);
    gl_Position = vec4(texel / uTextureSize * 2.0 - 1.0, 0.0, 1.0);
    vPeak = aAnglePeak.y;
}
