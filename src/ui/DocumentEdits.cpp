#include "ui/DocumentEdits.h"

#include <utility>

namespace smp::ui {
namespace {

void restore(AppState& state, core::Project project) {
    core::Project& current = state.document.client.project;
    project.timeline = current.timeline;
    project.view = current.view;
    current = std::move(project);
    state.document.unsavedChanges = !state.undo.isClean();
    ++state.document.designRevision;
    const auto& design = current.design;
    const int points = design ? static_cast<int>(design->hairline.points.size()) : 0;
    if (state.hairline.selected >= points) state.hairline.selected = -1;
    state.hairline.dragging = -1;
}

}  // namespace

void beginDocumentEdit(AppState& state) {
    state.undo.begin(state.document.client.project);
}

void endDocumentEdit(AppState& state) {
    if (!state.undo.editing()) return;
    state.undo.end(state.document.client.project);
    // A drag that came back to where it began leaves the document as it was.
    if (state.undo.isClean()) state.document.unsavedChanges = false;
}

void documentChanged(AppState& state) {
    state.document.unsavedChanges = true;
    ++state.document.designRevision;
}

void documentChanged(AppState& state, const core::Project& before) {
    if (!state.undo.editing()) state.undo.record(before);
    documentChanged(state);
}

void undoDocumentEdit(AppState& state) {
    if (state.undo.editing()) endDocumentEdit(state);
    if (auto previous = state.undo.undo(state.document.client.project)) restore(state, std::move(*previous));
}

void redoDocumentEdit(AppState& state) {
    if (state.undo.editing()) endDocumentEdit(state);
    if (auto next = state.undo.redo(state.document.client.project)) restore(state, std::move(*next));
}

void resetDocumentHistory(AppState& state, bool matchesDisk) {
    state.undo.reset(matchesDisk);
    state.hairline = {};
    ++state.document.designRevision;
}

}  // namespace smp::ui
