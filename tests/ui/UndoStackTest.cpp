// The undo stack on its own: steps, the limit, redo lost to a new edit, one step per lasting
// edit, and the clean (saved) state that the unsaved marker follows.
#include "ui/UndoStack.h"

#include <catch2/catch.hpp>

using namespace smp;

namespace {

core::Project projectWithSeed(std::uint64_t seed) {
    core::Project project;
    project.seed = seed;
    return project;
}

}  // namespace

TEST_CASE("undo goes back step by step and redo comes forward again", "[ui][undo]") {
    ui::UndoStack stack;
    stack.reset(true);
    REQUIRE_FALSE(stack.canUndo());
    REQUIRE_FALSE(stack.undo(projectWithSeed(1)).has_value());

    stack.record(projectWithSeed(1));  // 1 -> 2
    stack.record(projectWithSeed(2));  // 2 -> 3
    REQUIRE(stack.undoSteps() == 2);

    auto back = stack.undo(projectWithSeed(3));
    REQUIRE(back.has_value());
    REQUIRE(back->seed == 2);
    back = stack.undo(*back);
    REQUIRE(back->seed == 1);
    REQUIRE_FALSE(stack.undo(*back).has_value());
    REQUIRE(stack.redoSteps() == 2);

    auto forward = stack.redo(*back);
    REQUIRE(forward->seed == 2);
    forward = stack.redo(*forward);
    REQUIRE(forward->seed == 3);
    REQUIRE_FALSE(stack.redo(*forward).has_value());
}

TEST_CASE("a new edit after an undo clears the redo steps", "[ui][undo]") {
    ui::UndoStack stack;
    stack.reset(true);
    stack.record(projectWithSeed(1));
    stack.record(projectWithSeed(2));
    const auto back = stack.undo(projectWithSeed(3));
    REQUIRE(stack.canRedo());
    stack.record(*back);  // 2 -> 7, another way
    REQUIRE_FALSE(stack.canRedo());
    REQUIRE_FALSE(stack.redo(projectWithSeed(7)).has_value());
    REQUIRE(stack.undo(projectWithSeed(7))->seed == 2);
}

TEST_CASE("beyond its limit the stack forgets the oldest steps", "[ui][undo]") {
    ui::UndoStack stack(3);
    stack.reset(true);
    for (std::uint64_t seed = 1; seed <= 5; ++seed)
        stack.record(projectWithSeed(seed));
    REQUIRE(stack.undoSteps() == 3);
    core::Project current = projectWithSeed(6);
    std::vector<std::uint64_t> seen;
    while (auto back = stack.undo(current)) {
        seen.push_back(back->seed);
        current = *back;
    }
    REQUIRE(seen == std::vector<std::uint64_t>{5, 4, 3});
}

TEST_CASE("a lasting edit is one step, and none when it ends where it began", "[ui][undo]") {
    ui::UndoStack stack;
    stack.reset(true);
    stack.begin(projectWithSeed(1));
    REQUIRE(stack.editing());
    REQUIRE(stack.end(projectWithSeed(9)));  // many changes in between, one step
    REQUIRE_FALSE(stack.editing());
    REQUIRE(stack.undoSteps() == 1);

    stack.begin(projectWithSeed(9));
    REQUIRE_FALSE(stack.end(projectWithSeed(9)));  // a click without a move
    REQUIRE(stack.undoSteps() == 1);
    REQUIRE_FALSE(stack.end(projectWithSeed(5)));  // no edit under way: nothing to end
}

TEST_CASE("the clean state is the saved one: undo back to it is clean, past it is not", "[ui][undo]") {
    ui::UndoStack stack;
    stack.reset(true);
    REQUIRE(stack.isClean());
    stack.record(projectWithSeed(1));
    REQUIRE_FALSE(stack.isClean());
    stack.markClean();  // saved after one edit
    REQUIRE(stack.isClean());
    stack.record(projectWithSeed(2));
    REQUIRE_FALSE(stack.isClean());
    auto back = stack.undo(projectWithSeed(3));
    REQUIRE(stack.isClean());
    back = stack.undo(*back);
    REQUIRE_FALSE(stack.isClean());  // before the save
    back = stack.redo(*back);
    REQUIRE(stack.isClean());

    ui::UndoStack unsavedPhoto;
    unsavedPhoto.reset(false);  // a bare photo: nothing on disk to come back to
    REQUIRE_FALSE(unsavedPhoto.isClean());
    unsavedPhoto.record(projectWithSeed(1));
    (void)unsavedPhoto.undo(projectWithSeed(2));
    REQUIRE_FALSE(unsavedPhoto.isClean());
}

TEST_CASE("a clean state dropped off the bottom of the stack is never clean again", "[ui][undo]") {
    ui::UndoStack stack(2);
    stack.reset(true);  // state A, on disk
    stack.record(projectWithSeed(1));
    stack.record(projectWithSeed(2));
    stack.record(projectWithSeed(3));  // A's step is forgotten
    core::Project current = projectWithSeed(4);
    while (auto back = stack.undo(current)) {
        REQUIRE_FALSE(stack.isClean());
        current = *back;
    }
}
