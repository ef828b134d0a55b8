#include "core/dots/DotHash.h"

#include <cmath>
#include <numbers>

namespace smp::dots {

double DotHash::normal() {
    const double u = 1.0 - uniform();  // (0, 1]: log stays finite
    const double v = uniform();
    return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * v);
}

}  // namespace smp::dots
