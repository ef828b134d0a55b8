#pragma once
// The areas an artist marks on the photo. Treated skin is behind the hairline and inside the
// head outline; avoid zones get no dots (moles, ears); scar zones keep less pigment and spread
// it (more sessions); blend zones lie under existing hair, where density tapers into it.

#include "core/design/PhotoMask.h"

#include <string_view>

namespace smp::design {

enum class ZoneKind { Head, Avoid, Scar, Blend };

std::string_view zoneName(ZoneKind kind);

struct Zones {
    PhotoMask head;   // the head outline; empty means the whole photo
    PhotoMask avoid;
    PhotoMask scar;
    PhotoMask blend;

    [[nodiscard]] PhotoMask& mask(ZoneKind kind);
    [[nodiscard]] const PhotoMask& mask(ZoneKind kind) const;

    friend bool operator==(const Zones&, const Zones&) = default;
};

}  // namespace smp::design
