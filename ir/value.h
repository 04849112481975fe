// A generic, ordered value tree: what YAML front matter, _config.yml and _data/ hold.
//
// Writers read typed fields from ir::Document / ir::Site, but every key a user wrote is kept
// here too, in source order, so that nothing is ever dropped (the Hugo writer carries unknown
// keys through; the JSON writer dumps them). No YAML type leaks out of readers/: a reader
// converts its library's nodes into this.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace blogconv::ir {

class Value;

// A mapping keeps its keys in the order they were written; a later duplicate key replaces the
// value in place, as Psych (Jekyll's YAML parser) does.
using Array = std::vector<Value>;
using Object = std::vector<std::pair<std::string, Value>>;

class Value {
public:
    using Storage = std::variant<std::monostate, bool, std::int64_t, double, std::string, Array, Object>;

    Value() = default;
    Value(std::nullptr_t) {}
    Value(bool b) : data_(b) {}
    Value(int i) : data_(static_cast<std::int64_t>(i)) {}
    Value(std::int64_t i) : data_(i) {}
    Value(double d) : data_(d) {}
    Value(const char* s) : data_(std::string(s)) {}
    Value(std::string s) : data_(std::move(s)) {}
    Value(Array a) : data_(std::move(a)) {}
    Value(Object o) : data_(std::move(o)) {}

    bool is_null() const { return std::holds_alternative<std::monostate>(data_); }
    bool is_bool() const { return std::holds_alternative<bool>(data_); }
    bool is_int() const { return std::holds_alternative<std::int64_t>(data_); }
    bool is_double() const { return std::holds_alternative<double>(data_); }
    bool is_string() const { return std::holds_alternative<std::string>(data_); }
    bool is_array() const { return std::holds_alternative<Array>(data_); }
    bool is_object() const { return std::holds_alternative<Object>(data_); }

    bool as_bool() const { return std::get<bool>(data_); }
    std::int64_t as_int() const { return std::get<std::int64_t>(data_); }
    double as_double() const { return std::get<double>(data_); }
    const std::string& as_string() const { return std::get<std::string>(data_); }
    const Array& as_array() const { return std::get<Array>(data_); }
    Array& as_array() { return std::get<Array>(data_); }
    const Object& as_object() const { return std::get<Object>(data_); }
    Object& as_object() { return std::get<Object>(data_); }

    // The value under `key` of a mapping, or nullptr (also when this is not a mapping).
    const Value* find(std::string_view key) const;
    // Sets `key` in a mapping (turning a null into an empty mapping first); keeps key order.
    void set(std::string key, Value v);

    // A scalar as text: strings as they are, numbers and booleans as YAML would print them,
    // null as "". Arrays and mappings give "".
    std::string to_text() const;
    // True for a non-empty string, any number, true, a non-empty array or mapping.
    bool truthy() const;

    const Storage& storage() const { return data_; }
    bool operator==(const Value&) const = default;

private:
    Storage data_;
};

}  // namespace blogconv::ir
