#include "outputs/ExportKind.h"

#include <array>
#include <utility>

namespace smp::outputs {
namespace {

constexpr std::array<std::pair<ExportKind, std::string_view>, 5> kNames{{
    {ExportKind::BeforeAfter, "before-after"},
    {ExportKind::Split, "split"},
    {ExportKind::Sessions, "sessions"},
    {ExportKind::Timelapse, "timelapse"},
    {ExportKind::PlanSheet, "plan-sheet"},
}};

}  // namespace

std::string_view exportKindName(ExportKind kind) {
    for (const auto& [k, name] : kNames)
        if (k == kind) return name;
    return "before-after";
}

std::optional<ExportKind> parseExportKind(std::string_view name) {
    for (const auto& [kind, text] : kNames)
        if (text == name) return kind;
    return std::nullopt;
}

std::string_view exportKindChoices() { return "before-after, split, sessions, timelapse or plan-sheet"; }

}  // namespace smp::outputs
