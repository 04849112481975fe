// kramdown's emphasis (`*a*`, `_a_`, `**a**`, `__a__`), not CommonMark's.
//
// kramdown pairs delimiters by its own scan (parser/kramdown/emphasis.rb), looser than CommonMark's
// flanking rules in some places (`MAX*-1*`, `**「…」**好`, `*a*b*`) and stricter in others
// (`foo_bar_`, `-_x_` after a letter). cmark-gfm has no switch for that, so cmark never sees a
// delimiter: the pre-pass writes every `*` and `_` of span text as a private-use stand-in, and after
// the cmark walk `apply_kramdown_emphasis` pairs the stand-ins as kramdown does, makes Emphasis and
// Strong of the pairs and turns every other stand-in back into its character.
//
// The rule, from emphasis.rb (the GFM parser does not change it):
// - An opener is `**`/`__` (strong) or `*`/`_` (em), the longest of those at the delimiter. It stays
//   text when followed by white space, when it is `_` after a letter or after a letter and `-`, or
//   when an element of its kind is already open (no em in em, no strong in strong).
// - The body is scanned for the same delimiter; a closer must not follow white space, must not end an
//   empty body, an em closer must not be exactly `**`, and a `_` closer must not be followed by a
//   letter or digit. Other span syntax (code, links, HTML, math, escapes) is passed over whole.
// - A strong opener without a closer is tried again as an em opener on its first character (unless
//   em is the element being parsed), so `**a*` is `<em>*a</em>`. Failing that, it is text.
// White space is Ruby's `\s` (ASCII); letters are Unicode letters (CJK ideographs included).
#pragma once

#include "readers/private_use.h"

#include <cstddef>
#include <string>
#include <string_view>

#include "ir/body.h"

namespace blogconv::readers::markdown {

inline constexpr std::string_view star_stand_in = private_use::star_stand_in;
inline constexpr std::string_view underscore_stand_in = private_use::underscore_stand_in;

// Pre-pass side: hides the delimiters of one line of span text. `content_start` is where the
// line's text starts after its container prefix and list marker (a list marker `*` is block
// syntax); a thematic break (`***`, `_ _ _`) is left alone for the same reason.
class DelimiterHider {
public:
    DelimiterHider(std::string_view line, std::size_t content_start);
    // Called for each character outside code spans. At line[p]: a `*` or `_` is written to `out` as
    // its stand-in (returns 1); an HTML tag or autolink holding nothing else the pre-pass rewrites is
    // copied unchanged, since cmark must still read its attribute names and URL (returns its
    // length); anything else returns 0.
    // `line` is the line given to the constructor, perhaps with later lines of the paragraph
    // appended.
    std::size_t at(std::string_view line, std::size_t p, std::string& out) const;

private:
    std::size_t content_start_;
    bool thematic_break_;
};

// Post-walk side: pairs the stand-ins of every paragraph, heading and table cell as kramdown does
// and turns every stand-in left anywhere (text, code, URLs, raw HTML, attributes) back into its
// character.
void apply_kramdown_emphasis(ir::Blocks& blocks);

}  // namespace blogconv::readers::markdown
