#include "render/GlHandle.h"

#include <catch2/catch.hpp>

#include <vector>

namespace {

// Stands in for a GL object kind: records which names were destroyed.
struct FakeTraits {
    static inline unsigned next = 1;
    static inline std::vector<unsigned> destroyed;
    static unsigned create() { return next++; }
    static void destroy(unsigned name) { destroyed.push_back(name); }
};
using Handle = smp::render::GlHandle<FakeTraits>;

}  // namespace

TEST_CASE("a GL handle deletes its object once, on destruction", "[render][raii]") {
    FakeTraits::destroyed.clear();
    unsigned name = 0;
    {
        Handle handle = Handle::create();
        name = handle.get();
        REQUIRE(name != 0);
    }
    REQUIRE(FakeTraits::destroyed == std::vector<unsigned>{name});
}

TEST_CASE("moving a GL handle transfers ownership and zeroes the source", "[render][raii]") {
    FakeTraits::destroyed.clear();
    Handle a = Handle::create();
    const unsigned name = a.get();
    Handle b(std::move(a));
    REQUIRE(a.get() == 0);  // NOLINT(bugprone-use-after-move): the zeroed state is the contract
    REQUIRE(b.get() == name);
    a.reset();
    REQUIRE(FakeTraits::destroyed.empty());  // name 0 is never deleted
}

TEST_CASE("move-assigning a GL handle releases the one it held first", "[render][raii]") {
    FakeTraits::destroyed.clear();
    Handle target = Handle::create();
    Handle source = Handle::create();
    const unsigned old = target.get();
    const unsigned moved = source.get();
    target = std::move(source);
    REQUIRE(FakeTraits::destroyed == std::vector<unsigned>{old});
    REQUIRE(target.get() == moved);
    REQUIRE(source.get() == 0);  // NOLINT(bugprone-use-after-move)

    Handle& alias = target;
    target = std::move(alias);  // self-move keeps the object alive
    REQUIRE(target.get() == moved);
    REQUIRE(FakeTraits::destroyed.size() == 1);
}
