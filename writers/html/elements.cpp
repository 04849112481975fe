#include "writers/html/elements.h"

#include <array>

#include "writers/html/escape.h"

namespace blogconv::writers::html {

bool is_void_element(std::string_view name) {
    static constexpr std::array<std::string_view, 14> names = {"area", "base",  "br",   "col",    "embed", "hr",    "img",
                                                               "input", "link", "meta", "param", "source", "track", "wbr"};
    for (auto n : names)
        if (n == name) return true;
    return false;
}

void append_attributes(std::string& out, const AttributeList& attributes) {
    for (const auto& [k, v] : attributes) {
        out += ' ';
        out += k;
        out += "=\"";
        append_escaped(out, v);
        out += '"';
    }
}

std::string start_tag(std::string_view name, const AttributeList& attributes) {
    std::string out = "<";
    out += name;
    append_attributes(out, attributes);
    out += is_void_element(name) ? " />" : ">";
    return out;
}

}  // namespace blogconv::writers::html
