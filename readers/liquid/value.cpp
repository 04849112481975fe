#include "readers/liquid/value.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace blogconv::readers::liquid {

namespace {
const ir::Value& nil_value() {
    static const ir::Value nil;
    return nil;
}
}  // namespace

Value::Value() : ptr_(std::shared_ptr<const ir::Value>(), &nil_value()) {}
Value::Value(ir::Value v) : ptr_(std::make_shared<const ir::Value>(std::move(v))) {}
Value Value::borrow(const ir::Value& v) { return Value(std::shared_ptr<const ir::Value>(std::shared_ptr<const ir::Value>(), &v)); }

Value Value::member(std::string_view key) const {
    const ir::Value& v = *ptr_;
    if (v.is_object()) {
        if (const ir::Value* child = v.find(key)) return Value(std::shared_ptr<const ir::Value>(ptr_, child));
        if (key == "size") return Value(ir::Value(static_cast<std::int64_t>(v.as_object().size())));
        return {};
    }
    if (v.is_array()) {
        const ir::Array& a = v.as_array();
        if (key == "size") return Value(ir::Value(static_cast<std::int64_t>(a.size())));
        if (key == "first") return at(0);
        if (key == "last") return at(-1);
        return {};
    }
    if (v.is_string() && key == "size") return Value(ir::Value(static_cast<std::int64_t>(v.as_string().size())));
    return {};
}

Value Value::at(std::int64_t index) const {
    const ir::Value& v = *ptr_;
    if (!v.is_array()) return {};
    const ir::Array& a = v.as_array();
    auto n = static_cast<std::int64_t>(a.size());
    if (index < 0) index += n;
    if (index < 0 || index >= n) return {};
    return Value(std::shared_ptr<const ir::Value>(ptr_, &a[static_cast<std::size_t>(index)]));
}

std::string float_to_s(double d) {
    if (std::isnan(d)) return "NaN";
    if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
    if (d == std::floor(d) && std::fabs(d) < 1e16) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.1f", d);
        return buf;
    }
    // The shortest text that reads back as the same double, as Ruby prints it.
    char buf[64];
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, d);
        if (std::strtod(buf, nullptr) == d) break;
    }
    return buf;
}

std::string to_output(const ir::Value& v) {
    struct Visitor {
        std::string operator()(std::monostate) const { return {}; }
        std::string operator()(bool b) const { return b ? "true" : "false"; }
        std::string operator()(std::int64_t i) const { return std::to_string(i); }
        std::string operator()(double d) const { return float_to_s(d); }
        std::string operator()(const std::string& s) const { return s; }
        std::string operator()(const ir::Array& a) const {
            std::string out;
            for (const ir::Value& e : a) out += to_output(e);
            return out;
        }
        std::string operator()(const ir::Object& o) const {
            // Ruby's Hash#to_s; templates rarely print a hash, but it must not vanish.
            std::string out = "{";
            bool first = true;
            for (const auto& [k, val] : o) {
                if (!first) out += ", ";
                first = false;
                out += "\"" + k + "\"=>";
                out += val.is_string() ? "\"" + val.as_string() + "\"" : (val.is_null() ? "nil" : to_output(val));
            }
            return out + "}";
        }
    };
    return std::visit(Visitor{}, v.storage());
}

bool truthy(const ir::Value& v) { return !(v.is_null() || (v.is_bool() && !v.as_bool())); }

bool is_number(const ir::Value& v) { return v.is_int() || v.is_double(); }

double to_number(const ir::Value& v) {
    if (v.is_int()) return static_cast<double>(v.as_int());
    if (v.is_double()) return v.as_double();
    if (v.is_string()) {
        const std::string& s = v.as_string();
        char* end = nullptr;
        double d = std::strtod(s.c_str(), &end);
        return end == s.c_str() ? 0.0 : d;
    }
    return 0.0;
}

bool equal(const ir::Value& a, const ir::Value& b) {
    if (is_number(a) && is_number(b)) return to_number(a) == to_number(b);
    if (a.is_array() && b.is_array()) {
        const auto& x = a.as_array();
        const auto& y = b.as_array();
        if (x.size() != y.size()) return false;
        for (std::size_t i = 0; i < x.size(); ++i)
            if (!equal(x[i], y[i])) return false;
        return true;
    }
    return a == b;
}

std::optional<int> compare(const ir::Value& a, const ir::Value& b) {
    if (is_number(a) && is_number(b)) {
        double x = to_number(a), y = to_number(b);
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    if (a.is_string() && b.is_string()) {
        int c = a.as_string().compare(b.as_string());
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    return std::nullopt;
}

bool is_empty(const ir::Value& v) {
    if (v.is_string()) return v.as_string().empty();
    if (v.is_array()) return v.as_array().empty();
    if (v.is_object()) return v.as_object().empty();
    return false;
}

bool is_blank(const ir::Value& v) {
    if (v.is_null()) return true;
    if (v.is_bool()) return !v.as_bool();
    if (v.is_string()) return v.as_string().find_first_not_of(" \t\r\n\f\v") == std::string::npos;
    return is_empty(v);
}

}  // namespace blogconv::readers::liquid
