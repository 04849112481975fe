#include "ir/value.h"

#include <cmath>
#include <cstdio>

namespace blogconv::ir {

const Value* Value::find(std::string_view key) const {
    if (!is_object()) return nullptr;
    for (const auto& [k, v] : as_object())
        if (k == key) return &v;
    return nullptr;
}

void Value::set(std::string key, Value v) {
    if (is_null()) data_ = Object{};
    auto& obj = as_object();
    for (auto& [k, old] : obj)
        if (k == key) {
            old = std::move(v);
            return;
        }
    obj.emplace_back(std::move(key), std::move(v));
}

std::string Value::to_text() const {
    if (is_string()) return as_string();
    if (is_bool()) return as_bool() ? "true" : "false";
    if (is_int()) return std::to_string(as_int());
    if (is_double()) {
        double d = as_double();
        if (std::isnan(d)) return ".nan";
        if (std::isinf(d)) return d > 0 ? ".inf" : "-.inf";
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.17g", d);
        // Prefer the shortest text that reads back as the same number ("0.1", not
        // "0.10000000000000001"), as Ruby's Float#to_s does.
        for (int prec = 1; prec <= 17; ++prec) {
            std::snprintf(buf, sizeof buf, "%.*g", prec, d);
            if (std::strtod(buf, nullptr) == d) break;
        }
        std::string s = buf;
        if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
        return s;
    }
    return {};
}

bool Value::truthy() const {
    if (is_null()) return false;
    if (is_bool()) return as_bool();
    if (is_string()) return !as_string().empty();
    if (is_array()) return !as_array().empty();
    if (is_object()) return !as_object().empty();
    return true;
}

}  // namespace blogconv::ir
