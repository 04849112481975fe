// jekyll-mentions (1.6, over html-pipeline 2's MentionFilter): `@name` in a page's text becomes
// a link to the user's profile, `<a href='BASE/name' class='user-mention'>@name</a>`.
//
// The filter's pattern: `@`, then a word character and word characters or hyphens (ASCII), at
// the start of a line or after a character that is not a word character; not followed by `/`,
// and followed by a line end, dots before a line end or a non-word character, or a character
// that is neither a word character nor a dot. `@mention`, `@mentions`, `@mentioned` and
// `@mentioning` stay text. Text in code and in links is left alone.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ir/body.h"
#include "ir/value.h"

namespace blogconv::readers {

// The profile base for a document: `jekyll-mentions` of its front matter, else of the site (a
// string, or a mapping's `base_url`), else https://github.com. nullopt when the document sets
// `jekyll-mentions: false`.
std::optional<std::string> mention_base(const ir::Value& site_config, const ir::Value& front_matter);

// One text run with its mentions made links; nullopt when it has none.
std::optional<ir::Inlines> link_mentions(std::string_view text, const std::string& base);

// Every mention of a body.
void link_mentions(ir::Blocks& body, const std::string& base);

}  // namespace blogconv::readers
