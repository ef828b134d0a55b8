#pragma once
// OpenCV logs its own warnings to stderr ("imread_: can't read data", decoder complaints). The
// loader and the writer report every failure as a one-line error of ours instead, so the library's
// log is turned down to real errors, here and nowhere else.

namespace smp::vision {

// Idempotent and thread-safe; the loader and writer call it before using OpenCV.
void quietOpenCvLogging();

}  // namespace smp::vision
