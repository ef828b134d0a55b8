#include "app/ExportCommand.h"

#include "outputs/ConsultationExport.h"
#include "vision/ClientDocument.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cmath>
#include <ostream>
#include <stop_token>
#include <string>
#include <thread>

namespace smp::app {
namespace {

// "\r[ 45%] Rendering session 2, day 5", padded so a shorter line covers a longer one.
class ProgressLine {
public:
    explicit ProgressLine(std::ostream& err) : err_(err) {}
    ~ProgressLine() { end(); }
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    void show(const outputs::ExportProgress& progress) {
        const int percent = int(std::lround(progress.fraction() * 100.0));
        std::string line = "[" + std::string(percent < 10 ? "  " : percent < 100 ? " " : "") + std::to_string(percent) +
                           "%] " + progress.doing;
        const std::size_t width = std::max(line.size(), shown_);
        shown_ = line.size();
        line.resize(width, ' ');
        err_ << '\r' << line << std::flush;
        started_ = true;
    }
    void end() {
        if (!started_) return;
        err_ << '\r' << std::string(shown_, ' ') << '\r' << std::flush;
        started_ = false;
    }

private:
    std::ostream& err_;
    std::size_t shown_ = 0;
    bool started_ = false;
};

// Ctrl+C during an export: the handler only raises a flag; the export sees it at its next step
// through the stop token and cleans up its temporary files before main reports the cancel.
volatile std::sig_atomic_t interrupted = 0;

extern "C" void onInterrupt(int) { interrupted = 1; }

class InterruptCancels {
public:
    InterruptCancels() { previous_ = std::signal(SIGINT, onInterrupt); }
    ~InterruptCancels() { std::signal(SIGINT, previous_ == SIG_ERR ? SIG_DFL : previous_); }
    InterruptCancels(const InterruptCancels&) = delete;
    InterruptCancels& operator=(const InterruptCancels&) = delete;

private:
    void (*previous_)(int) = SIG_DFL;
};

std::string describe(const outputs::ExportResult& result) {
    std::string text = "wrote " + result.written.string() + " (" + std::to_string(result.size.width) + " x " +
                       std::to_string(result.size.height) + " px";
    if (result.kind == outputs::ExportKind::Timelapse) {
        text += ", " + std::to_string(result.frames) + (result.wroteFrameFolder ? " PNG frames" : " frames");
        if (!result.videoCodec.empty()) text += ", " + result.videoCodec;
    }
    return text + ")";
}

}  // namespace

void runExportCommand(const ExportRequest& request, std::ostream& out, std::ostream& err, bool errIsTerminal) {
    // The request and the folder are checked before the photo is even read: a typo fails at once.
    outputs::checkExportRequest(request.settings);
    vision::ClientDocument document = vision::openClientDocument(request.input);
    const outputs::ExportSource source{std::move(document.project), std::move(document.photo)};

    ProgressLine progress(err);
    std::stop_source stop;
    const InterruptCancels interruptCancels;
    outputs::ExportControl control;
    control.stop = stop.get_token();
    if (errIsTerminal) control.onProgress = [&progress](const outputs::ExportProgress& p) { progress.show(p); };
    // Turns the signal handler's flag into a stop request, within 50 ms, even in a long step.
    const std::jthread watcher([&stop](std::stop_token done) {
        while (!done.stop_requested()) {
            if (interrupted) {
                stop.request_stop();
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    });
    const auto started = std::chrono::steady_clock::now();
    const outputs::ExportResult result = outputs::exportWithOwnContext(source, request.settings, control);
    progress.end();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    for (const std::string& note : result.notes) err << "smp-studio: " << note << "\n";
    char elapsed[32];
    std::snprintf(elapsed, sizeof elapsed, "%.1f", seconds);
    out << describe(result) << " in " << elapsed << " s\n";
}

}  // namespace smp::app
