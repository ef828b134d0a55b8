#pragma once

namespace smp::core {

// The release version, from the CMake project() line.
const char* versionString();

}  // namespace smp::core
