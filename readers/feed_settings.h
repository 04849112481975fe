// The site-level settings writers need, taken out of `_config.yml` here so that writers never
// read Jekyll's configuration keys: jekyll-feed's `feed:` mapping and the site's cover image.
#pragma once

#include <string>

#include "ir/site.h"
#include "ir/value.h"

namespace blogconv::readers {

// jekyll-feed's `feed:` settings (path, excerpt_only, posts_limit, icon, logo, tags, categories)
// from the whole configuration. Values of the wrong type are left unset, as jekyll-feed ignores them.
ir::FeedSettings feed_settings(const ir::Value& config);

// The cover a book of the site uses: `cover:`, else `image:` (a path, or a mapping with `path`).
std::string site_cover(const ir::Value& config);

}  // namespace blogconv::readers
