// Facts about HTML elements that more than one writer needs: the one list of void elements, and
// the one way a writer builds a start tag from its parts (for an element a hook replaces).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace blogconv::writers::html {

// Whether `name` (lower case) is a void element: it has no content and no end tag, so XHTML
// writes it as `<br />` and an end tag such as `</br>` closes nothing.
bool is_void_element(std::string_view name);

// An attribute as text: lower-case name, value without escaping ("" for a boolean attribute).
using AttributeList = std::vector<std::pair<std::string, std::string>>;

// ` a="v" b=""…` appended to `out`, each value escaped: the one way attributes are written.
void append_attributes(std::string& out, const AttributeList& attributes);

// `<name a="v" …>` with each value escaped, ` />` closing a void element. Valid in HTML and XML.
std::string start_tag(std::string_view name, const AttributeList& attributes);

}  // namespace blogconv::writers::html
