#pragma once
// Autosave of unsaved work, and its recovery after a crash. No window needed: the caller gives
// the time and the document each frame.
//
// A document with unsaved changes is written to a recovery file once it has had them for the
// autosave interval (30 s; $SMP_AUTOSAVE_SECONDS overrides it, for tests), then again every
// interval while its content keeps changing. The frame only copies the project; serializing and
// the atomic write (with its fsync) run on a worker thread, so a slow disk never stalls the
// window. Files live in the recovery folder
// (<XDG state>/smp-studio/recovery/), one per document:
//   project-<hash of the project file's path>.smp-recovery.json   a project saved before
//   untitled-<hash of the photo's path>.smp-recovery.json         a photo never saved as a project
// and are written atomically. A clean save or an explicit discard removes the document's file. A
// quit or a switch to another document leaves it, so work lost without a save is offered at the
// next start (the app does not ask before quitting).
//
// The file is JSON:
//   { "format": "smp-studio-recovery", "version": 1,
//     "photoPath": "/abs/photo.jpg",
//     "projectFile": "/abs/client.smp.json" or "" when never saved,
//     "project": { the project exactly as core::serializeProject writes it, with its photo path
//                  relative to the project file's folder (the photo's own when never saved) } }

#include "core/Project.h"

#include <filesystem>
#include <future>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace smp::vision {
struct ClientDocument;
}

namespace smp::ui {

struct Document;

inline constexpr double kAutosaveIntervalSeconds = 30.0;
inline constexpr std::string_view kRecoveryFormat = "smp-studio-recovery";
inline constexpr int kRecoveryVersion = 1;
inline constexpr std::string_view kRecoveryExtension = ".smp-recovery.json";

// The interval from $SMP_AUTOSAVE_SECONDS-style text: a number of seconds above 0 (fractions
// allowed); anything else (absent, empty, not a number) gives the 30 s default.
double autosaveIntervalFrom(const char* text);

// A recovery file found at start, read.
struct Recovery {
    std::filesystem::path file;         // the recovery file itself
    std::filesystem::path projectFile;  // where the project was saved; empty when never saved
    std::filesystem::path photoPath;
    core::Project project;
    std::optional<std::filesystem::file_time_type> writtenAt;
    std::string error;  // why the file cannot be read; such a file can only be discarded

    [[nodiscard]] bool readable() const { return error.empty(); }
    // "client.smp.json", "front.jpg (never saved)", or the recovery file's own name when unreadable.
    [[nodiscard]] std::string displayName() const;
};

// "project-<16 hex>" or "untitled-<16 hex>": stable across runs (FNV-1a of the absolute path).
std::string recoveryKey(const std::filesystem::path& projectFile, const std::filesystem::path& photoPath);
std::string serializeRecovery(const core::Project& project, const std::filesystem::path& projectFile);
std::string serializeRecovery(const vision::ClientDocument& client);
// Never throws: a file that cannot be read or parsed comes back with `error` set.
Recovery readRecovery(const std::filesystem::path& file);

class Autosaver {
public:
    Autosaver() = default;  // off: writes nothing, finds nothing
    // Lists the recovery files already in the folder (they are "pending" until recovered or
    // discarded, and never overwritten meanwhile). The folder is created on the first write.
    explicit Autosaver(std::filesystem::path recoveryFolder, double intervalSeconds = kAutosaveIntervalSeconds);
    ~Autosaver();  // waits for a write in progress
    Autosaver(Autosaver&&) noexcept = default;
    Autosaver& operator=(Autosaver&& other) noexcept;

    // Call every frame. Starts writing the document's recovery file when it has had unsaved
    // changes for the interval since they appeared or since the last write, and its project
    // differs from the one last written. A failed write is kept for takeFailure() and retried an
    // interval later.
    void tick(double nowSeconds, const Document& document);
    // Waits for a write in progress to land (tests; the removals below do it themselves).
    void finishWriting();
    // The document was saved cleanly / its unsaved work was thrown away: its recovery file goes.
    void onSaved();
    void onDiscarded();

    // The recovery files found at start that are still pending, read now, in name order.
    [[nodiscard]] std::vector<Recovery> pendingRecoveries() const;
    // The recovered document is now the open one; this file protects it from here on.
    void adopt(const Recovery& recovery);
    // Deletes a recovery file. Throws core::InputError when it cannot be removed.
    void discard(const Recovery& recovery);

    // The last write failure, once, when that write has finished.
    std::optional<std::string> takeFailure();

    [[nodiscard]] const std::filesystem::path& folder() const { return folder_; }
    // The open document's recovery file (written or adopted); empty when there is none.
    [[nodiscard]] const std::filesystem::path& documentFile() const { return documentFile_; }
    [[nodiscard]] double intervalSeconds() const { return interval_; }

private:
    void collectWrite(bool wait);
    void forgetDocument(bool removeFile);
    std::filesystem::path freeFileFor(const std::string& key) const;

    std::filesystem::path folder_;
    double interval_ = kAutosaveIntervalSeconds;
    std::set<std::string> pending_;  // file names found at start, not yet recovered or discarded
    std::string documentKey_;        // recoveryKey() of the document documentFile_ belongs to
    std::filesystem::path documentFile_;
    std::optional<double> dirtySince_;  // when the current period of unsaved changes began
    std::optional<core::Project> lastWritten_;
    std::future<std::optional<std::string>> writing_;  // the write in progress: its failure, if any
    std::optional<std::string> failure_;
};

}  // namespace smp::ui
