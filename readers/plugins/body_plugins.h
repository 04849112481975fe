// The plugins that change a document's rendered body, decided once per document and applied in
// Jekyll's order: jekyll-relative-links (a generator: before rendering, on the Markdown), then
// jekyll-mentions and jemoji (post_render hooks, on the HTML).
#pragma once

#include <optional>
#include <string>

#include "ir/body.h"
#include "ir/site.h"
#include "readers/link_resolver.h"
#include "readers/site_config.h"

namespace blogconv::readers {

struct BodyPlugins {
    bool relative_links = false;              // rewrite links to the site's source files
    std::optional<std::string> mention_base;  // link `@name` to this base; unset: mentions off
    bool jemoji = false;                      // replace `:alias:`
    bool operator==(const BodyPlugins&) const = default;
};

// What the site's plugins do to this document. `markdown_source`: the file is Markdown (the
// relative-links plugin reads Markdown only).
BodyPlugins body_plugins(const SiteConfig& config, const ir::Document& doc, bool markdown_source);

// The part of them that reaches an excerpt: relative links only. Jekyll::Excerpt#trigger_hooks
// does nothing, so the post_render plugins never see `post.excerpt`.
BodyPlugins excerpt_plugins(BodyPlugins plugins);

// Applies them to a body of a document in `folder` (relative to the site root). The mentions and
// emoji filters see text only: raw HTML is left as written.
void apply_body_plugins(const BodyPlugins& plugins, ir::Blocks& body, const std::string& folder,
                        const LinkResolver* links);

}  // namespace blogconv::readers
