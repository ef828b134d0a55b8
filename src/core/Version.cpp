#include "core/Version.h"

namespace smp::core {

const char* versionString() { return SMP_VERSION; }

}  // namespace smp::core
