// One feed per tag or per category (--per-tag DIR, --per-category DIR), as jekyll-feed's
// `feed: tags` / `feed: categories` settings make them.
#pragma once

#include "ir/diagnostic.h"
#include "ir/site.h"
#include "writers/registry.h"
#include "writers/sink.h"

namespace blogconv::cli {

// Runs the feed `writer` once per distinct tag (or category) of the site's posts, its options
// narrowed to that tag by the row's WriterInfo::narrow_feed, into `out` as "<slug><extension>"
// (names made unique). Each feed's self link is /feed/by_tag/<slug><ext> (tags) or
// /feed/<slug><ext> (categories), jekyll-feed's paths. `only`: when not empty, just these tags
// (categories), as `_config.yml`'s `feed: tags:` lists them. A writer without narrow_feed (not a
// feed) throws std::invalid_argument.
void write_split_feeds(const ir::Site& site, const writers::WriterInfo& writer, const writers::WriterOptions& options,
                       bool by_tag, writers::Sink& out, ir::Diagnostics& diagnostics,
                       const std::vector<std::string>& only = {});

// The tags (or categories) `_config.yml` asks jekyll-feed for (`feed: tags: [a, b]`); empty when
// none. `feed: tags: true` means every tag: returns {"*"}.
std::vector<std::string> configured_split_feeds(const ir::Site& site, bool by_tag);

}  // namespace blogconv::cli
