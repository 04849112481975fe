// kramdown's link definitions (`[label]: url "title"`) where they differ from CommonMark's, so that
// the pre-pass can hand cmark-gfm definitions it reads the same way:
// - the last definition of a label wins (CommonMark keeps the first);
// - the URL may hold spaces (`[x]: some file.html`), which CommonMark only takes inside `<…>`;
// - a reference may be separated from its text by spaces (`[text] [label]`), which kramdown
//   reads as one link when the label is defined.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace blogconv::readers::markdown {

// kramdown's label key: runs of white space as one space, lower case.
std::string link_label_key(std::string_view label);

struct LinkDefinitionLine {
    std::string key;        // link_label_key of the label
    std::size_t rest = 0;   // where the URL part starts (after `]:`)
};
// A definition line (its container prefix already taken off, indented less than four columns).
std::optional<LinkDefinitionLine> parse_link_definition(std::string_view body);

class LinkDefinitions {
public:
    // One pass over the document's lines (fenced code skipped): which labels are defined, and
    // on which line each label's last definition is.
    explicit LinkDefinitions(const std::vector<std::string_view>& lines);

    bool defined(std::string_view label) const { return keys_.count(link_label_key(label)) > 0; }
    // Line i defines a label that a later line defines again: kramdown ignores it.
    bool overridden(std::size_t line) const;
    // The definition `body` with a URL holding spaces put in `<…>`; with its `[` escaped when
    // kramdown does not take it as a definition after all; `body` unchanged otherwise.
    static std::string with_bracketed_url(std::string_view body);

private:
    std::set<std::string> keys_;
    std::vector<std::size_t> overridden_;  // sorted line indexes
};

}  // namespace blogconv::readers::markdown
