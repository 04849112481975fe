// Automatic heading ids, made exactly as Jekyll's Markdown converter makes them, so that in-post
// `#anchor` links keep working.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "readers/body_pipeline.h"

namespace blogconv::readers::markdown {

// kramdown 2.4 `basic_generate_id`: drop leading non-letters, keep only [a-zA-Z0-9 -], spaces
// become '-', lower-cased. Its input is the heading's raw source text.
std::string kramdown_basic_id(std::string_view raw_text);

// kramdown-parser-gfm 1.1 `generate_gfm_header_id` before the duplicate suffix: lower-cased,
// everything but word characters (Unicode letters, marks, digits, '_'), '-', space and tab
// removed, spaces and tabs become '-'. Its input is the heading's text (code and math included).
std::string gfm_basic_id(std::string_view text);

// Ruby's \p{Word} (letters, marks, decimal digits, connector punctuation) for a non-ASCII code
// point (also used for kramdown's [[:alpha:]] tests in kramdown_emphasis.cpp).
bool unicode_word(char32_t c);

// Hands out unique ids for one document, in document order.
class HeadingIdGenerator {
public:
    explicit HeadingIdGenerator(MarkdownInput input) : input_(input) {}
    // `raw` is the source text (kramdown) or the plain text (GFM) of the heading.
    std::string next(std::string_view raw);

private:
    MarkdownInput input_;
    std::map<std::string, int, std::less<>> used_;
};

}  // namespace blogconv::readers::markdown
