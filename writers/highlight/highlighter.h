// A small build-time syntax highlighter for the code blocks of the standalone HTML writer.
//
// Why our own and not a library: the one Debian library that fits (GNU Source-highlight,
// libsource-highlight-dev) pulls in Boost and reads its language definitions from data files
// installed under /usr/share at run time, so a single static `blogconv` binary would depend on
// files next to it and on their version. Blog code blocks need far less: keywords, strings,
// comments and numbers for the languages people actually write about. A table of rules per
// language (highlight_rules.cpp) and one tolerant scanner give that in a few hundred lines, with
// no run-time files and output that never changes between machines.
//
// The one promise that matters: highlighting never alters the code. tokenize() covers the input
// exactly, byte for byte, and never cuts a UTF-8 sequence, so the text of the spans that
// highlight_html() writes, unescaped and concatenated, is the input.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace blogconv::writers::highlight {

// What a piece of code is, as far as colouring goes. Each kind has one CSS class (css_class).
enum class TokenKind {
    text,          // anything else: written without a span
    keyword,       // hl-kw: `if`, `def`, `SELECT`, an HTML doctype's name
    type,          // hl-ty: built-in and capitalised type names
    literal,       // hl-lit: true, false, null, nil, None; HTML entities
    string,        // hl-str: string and character literals, Markdown inline code
    number,        // hl-num
    comment,       // hl-com
    preprocessor,  // hl-pp: C's #include, a doctype
    function,      // hl-fn: a name directly followed by `(`
    tag,           // hl-tag: `<div`, `>`, `</div>`
    attribute,     // hl-attr: an HTML/XML attribute name
    variable,      // hl-var: shell `$x`, `${x}`
    key,           // hl-key: a YAML/JSON key, a CSS property
    heading,       // hl-hd: a Markdown heading, a diff's file and hunk headers
    inserted,      // hl-ins: a diff's added line
    deleted,       // hl-del: a diff's removed line
};

struct Token {
    TokenKind kind = TokenKind::text;
    std::size_t begin = 0;   // byte offset into the code
    std::size_t length = 0;  // bytes
    bool operator==(const Token&) const = default;
};

// The CSS class of a kind ("hl-kw", …; "" for text).
const char* css_class(TokenKind kind);

// True when `language` (a fence's info word, case-insensitive: "cpp", "c++", "py", "sh", …) is
// one we highlight.
bool supports(std::string_view language);

// The canonical name of a supported language ("c++" -> "cpp", "sh" -> "bash"), or "" if unsupported.
std::string canonical_language(std::string_view language);

// The code cut into consecutive tokens that cover it exactly (adjacent tokens of one kind are
// merged). An unsupported language gives one text token (none for empty code).
std::vector<Token> tokenize(std::string_view code, std::string_view language);

// The code as escaped HTML with `<span class="hl-…">` around every token that is not text; the
// content of a `<code>` element. An unsupported language gives the escaped code alone.
std::string highlight_html(std::string_view code, std::string_view language);

}  // namespace blogconv::writers::highlight
