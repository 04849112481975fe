// kramdown's typographic pass over one run of text: smart quotes (RubyPants' rules, as kramdown 2
// applies them) and the typographic symbols `---`, `--`, `...`, `<<`, `>>`.
//
// cmark's own smart punctuation follows CommonMark's flanking rules, which differ from kramdown's
// wherever a quote touches punctuation other than ASCII (CJK text above all), so the reader runs
// this instead, over the Text nodes of the IR.
#pragma once

#include "readers/private_use.h"

#include <string>
#include <string_view>

namespace blogconv::readers::markdown {

// What surrounds a text run in the Markdown source, as far as kramdown's rules look.
struct TypographyContext {
    // Whether the character right before the run belongs to plain text (kramdown's quote rules can
    // look at it) and which one it is; false after an element (emphasis, code, a link, …) or at the
    // start of a paragraph.
    bool has_prev = false;
    char prev = ' ';
    // Source characters right after the run (a few suffice): "" at the end of the paragraph, "*x"
    // before emphasis, "\n" before a line break, …
    std::string_view following;
};

// Put by the pre-pass before a character the source escaped (`\'`, `\<<`): kramdown's typography
// leaves it as written. cmark drops the backslash, so the mark (U+E005) carries it to this pass,
// which removes it.
inline constexpr std::string_view literal_mark = private_use::literal_mark;

// Removes every literal mark (where no typography runs).
std::string without_literal_marks(std::string_view text);

// Returns `text` with kramdown's smart quotes and typographic symbols applied, as UTF-8 characters.
std::string kramdown_typography(std::string_view text, const TypographyContext& context);

}  // namespace blogconv::readers::markdown
