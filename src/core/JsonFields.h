#pragma once
// Internal to smp_core: reads project JSON one checked field at a time. Every error names the
// file, the JSON path and the rule ("demo.smp.json: sessions[2].share: must be between 0 and 1"),
// so the artist can find what to fix. Not part of the public API: it exposes nlohmann::json.

#include "core/Errors.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <string>

namespace smp::core {

class FieldReader {
public:
    explicit FieldReader(std::string fileName) : file_(std::move(fileName)) {}

    [[noreturn]] void fail(const std::string& jsonPath, const std::string& rule) const {
        throw InputError(file_ + ": " + jsonPath + ": " + rule);
    }

    const nlohmann::json& field(const nlohmann::json& parent, const std::string& key, const std::string& path) const {
        auto it = parent.find(key);
        if (it == parent.end()) fail(path, "is missing");
        return *it;
    }
    const nlohmann::json& object(const nlohmann::json& parent, const std::string& key, const std::string& path) const {
        const nlohmann::json& value = field(parent, key, path);
        if (!value.is_object()) fail(path, "must be an object");
        return value;
    }
    const nlohmann::json& array(const nlohmann::json& parent, const std::string& key, const std::string& path) const {
        const nlohmann::json& value = field(parent, key, path);
        if (!value.is_array()) fail(path, "must be an array");
        return value;
    }
    std::string string(const nlohmann::json& parent, const std::string& key, const std::string& path) const {
        const nlohmann::json& value = field(parent, key, path);
        if (!value.is_string()) fail(path, "must be a string");
        return value.get<std::string>();
    }
    bool boolean(const nlohmann::json& parent, const std::string& key, const std::string& path) const {
        const nlohmann::json& value = field(parent, key, path);
        if (!value.is_boolean()) fail(path, "must be true or false");
        return value.get<bool>();
    }
    double number(const nlohmann::json& value, const std::string& path) const {
        if (!value.is_number()) fail(path, "must be a number");
        const double number = value.get<double>();
        if (!std::isfinite(number)) fail(path, "must be a finite number");
        return number;
    }
    double number(const nlohmann::json& parent, const std::string& key, const std::string& path) const {
        return number(field(parent, key, path), path);
    }
    // A number in [low, high]; the rule names the range.
    double numberIn(const nlohmann::json& parent, const std::string& key, const std::string& path, double low,
                    double high) const {
        const double value = number(parent, key, path);
        if (value < low || value > high)
            fail(path, "must be between " + shortNumber(low) + " and " + shortNumber(high));
        return value;
    }
    std::int64_t integer(const nlohmann::json& value, const std::string& path) const {
        if (!value.is_number_integer()) fail(path, "must be a whole number");
        // Unsigned values past int64 would wrap; only the seed is that large, and it has its own reader.
        if (value.is_number_unsigned() && value.get<std::uint64_t>() > std::uint64_t(INT64_MAX))
            fail(path, "is out of range");
        return value.get<std::int64_t>();
    }
    std::int64_t integer(const nlohmann::json& parent, const std::string& key, const std::string& path) const {
        return integer(field(parent, key, path), path);
    }
    std::uint64_t unsignedInteger(const nlohmann::json& parent, const std::string& key, const std::string& path) const {
        const nlohmann::json& value = field(parent, key, path);
        if (!value.is_number_unsigned()) fail(path, "must be a whole number, 0 or more");
        return value.get<std::uint64_t>();
    }

private:
    static std::string shortNumber(double value) {
        std::string text = std::to_string(value);
        text.erase(text.find_last_not_of('0') + 1);
        if (!text.empty() && text.back() == '.') text.pop_back();
        return text;
    }

    std::string file_;
};

}  // namespace smp::core
