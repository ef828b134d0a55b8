#include "vision/OpenCvQuiet.h"

#include <opencv2/core/utils/logger.hpp>

#include <mutex>

namespace smp::vision {

void quietOpenCvLogging() {
    static std::once_flag once;
    std::call_once(once, [] { cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_ERROR); });
}

}  // namespace smp::vision
