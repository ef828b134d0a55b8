#pragma once
// An export running off the UI thread (its own headless OpenGL context, outputs/
// ConsultationExport.h), so that the window never freezes: the panel reads its progress every
// frame, Cancel stops it between steps, and the outcome is collected once it is done. No ImGui.

#include "outputs/ConsultationExport.h"

#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace smp::ui {

// The Export panel's choices, kept between frames and between exports.
struct ExportPanelState {
    bool open = false;
    outputs::ExportKind kind = outputs::ExportKind::BeforeAfter;
    std::string path;        // empty: defaultExportPath's
    int widthPx = 0;         // 0: the photo's own resolution
    int jpegQuality = 92;
    std::string clientName;
    std::string startDate;   // YYYY-MM-DD, or empty
    int daysBetweenSessions = 14;
    bool dayOne = false;
};

struct ExportOutcome {
    enum class Status { Written, Cancelled, Failed };
    Status status = Status::Failed;
    std::string message;  // what to tell the artist: where it went, or what went wrong
    outputs::ExportResult result;
};

class ExportJob {
public:
    ExportJob() = default;
    ExportJob(const ExportJob&) = delete;
    ExportJob& operator=(const ExportJob&) = delete;
    ~ExportJob();  // cancels a running export and waits for it: nothing half written is left

    // Checks the request (throws core::UsageError / core::InputError as checkExportRequest does,
    // before any work) and starts it. Throws core::UsageError while another export runs.
    void start(outputs::ExportSource source, outputs::ExportSettings settings);
    void cancel();

    [[nodiscard]] bool running() const;
    [[nodiscard]] outputs::ExportProgress progress() const;
    // The finished export's outcome, once; empty while it runs or when none finished since.
    [[nodiscard]] std::optional<ExportOutcome> takeOutcome();

private:
    mutable std::mutex mutex_;
    outputs::ExportProgress progress_;
    std::optional<ExportOutcome> outcome_;
    bool running_ = false;
    std::jthread worker_;  // last member: joined first, while the rest still exists
};

}  // namespace smp::ui
