// The per-language rule tables the highlighter's scanner runs on. Internal to writers/highlight.
#pragma once

#include <string_view>
#include <vector>

namespace blogconv::writers::highlight {

// A string (or character) literal: from `open` to `close`, where `escape` (0 = none) makes the
// next byte part of the string.
struct StringRule {
    std::string_view open;
    std::string_view close;
    char escape = '\\';
    bool multiline = false;  // may run past the end of a line (else it stops there, unterminated)
    // When non-zero, the literal counts only if it closes within this many bytes (Rust's `'a'`
    // versus the lifetime `'a`); otherwise the opening quote is plain text.
    std::size_t max_length = 0;
};

// How a language is scanned: `generic` runs the tables below; the others are line- or tag-based
// scanners of their own.
enum class Scanner { generic, markup, diff, markdown };

struct LanguageRules {
    std::string_view name;                  // canonical name
    std::vector<std::string_view> aliases;  // other fence names, lower case
    Scanner scanner = Scanner::generic;
    std::vector<std::string_view> line_comments;
    std::vector<std::pair<std::string_view, std::string_view>> block_comments;
    std::vector<StringRule> strings;  // tried in order: put `"""` before `"`
    std::vector<std::string_view> keywords;
    std::vector<std::string_view> types;
    std::vector<std::string_view> literals;
    bool ignore_case = false;          // SQL: keywords in any case
    bool hash_preprocessor = false;    // C/C++: `#` first on a line starts a directive to the line's end
    bool capitalised_types = false;    // a name starting with an upper-case letter is a type
    bool keys = false;                 // a name or string followed by `:` is a key (YAML, JSON, CSS)
    bool shell_variables = false;      // `$name`, `${…}`, `$1` are variables
    std::string_view identifier_start_extra;  // besides letters and `_` ("$" in JS, "@" in CSS)
    std::string_view identifier_extra;        // besides letters, digits and `_` ("-" in CSS)
};

// Every language, in a fixed order.
const std::vector<LanguageRules>& all_language_rules();

}  // namespace blogconv::writers::highlight
