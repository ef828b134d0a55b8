#include "core/design/Zones.h"

namespace smp::design {

std::string_view zoneName(ZoneKind kind) {
    switch (kind) {
    case ZoneKind::Head: return "head";
    case ZoneKind::Avoid: return "avoid";
    case ZoneKind::Scar: return "scar";
    case ZoneKind::Blend: return "blend";
    }
    return "unknown";
}

PhotoMask& Zones::mask(ZoneKind kind) {
    return const_cast<PhotoMask&>(static_cast<const Zones&>(*this).mask(kind));
}

const PhotoMask& Zones::mask(ZoneKind kind) const {
    switch (kind) {
    case ZoneKind::Head: return head;
    case ZoneKind::Avoid: return avoid;
    case ZoneKind::Scar: return scar;
    case ZoneKind::Blend: return blend;
    }
    return head;  // not reached: every kind is listed above
}

}  // namespace smp::design
