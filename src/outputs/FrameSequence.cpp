#include "outputs/FrameSequence.h"

#include "outputs/OutputPath.h"
#include "core/Errors.h"
#include "vision/ImageWriter.h"

#include <algorithm>
#include <system_error>

namespace smp::outputs {

std::string frameFileName(int index, int count) {
    const int digits = std::max(3, int(std::to_string(std::max(count, 1)).size()));
    std::string number = std::to_string(index + 1);
    number.insert(0, std::size_t(std::max(0, digits - int(number.size()))), '0');
    return "frame-" + number + ".png";
}

void writeFrameSequence(const std::vector<core::Image>& frames, const std::filesystem::path& folder) {
    StagedOutput staged(folder, "");
    std::error_code error;
    std::filesystem::create_directory(staged.path(), error);
    if (error) throw core::InputError(folder.string() + ": cannot create the frames folder: " + error.message());
    const int count = int(frames.size());
    for (int i = 0; i < count; ++i) vision::writeImage(frames[std::size_t(i)], staged.path() / frameFileName(i, count));
    staged.commit();
}

}  // namespace smp::outputs
