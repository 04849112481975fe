// The text the HTML plugins (jekyll-mentions, jemoji) see: they run html-pipeline filters over
// every text node of the rendered page. In the IR a text node is a run of adjacent ir::Text
// inlines in one inline list (a line break, emphasis or link ends it, as the tag or newline does
// in HTML). Code spans and code blocks hold no Text, so they are never seen, as the filters
// skip <code> and <pre>.
#pragma once

#include <functional>
#include <optional>
#include <string_view>

#include "ir/body.h"

namespace blogconv::readers {

// What a plugin does with one run: nullopt leaves it as it was, else the inlines replacing it.
using TextRunRewrite = std::function<std::optional<ir::Inlines>(std::string_view)>;

// Rewrites every text run of `body`; inside links too unless `inside_links` is false (mentions
// skip <a>, emoji do not).
void rewrite_text_runs(ir::Blocks& body, bool inside_links, const TextRunRewrite& rewrite);

}  // namespace blogconv::readers
