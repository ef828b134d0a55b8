#include "ui/ExportJob.h"

#include "core/Errors.h"

#include <exception>
#include <utility>

namespace smp::ui {

ExportJob::~ExportJob() {
    worker_.request_stop();
}

void ExportJob::start(outputs::ExportSource source, outputs::ExportSettings settings) {
    if (running()) throw core::UsageError("an export is already running: wait for it or cancel it");
    outputs::checkExportRequest(settings);
    if (worker_.joinable()) worker_.join();  // the last one is done; its thread ends
    {
        const std::lock_guard lock(mutex_);
        running_ = true;
        progress_ = {0, 1, "Starting"};
        outcome_.reset();
    }
    worker_ = std::jthread([this, source = std::move(source), settings = std::move(settings)](std::stop_token stop) {
        ExportOutcome outcome;
        const outputs::ExportControl control{[this](const outputs::ExportProgress& p) {
                                                 const std::lock_guard lock(mutex_);
                                                 progress_ = p;
                                             },
                                             stop};
        try {
            outcome.result = outputs::exportWithOwnContext(source, settings, control);
            outcome.status = ExportOutcome::Status::Written;
            outcome.message = "Exported " + outcome.result.written.string();
            for (const std::string& note : outcome.result.notes) outcome.message += "\n" + note;
        } catch (const outputs::ExportCancelled&) {
            outcome.status = ExportOutcome::Status::Cancelled;
            outcome.message = "Export cancelled: nothing was written";
        } catch (const std::exception& error) {
            outcome.status = ExportOutcome::Status::Failed;
            outcome.message = std::string("Export failed: ") + error.what();
        }
        const std::lock_guard lock(mutex_);
        outcome_ = std::move(outcome);
        running_ = false;
    });
}

void ExportJob::cancel() {
    worker_.request_stop();
}

bool ExportJob::running() const {
    const std::lock_guard lock(mutex_);
    return running_;
}

outputs::ExportProgress ExportJob::progress() const {
    const std::lock_guard lock(mutex_);
    return progress_;
}

std::optional<ExportOutcome> ExportJob::takeOutcome() {
    const std::lock_guard lock(mutex_);
    return std::exchange(outcome_, std::nullopt);
}

}  // namespace smp::ui
