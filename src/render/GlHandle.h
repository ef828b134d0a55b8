#pragma once
// Move-only ownership of one GL object name. Copying is deleted (two owners would delete twice);
// a move leaves the source at 0; move-assignment releases the handle it held first; name 0 is
// never deleted. Traits supply create() and destroy(GLuint) for each kind of object.

#include <utility>

namespace smp::render {

template <typename Traits>
class GlHandle {
public:
    using Name = decltype(Traits::create());

    GlHandle() noexcept = default;
    explicit GlHandle(Name name) noexcept : name_(name) {}
    ~GlHandle() { reset(); }

    GlHandle(const GlHandle&) = delete;
    GlHandle& operator=(const GlHandle&) = delete;

    GlHandle(GlHandle&& other) noexcept : name_(std::exchange(other.name_, Name{})) {}
    GlHandle& operator=(GlHandle&& other) noexcept {
        if (this != &other) {
            reset();
            name_ = std::exchange(other.name_, Name{});
        }
        return *this;
    }

    static GlHandle create() { return GlHandle(Traits::create()); }

    void reset() noexcept {
        if (name_ != Name{}) Traits::destroy(name_);
        name_ = Name{};
    }
    [[nodiscard]] Name get() const noexcept { return name_; }
    explicit operator bool() const noexcept { return name_ != Name{}; }

private:
    Name name_{};
};

}  // namespace smp::render
