#version 330 core
// Covers the whole target with a triangle strip whose corners come from gl_VertexID.

void main() {
    vec2 corner = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1));
    gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
}
