// What the three feed writers share: choosing and ordering the posts, absolute URLs, the
// feed-level fields, and each entry's HTML made safe for a feed. The writers only add syntax.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ir/diagnostic.h"
#include "ir/site.h"
#include "writers/feeds/feed_options.h"

namespace blogconv::writers::feeds {

enum class FeedFormat { atom, rss, json };

// One post as every feed format needs it. Every string is already cleaned for XML (see
// html::xml_clean).
struct FeedEntry {
    const ir::Document* doc = nullptr;
    std::string title;                       // "" when the post has none
    std::string url;                         // absolute
    std::string id;                          // absolute; see FeedOptions::jekyll_ids
    std::string content_html;                // the whole post, URLs absolute; "" with excerpt_only
    std::string summary;                     // the description (text) or the excerpt (HTML); may be ""
    bool summary_is_html = false;
    std::string summary_text;                // the summary as plain text (JSON Feed)
    std::optional<ir::DateTime> published;   // the post's date
    ir::DateTime updated;                    // last_modified, else date, else the feed's updated
    std::vector<std::string> terms;          // tags, then categories, without duplicates or empties
    std::vector<std::string> authors;        // the post's author names ("" entries dropped)
    std::string image;                       // absolute, "" when none
    std::string lang;                        // the post's lang when it differs from the site's
};

// The feed as a whole.
struct FeedData {
    std::string site_url;      // scheme://host[:port], no trailing slash
    std::string home_url;      // site URL + baseurl + "/"
    std::string self_url;      // the feed's own absolute URL
    std::string title;         // may be ""
    std::string description;   // may be ""
    std::string lang;          // BCP 47 ("en-US"), "" when unset or not a valid tag
    std::vector<ir::Author> authors;  // never empty: falls back to the title or the host name
    ir::DateTime updated;      // newest date among the entries, else site.time
    std::string icon;          // absolute, from `feed.icon`; "" when not configured
    std::string logo;          // absolute, from `feed.logo`; "" when not configured
    bool excerpt_only = false;
    std::vector<FeedEntry> entries;  // newest first
};

// Everything a writer needs, or nullopt after adding an error to `diagnostics` (no site URL).
std::optional<FeedData> prepare_feed(const ir::Site& site, const FeedOptions& options, FeedFormat format,
                                     ir::Diagnostics& diagnostics);

// The posts a feed shows, newest first (date, then source path, then URL, all descending, so
// equal dates come in the reverse of Jekyll's own order; undated posts last): collection
// "posts", published, passing the tag/category filters, at most `limit` (0 = all).
std::vector<const ir::Document*> select_posts(const ir::Site& site, const FeedOptions& options, std::size_t limit);

// `reference` resolved against the absolute URL `base` (RFC 3986 section 5.2, with dot segments
// removed). Absolute references (any scheme: https:, mailto:, data:) and "" are returned as they are.
std::string resolve_url(std::string_view base, std::string_view reference);

// scheme://authority of an absolute URL ("https://example.org:8080"), "" when there is none.
std::string url_origin(std::string_view url);

// A BCP 47 tag from a Jekyll `lang` ("en_US" -> "en-US"), or "" when it cannot be one.
std::string language_tag(std::string_view lang);

}  // namespace blogconv::writers::feeds
