#pragma once
// The time-lapse as numbered PNG frames in a folder ("frame-001.png", ...), for a system whose
// OpenCV cannot encode video or when the artist asks for frames. Written into a hidden folder
// beside the target and renamed into place whole, so a failure leaves no half-filled folder.

#include "core/Image.h"

#include <filesystem>
#include <string>
#include <vector>

namespace smp::outputs {

// "frame-007.png" for index 6 of a sequence of fewer than 1000.
[[nodiscard]] std::string frameFileName(int index, int count);

// Writes every frame and puts the folder at `folder` (replacing a folder there). Throws
// core::InputError naming the folder when it cannot be written.
void writeFrameSequence(const std::vector<core::Image>& frames, const std::filesystem::path& folder);

}  // namespace smp::outputs
