#pragma once
// How the asker follows an export and stops it. The window runs an export on a worker thread
// (a std::jthread, whose stop_token cancels it) and draws a progress bar from the reports; the
// command line prints a progress line when stderr is a terminal.

#include <functional>
#include <stdexcept>
#include <stop_token>
#include <string>
#include <utility>

namespace smp::outputs {

struct ExportProgress {
    int done = 0;        // steps finished
    int total = 1;       // steps in all (fixed for one export)
    std::string doing;   // what is under way, in the artist's words: "Rendering session 2, day 5"

    [[nodiscard]] double fraction() const { return total > 0 ? double(done) / double(total) : 1.0; }
};

// Called on the exporting thread, between steps (never while a file is half written). Keep it
// short: copy the report somewhere the window reads it under a lock or into atomics.
using ProgressCallback = std::function<void(const ExportProgress&)>;

struct ExportControl {
    ProgressCallback onProgress;  // may be empty
    std::stop_token stop;         // a stop request cancels at the next step
};

// Thrown when the stop token asked the export to stop. Nothing is left behind: no file, no
// temporary file, and an existing file at the output path is as it was.
class ExportCancelled : public std::runtime_error {
public:
    ExportCancelled() : std::runtime_error("export cancelled") {}
};

// Counts the steps of one export, reports each and honours a stop request between them.
class ExportSteps {
public:
    ExportSteps(const ExportControl& control, int total) : control_(control), progress_{0, total, {}} {}

    // Throws ExportCancelled when a stop was requested, then reports `doing` as under way.
    void begin(std::string doing) {
        throwIfStopped();
        progress_.doing = std::move(doing);
        if (control_.onProgress) control_.onProgress(progress_);
    }
    // Marks the step under way as finished.
    void finish() {
        if (progress_.done < progress_.total) ++progress_.done;
        if (control_.onProgress) control_.onProgress(progress_);
    }
    void throwIfStopped() const {
        if (control_.stop.stop_requested()) throw ExportCancelled();
    }

private:
    const ExportControl& control_;
    ExportProgress progress_;
};

}  // namespace smp::outputs
