// Liquid's first pass: a template's source split into text, `{{ … }}` outputs and `{% … %}` tags.
//
// Whitespace control (`{{-`, `-}}`, `{%-`, `-%}`) is applied here, as Liquid's tokenizer does:
// the neighbouring text loses its white space on that side. `{% raw %}…{% endraw %}` comes out
// as one verbatim text token, because nothing inside it is Liquid.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace blogconv::readers::liquid {

struct Token {
    enum class Kind {
        text,    // plain text (after whitespace control)
        output,  // `{{ markup }}`
        tag,     // `{% name markup %}`
        error,   // an unterminated `{{` or `{%`: `text` holds the rest of the source
    };
    Kind kind = Kind::text;
    std::string text;    // text tokens: the text; output: the markup; tag: everything after the name
    std::string name;    // tags: the tag name (`if`, `endfor`, …)
    std::string source;  // the token exactly as written, delimiters included
    std::size_t offset = 0;  // byte offset of the token in the template
    int line = 1;            // 1-based line of the token's first byte in the template
    int col = 1;             // 1-based byte column
    bool raw = false;        // a text token that came from `{% raw %}` (never Liquid, never trimmed)
};

// Splits `source` into tokens. Never fails: an unterminated delimiter becomes an error token.
std::vector<Token> tokenize(std::string_view source);

// True when `text` could hold Liquid at all: a `{` followed by `{` or `%`.
bool may_contain_liquid(std::string_view text);

}  // namespace blogconv::readers::liquid
