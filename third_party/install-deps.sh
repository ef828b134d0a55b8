#!/usr/bin/env bash
# Installs the Debian packages that SMP Studio's build, app and tests need, and only the missing
# ones. Safe to run again: a machine that has everything installs nothing.
set -euo pipefail

# One line per concern so that a reader sees why each package is here.
packages=(
  # toolchain
  cmake g++ make pkg-config git
  # photo I/O and analysis; Haar cascades for face/eye detection
  libopencv-dev opencv-data
  # window, UI and the GL loader that serves both GLFW windows and headless EGL
  libimgui-dev libglfw3-dev libepoxy-dev libegl-dev libgl-dev
  # header-only libraries: image codecs for ImGui's font atlas, project files
  libstb-dev nlohmann-json3-dev
  # tests and benchmarks
  catch2 libbenchmark-dev
  # writes the CMYK JPEGs the photo-loading tests decode (OpenCV cannot write CMYK)
  libjpeg-dev
  # PNG exports: deflate a 24 MP image in ~0.6 s where zlib through libpng takes ~1.5 s
  libdeflate-dev
  # headless GL (Mesa's llvmpipe through EGL) and a virtual X server for the GUI tests
  libegl-mesa0 libglx-mesa0 libgl1-mesa-dri xvfb xauth
  # types keys into the window in the GUI tests (the recovery prompt's Enter, Delete, Ctrl+S)
  xdotool x11-apps
  # the UI font
  fonts-dejavu-core
  # the project-loader fuzzer (tests/fuzz): clang and its libFuzzer, ASan and UBSan runtimes
  clang libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "install-deps: done"
