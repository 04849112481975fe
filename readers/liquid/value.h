// Liquid's value model on top of ir::Value: nil, bool, integer, float, string, array, hash.
//
// Values are shared, not copied: `site` and `page` are borrowed from the caller (a site with
// thousands of posts must not be copied per lookup), and a value a template made is owned by a
// shared pointer that its sub-values keep alive (shared_ptr's aliasing constructor).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "ir/value.h"

namespace blogconv::readers::liquid {

class Value {
public:
    Value();  // nil
    Value(ir::Value v);  // owned
    // A value that lives elsewhere, at least as long as the template runs.
    static Value borrow(const ir::Value& v);

    const ir::Value& get() const { return *ptr_; }
    const ir::Value* operator->() const { return ptr_.get(); }

    // `value.key` / `value["key"]`; nil when missing or not a hash. On arrays, `size`, `first`
    // and `last` work as in Liquid; on strings, `size`.
    Value member(std::string_view key) const;
    // `value[i]` on an array (negative counts from the end); nil otherwise.
    Value at(std::int64_t index) const;

private:
    explicit Value(std::shared_ptr<const ir::Value> p) : ptr_(std::move(p)) {}
    std::shared_ptr<const ir::Value> ptr_;
};

// How `{{ v }}` prints a value: nil as "", arrays joined without separator, floats as Ruby does.
std::string to_output(const ir::Value& v);
// Liquid's truth: only nil and false are false.
bool truthy(const ir::Value& v);
// `==` as Liquid compares (1 == 1.0; strings by content; arrays and hashes element-wise).
bool equal(const ir::Value& a, const ir::Value& b);
// `<` and friends: -1/0/1, or nothing when the two cannot be ordered (Liquid then says false).
std::optional<int> compare(const ir::Value& a, const ir::Value& b);
// Liquid's `empty` (an empty string, array or hash) and `blank` (nil, false, white space, empty).
bool is_empty(const ir::Value& v);
bool is_blank(const ir::Value& v);
// A number from a number or a numeric string (Liquid's Utils.to_number); 0 otherwise.
double to_number(const ir::Value& v);
bool is_number(const ir::Value& v);
// Ruby's Float#to_s: 1.0, 0.5, 1.0e+20.
std::string float_to_s(double d);

}  // namespace blogconv::readers::liquid
