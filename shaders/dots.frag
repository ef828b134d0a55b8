#version 330 core
// A dot's absorbance at this texel; blending adds it to the other dots' (optical densities add).

in vec2 vSigmas;
flat in float vPeak;
out float absorbance;

void main() {
    absorbance = vPeak * exp(-0.5 * dot(vSigmas, vSigmas));
}
