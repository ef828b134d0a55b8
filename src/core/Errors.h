#pragma once
// Typed errors. The command line maps them to exit codes (UsageError 2, InputError 3) and the
// window shows their text; every message names the file or the field and the reason.

#include <stdexcept>
#include <string>

namespace smp::core {

// The user asked for something malformed: an unknown flag, a width of zero.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A file could not be read or written, or its content is not what it should be.
class InputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace smp::core
