#pragma once
// Turns a sampled position into the artist's dot: size, shade, shape, the odd follicular unit,
// scatter at the front of a faded hairline, and whether it sheds before the next session.

#include "core/dots/DensityField.h"
#include "core/dots/Dot.h"
#include "core/dots/LayerSampler.h"
#include "core/dots/SessionPlan.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace smp::dots {

struct SessionContext {
    const DensityField& field;
    const Session& session;
    const Imperfection& imperfection;
    std::uint64_t seed;
    int index;
    bool last;  // nothing sheds after the last session
};

// Appends the dot (and the rest of its follicular unit, if it starts one) to `out`.
void decorateDot(const SessionContext& context, const SampledDot& sampled, std::uint32_t& nextUnit,
                 std::vector<Dot>& out);

// Follicular units take ids from here up until UnitNumbers renumbers them.
inline constexpr std::uint32_t kProvisionalUnits = 0x8000'0000u;

// Gives follicular units the ids 1, 2, 3, ... in the order they appear (a unit's dots are
// consecutive), over one span of dots after another.
class UnitNumbers {
public:
    void number(std::span<Dot> dots);

private:
    std::uint32_t was_ = 0, now_ = 0;
};

namespace detail {

// What one session's dots were decorated from.
struct DecoratedSession {
    std::vector<SampledDot> sampled;
    std::vector<std::uint32_t> firstDot;  // per sampled dot, its first Dot in the session; then the end
};

// An earlier decoration of the same session, under the same session, imperfection and seed, on
// a field that differs from this one only within `changed`.
struct DecorationReuse {
    const DecoratedSession* before = nullptr;  // nullptr: nothing to reuse
    std::span<const Dot> dots;                 // the session's dots then
    std::optional<RectMm> changed;             // nullopt: no node changed
};

}  // namespace detail

// decorateDot for every sampled dot of a session, copying a dot's decoration from `reuse` when
// it is sampled where it was and the field around it is unchanged (a dot's decoration reads the
// field only within a spacing of it). Records what it did in `made` for the next call.
void decorateSession(const SessionContext& context, const std::vector<SampledDot>& sampled,
                     const detail::DecorationReuse& reuse, std::uint32_t& nextUnit, std::vector<Dot>& out,
                     detail::DecoratedSession& made);

}  // namespace smp::dots
