#pragma once
// Key codes for ImGui 1.86, whose GLFW backend indexes io.KeysDown[] by GLFW key codes (the
// named ImGuiKey_ enum for every key only arrives in ImGui 1.87).

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <imgui.h>

namespace smp::ui {

inline bool keyPressed(int glfwKey) { return ImGui::IsKeyPressed(glfwKey, false); }
inline bool keyDown(int glfwKey) { return ImGui::IsKeyDown(glfwKey); }

}  // namespace smp::ui
