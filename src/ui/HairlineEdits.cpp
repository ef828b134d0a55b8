#include "ui/HairlineEdits.h"

#include "core/Errors.h"
#include "ui/DocumentEdits.h"

namespace smp::ui {
namespace {

design::Design* designOf(AppState& state) {
    auto& design = state.document.client.project.design;
    return design ? &*design : nullptr;
}

bool validIndex(const design::Design& design, int index) {
    return index >= 0 && index < static_cast<int>(design.hairline.points.size());
}

}  // namespace

bool moveHairlinePoint(AppState& state, int index, core::Vec2 mm) {
    design::Design* design = designOf(state);
    if (!design || !validIndex(*design, index)) return false;
    design::Hairline moved = design->hairline;
    try {
        design::moveControlPoint(moved, design->face, index, mm);
        design::validateHairline(moved);
    } catch (const core::UsageError&) {
        return false;  // e.g. dragged onto its neighbour: the point waits where it last fitted
    }
    if (moved == design->hairline) return false;
    if (state.undo.editing()) {
        design->hairline = std::move(moved);
        documentChanged(state);
    } else {
        const core::Project before = state.document.client.project;
        design->hairline = std::move(moved);
        documentChanged(state, before);
    }
    return true;
}

int insertHairlinePoint(AppState& state, core::Vec2 mm) {
    design::Design* design = designOf(state);
    if (!design) return -1;
    design::Hairline grown = design->hairline;
    int index = -1;
    try {
        index = design::insertControlPoint(grown, design->face, mm);
        design::validateHairline(grown);
    } catch (const core::UsageError& error) {
        state.messages.error(std::string("No point added: ") + error.what());
        return -1;
    }
    const core::Project before = state.document.client.project;
    design->hairline = std::move(grown);
    documentChanged(state, before);
    return index;
}

bool deleteHairlinePoint(AppState& state, int index) {
    design::Design* design = designOf(state);
    if (!design || !validIndex(*design, index)) return false;
    design::Hairline shrunk = design->hairline;
    try {
        design::deleteControlPoint(shrunk, index);
        design::validateHairline(shrunk);
    } catch (const core::UsageError& error) {
        state.messages.error(std::string("Point kept: ") + error.what());
        return false;
    }
    const core::Project before = state.document.client.project;
    design->hairline = std::move(shrunk);
    documentChanged(state, before);
    return true;
}

}  // namespace smp::ui
