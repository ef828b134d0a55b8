#include "ui/UndoStack.h"

#include <utility>

namespace smp::ui {

void UndoStack::reset(bool clean) {
    undo_.clear();
    redo_.clear();
    pending_.reset();
    currentId_ = ++nextId_;
    cleanId_.reset();
    if (clean) cleanId_ = currentId_;
}

void UndoStack::record(const core::Project& before) {
    undo_.push_back({before, currentId_});
    if (undo_.size() > limit_) undo_.erase(undo_.begin());
    redo_.clear();
    currentId_ = ++nextId_;
}

void UndoStack::begin(const core::Project& before) {
    pending_ = before;
}

bool UndoStack::end(const core::Project& now) {
    if (!pending_) return false;
    std::optional<core::Project> before = std::exchange(pending_, std::nullopt);
    if (*before == now) return false;
    record(*before);
    return true;
}

std::optional<core::Project> UndoStack::undo(const core::Project& current) {
    if (undo_.empty()) return std::nullopt;
    Step step = std::move(undo_.back());
    undo_.pop_back();
    redo_.push_back({current, currentId_});
    currentId_ = step.id;
    return std::move(step.project);
}

std::optional<core::Project> UndoStack::redo(const core::Project& current) {
    if (redo_.empty()) return std::nullopt;
    Step step = std::move(redo_.back());
    redo_.pop_back();
    undo_.push_back({current, currentId_});
    currentId_ = step.id;
    return std::move(step.project);
}

}  // namespace smp::ui
