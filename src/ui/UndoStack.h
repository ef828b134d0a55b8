#pragma once
// Undo and redo of the artist's edits, as snapshots of the project: a project is small (the
// design's points and zone runs, the plan), so a copy per step is cheap and nothing can be left
// out of an undo by forgetting to write its reverse.
//
// Every state the document passes through gets an id; `markClean` remembers the id of the saved
// state, so the unsaved marker follows undo and redo back to (and away from) what is on disk.

#include "core/Project.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace smp::ui {

class UndoStack {
public:
    static constexpr std::size_t kDefaultLimit = 100;
    explicit UndoStack(std::size_t limit = kDefaultLimit) : limit_(limit < 1 ? 1 : limit) {}

    // A new document: nothing to undo. `clean`: it is what the file on disk holds (an opened
    // project), otherwise nothing matches the disk (a bare photo, a recovered or relinked project).
    void reset(bool clean);

    // One finished edit: `before` is the project as it was. Clears the redo steps; drops the
    // oldest step beyond the limit.
    void record(const core::Project& before);

    // An edit that lasts (a drag, a brush stroke): `begin` keeps the project as it was, `end`
    // records one step if the project changed meanwhile. Returns whether a step was recorded.
    void begin(const core::Project& before);
    bool end(const core::Project& now);
    [[nodiscard]] bool editing() const { return pending_.has_value(); }

    // The project to go back (or forward) to, given the current one, which is kept for the way
    // back; none when there is no step.
    [[nodiscard]] std::optional<core::Project> undo(const core::Project& current);
    [[nodiscard]] std::optional<core::Project> redo(const core::Project& current);

    [[nodiscard]] bool canUndo() const { return !undo_.empty(); }
    [[nodiscard]] bool canRedo() const { return !redo_.empty(); }
    [[nodiscard]] std::size_t undoSteps() const { return undo_.size(); }
    [[nodiscard]] std::size_t redoSteps() const { return redo_.size(); }

    // The current state is what was just saved.
    void markClean() { cleanId_ = currentId_; }
    [[nodiscard]] bool isClean() const { return cleanId_ && *cleanId_ == currentId_; }

private:
    struct Step {
        core::Project project;
        std::uint64_t id = 0;
    };
    std::size_t limit_;
    std::vector<Step> undo_, redo_;  // oldest first; the back is the next to apply
    std::optional<core::Project> pending_;
    std::uint64_t currentId_ = 0, nextId_ = 0;
    std::optional<std::uint64_t> cleanId_;
};

}  // namespace smp::ui
