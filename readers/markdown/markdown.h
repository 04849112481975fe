// Markdown (kramdown as Jekyll sites write it) to IR blocks, through cmark-gfm.
//
// Two steps: a kramdown pre-pass over the text (IALs, header ids, $$ math, {::nomarkdown},
// markdown="1" blocks, …) that leaves tokens in the text (see placeholders.h), then cmark-gfm with
// the table, strikethrough, autolink, tagfilter, tasklist and footnote extensions, walked once
// into IR by cmark_to_ir.cpp, which swaps the tokens back and applies the kramdown post-pass
// (attaching IALs, heading ids, definition lists). No cmark type leaves readers/markdown/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ir/body.h"
#include "ir/diagnostic.h"
#include "readers/body_pipeline.h"
#include "readers/placeholders.h"

namespace blogconv::readers {

struct MarkdownOptions {
    std::string path;     // for diagnostics
    int first_line = 1;   // file line of the text's first line
    MarkdownInput input = MarkdownInput::kramdown;
    bool auto_ids = true;  // generate heading ids as kramdown (or GFM input) does
    bool smart_quotes = true;  // typographic quotes and dashes, as kramdown makes them
    // kramdown reads an HTML element as one block up to its end tag, blank lines included.
    // CommonMark (cmark, Goldmark) ends an HTML block at a blank line: false reads text written
    // for those (the Hugo writer's output, read back by its round-trip test) as they would.
    bool html_blocks_span_blank_lines = true;
};

// Parses `text` (Liquid already applied) into blocks. Tokens from `placeholders` are replaced
// by their nodes; the kramdown pre-pass may add its own.
ir::Blocks parse_markdown(std::string_view text, const MarkdownOptions& options, Placeholders& placeholders,
                          std::vector<ir::Diagnostic>& diagnostics);

// Renders Markdown straight to an HTML string (Liquid's `markdownify` filter needs HTML text).
std::string markdown_to_html(std::string_view text);

}  // namespace blogconv::readers
