// kramdown's abbreviations: `*[HTML]: Hyper Text Markup Language` defines one, and every
// occurrence of `HTML` in the document's text becomes `<abbr title="Hyper Text Markup
// Language">HTML</abbr>`, wherever the definition stands (kramdown's parser/kramdown/abbreviation.rb).
//
// The pre-pass reads the definitions (read_abbreviation_definition) and removes their lines; after
// the cmark walk and the post-pass, apply_abbreviations marks the occurrences. The IR has no
// abbreviation node: an occurrence becomes raw HTML around its text (`<abbr …>`, the text,
// `</abbr>`), which is what kramdown writes and what every writer already passes through.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ir/body.h"

namespace blogconv::readers::markdown {

struct Marker;

struct Abbreviation {
    std::string title;  // "" writes no title attribute, as kramdown does for `*[X]:`
    ir::Attr attr;      // from block IALs right before or after the definition
};

// By the abbreviation as written (case matters). A later definition replaces an earlier one.
using Abbreviations = std::map<std::string, Abbreviation>;

// Reads the definition on `lines[i]`, whose container prefix (quote markers, indentation) is
// `prefix_length` long, when it starts a block. A block IAL on the line right after it belongs to
// it, and so does one on the line right before it (already turned into the last of `markers`: that
// marker is emptied so that it attaches nothing elsewhere). Returns the number of lines read (1 or
// 2, with the IAL after), or 0 when the line is no definition.
std::size_t read_abbreviation_definition(const std::vector<std::string_view>& lines, std::size_t i,
                                         std::size_t prefix_length, std::vector<Marker>& markers,
                                         Abbreviations& abbreviations);

// Marks every occurrence of an abbreviation in the text of `blocks` (footnotes, tables, headings,
// link text included; code, raw HTML and image alt text not): where it is preceded by a non-word
// character or starts a text and is not followed by a word character (ASCII letters, digits, `_`,
// as Ruby's \w), the longest abbreviation first.
void apply_abbreviations(ir::Blocks& blocks, const Abbreviations& abbreviations);

}  // namespace blogconv::readers::markdown
