// The feed writers: Atom 1.0 (RFC 4287), RSS 2.0 and JSON Feed 1.1, from the IR only.
//
// All three choose the same posts (collection "posts", published, newest first, FeedOptions'
// filters and limit), write absolute URLs everywhere, including inside content, and never read
// the clock: the feed's `updated` is the newest post date, so the same site gives the same bytes.
// With no site URL (neither `url:` in _config.yml nor FeedOptions::site_url) they add an error
// to `diagnostics` and write nothing.
#pragma once

#include "ir/diagnostic.h"
#include "ir/site.h"
#include "writers/feeds/feed_options.h"
#include "writers/sink.h"

namespace blogconv::writers {

// Atom 1.0, written to the sink's single file ("").
void write_atom(const ir::Site& site, const FeedOptions& options, Sink& sink, ir::Diagnostics& diagnostics);
// RSS 2.0 with the content:, dc: and atom: extensions, written to the sink's single file.
void write_rss(const ir::Site& site, const FeedOptions& options, Sink& sink, ir::Diagnostics& diagnostics);
// JSON Feed 1.1, written to the sink's single file.
void write_json_feed(const ir::Site& site, const FeedOptions& options, Sink& sink, ir::Diagnostics& diagnostics);

}  // namespace blogconv::writers
