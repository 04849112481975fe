// The site-level settings writers need, taken out of `_config.yml` here so that writers never
// read Jekyll's configuration keys: jekyll-feed's `feed:` mapping, the site's cover image, and the
// conventions a migration carries over (permalinks, pagination, plugins).
#pragma once

#include <string>

#include "ir/site.h"
#include "ir/value.h"
#include "readers/site_config.h"

namespace blogconv::readers {

// jekyll-feed's `feed:` settings (path, excerpt_only, posts_limit, icon, logo, tags, categories)
// from the whole configuration. Values of the wrong type are left unset, as jekyll-feed ignores them.
ir::FeedSettings feed_settings(const ir::Value& config);

// The cover a book of the site uses: `cover:`, else `image:` (a path, or a mapping with `path`).
std::string site_cover(const ir::Value& config);

// Permalink templates as written (posts: the site's `permalink`; other collections: their own),
// `paginate`, a theme's `excerpt_length`, and `plugins` with the older `gems`.
ir::SiteConventions site_conventions(const SiteConfig& config);

}  // namespace blogconv::readers
