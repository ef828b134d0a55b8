#pragma once
// Internal to smp_core: the design and session plan as project JSON, both ways. Reading checks
// every value and names its JSON path in the error.

#include "core/JsonFields.h"
#include "core/design/Design.h"
#include "core/dots/SessionPlan.h"

#include <nlohmann/json.hpp>

namespace smp::design {

nlohmann::json designToJson(const Design& design);
Design designFromJson(const nlohmann::json& json, const core::FieldReader& reader, const std::string& path);

nlohmann::json planToJson(const dots::SessionPlan& plan);
dots::SessionPlan planFromJson(const nlohmann::json& root, const core::FieldReader& reader);

}  // namespace smp::design
