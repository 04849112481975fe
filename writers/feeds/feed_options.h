// Options of the three feed writers (Atom, RSS, JSON Feed). One struct for all three: they pick
// the same posts and differ only in syntax.
//
// Fields left unset fall back to the site's `_config.yml` `feed:` settings (the ones jekyll-feed
// reads: `path`, `excerpt_only`, `posts_limit`) and then to the defaults written here, so the
// CLI only fills what the user passed.
#pragma once

#include "writers/option_spec.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace blogconv::writers {

struct FeedOptions {
    // Most entries written, newest first. Unset: `feed.posts_limit`, else 10 (jekyll-feed's
    // default). 0 = every post.
    std::optional<std::size_t> limit;
    // Write only the summary (the excerpt), no full content. Unset: `feed.excerpt_only`, else false.
    std::optional<bool> excerpt_only;
    // Keep only posts with at least one of these tags (compared exactly). Empty = no filter.
    std::vector<std::string> tags;
    // Keep only posts with at least one of these categories. Empty = no filter. With both
    // filters set a post must pass both.
    std::vector<std::string> categories;
    // Absolute site URL ("https://example.org", no trailing slash) used instead of the config's
    // `url`. "" = the config's. Feeds need one of the two: with neither, the writer reports an
    // error and writes nothing.
    std::string site_url;
    // Feed title instead of the site's `title`. "" = the site's.
    std::string title;
    // The feed's own path below the site ("/feed.xml"), for its self link and id. Unset: for Atom
    // `feed.path`, else "/feed.xml" (jekyll-feed's); for RSS "/rss.xml"; for JSON Feed
    // "/feed.json". baseurl is prepended.
    std::optional<std::string> path;
    // The feed's full self URL, overriding site URL + baseurl + path. "" = computed.
    std::string self_url;
    // Entry ids as jekyll-feed writes them (`post.id`: the URL's folder joined with the slug, made
    // absolute), so that readers subscribed to an existing jekyll-feed feed see no duplicates after
    // the switch. Off: the post's absolute URL.
    bool jekyll_ids = true;
    // The generator named in the feed.
    std::string generator = "blogconv";
    // The generator's home page.
    std::string generator_uri = "https://github.com/blogconv/blogconv";
};

// The feed writers' command-line options (writers/option_spec.h), shared by all three.
const std::vector<OptionSpec<FeedOptions>>& feed_option_table();

}  // namespace blogconv::writers
