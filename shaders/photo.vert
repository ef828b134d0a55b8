#version 330 core
// Places the photo's rectangle in the view: photo pixels -> view pixels -> clip space.
// No vertex buffer: the four corners of a triangle strip come from gl_VertexID.

uniform vec2 uViewSizePx;   // the target's size in pixels
uniform vec2 uPhotoSizePx;  // the photo's size in pixels
uniform float uZoom;        // view pixels per photo pixel
uniform vec2 uOffsetPx;     // where the photo's top-left corner lands in the view

out vec2 vPhotoUv;

void main() {
    vec2 corner = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1));
    vec2 viewPx = uOffsetPx + corner * uPhotoSizePx * uZoom;
    vec2 ndc = viewPx / uViewSizePx * 2.0 - 1.0;
    // View rows grow downwards; clip space grows upwards.
    gl_Position = vec4(ndc.x, -ndc.y, 0.0, 1.0);
    vPhotoUv = corner;
}
