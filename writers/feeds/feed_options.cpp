#include "writers/feeds/feed_options.h"

namespace blogconv::writers {

const std::vector<OptionSpec<FeedOptions>>& feed_option_table() {
    static const std::vector<OptionSpec<FeedOptions>> table = {
        {"site-url", OptionKind::text, "Absolute site URL for feeds, instead of _config.yml's url", {},
         [](FeedOptions& o, const std::string& v) { o.site_url = v; }},
        title_option<FeedOptions>(),
        {"excerpt-only", OptionKind::flag, "Feeds: only the excerpt, no full content", {},
         [](FeedOptions& o, const std::string&) { o.excerpt_only = true; }},
    };
    return table;
}

}  // namespace blogconv::writers
