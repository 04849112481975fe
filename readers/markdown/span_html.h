// kramdown's span-level HTML rules, applied to the inline HTML tags cmark-gfm found:
// - an end tag that closes no element open in the same paragraph is text (`a </em> b`);
// - a block element's tag inside a paragraph is text (`a <p>b</p>` shows the tags);
// cmark-gfm passes every well-formed tag through as HTML, which a browser then hides.
// (kramdown/parser/kramdown/html.rb, parse_span_html.)
#pragma once

#include "ir/body.h"

namespace blogconv::readers::markdown {

// Rewrites, in every paragraph, heading and table cell of `blocks`, the tags kramdown keeps as text.
void span_html_rules(ir::Blocks& blocks);

}  // namespace blogconv::readers::markdown
