// jemoji (over html-pipeline 2's EmojiFilter and gemoji): `:alias:` in a page's text names an
// emoji. Jekyll writes an <img> of GitHub's picture of it (alt `:alias:`); the IR holds the
// emoji itself, which every format shows without fetching anything. Text in code is left alone,
// text in links is not. Aliases come from gemoji 4.1.0 (readers/plugins/emoji_table.inc).
#pragma once

#include <optional>
#include <string_view>

#include "ir/body.h"

namespace blogconv::readers {

// The emoji an alias names ("smile" -> "😄"), or nullopt.
std::optional<std::string_view> emoji_for(std::string_view alias);

// One text run with its aliases replaced; nullopt when it has none.
std::optional<ir::Inlines> replace_emoji(std::string_view text);

// Every alias of a body.
void replace_emoji(ir::Blocks& body);

}  // namespace blogconv::readers
