// Where a kramdown footnote definition starts, for the pre-pass.
#pragma once

#include <cstddef>
#include <string_view>

namespace blogconv::readers::markdown {

struct FootnoteDefinitionStart {
    std::size_t length = 0;  // of `[^name]:` at the start of the line's text; 0 when it is none
    bool empty = false;      // nothing but white space after it: the content starts on the next line
};

// kramdown's FOOTNOTE_DEFINITION_START on a line's text after its container prefix: `[^`, a name
// (a word character, then word characters and `-`; Ruby's \w is ASCII), `]:`. Its content is the
// rest of the line and the lines indented by four spaces (or a tab) after it, blank lines between
// included: the pre-pass reads them as the content of a list item.
FootnoteDefinitionStart footnote_definition_start(std::string_view text);

}  // namespace blogconv::readers::markdown
