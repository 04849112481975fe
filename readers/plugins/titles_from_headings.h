// jekyll-titles-from-headings (0.5): a Markdown page without a `title` takes the text of the
// heading its body starts with. A generator: it runs on the source before Liquid, so `page.title`
// in the page's own Liquid is already the heading's text.
//
// Pages only, and collection documents (posts too) when the site sets
// `titles_from_headings: {collections: true}`; for those the plugin counts every title as
// inferred, so the heading wins even over a written `title`. `titles_from_headings:
// {enabled: false}` turns it off. (`strip_title` is not done: the heading stays in the body.)
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ir/site.h"
#include "ir/value.h"
#include "readers/body_pipeline.h"

namespace blogconv::readers {

// The heading the plugin's pattern finds at the very start of a body (after white space): an
// ATX heading of level 1 to 3 (the rest of its line, closing hashes included, as the greedy
// pattern takes it) or a Setext one. nullopt when the body does not start with one.
std::optional<std::string> leading_heading(std::string_view body);

// The title made of it: the heading's Markdown rendered and reduced to its text, white space
// runs made one space and the ends trimmed, then `[^…]` footnote markers removed (in that order).
std::string heading_title(std::string_view heading, MarkdownInput input);

// Whether the plugin titles this document (`title_written`: its data has a non-null title).
bool titles_from_headings_apply(const ir::Value& site_config, bool is_page, bool markdown_source, bool title_written);

}  // namespace blogconv::readers
