// jekyll-relative-links (0.8): a Markdown link to one of the site's source files,
// `[About](about.md)` or `[x](../_posts/2020-01-02-a.md#part)`, becomes a link to the URL Jekyll
// gives that file (baseurl included, the fragment kept).
//
// The plugin acts on pages only, and on collection documents (posts too) when the site sets
// `relative_links: {collections: true}`; `relative_links: {enabled: false}` turns it off. It
// rewrites links written in Markdown files; a link to a file that is no document of the site, a
// fragment alone, or a URL with a scheme is left as written.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ir/body.h"
#include "ir/value.h"
#include "readers/link_resolver.h"

namespace blogconv::readers {

// Whether the plugin rewrites a document's links, given the site's `relative_links` setting.
bool relative_links_apply(const ir::Value& site_config, bool is_page, bool markdown_source);

// The source file a link names, relative to the site root ("about.md", "_posts/x.md"), for a
// document in `folder`: the URL percent-decoded (CGI.unescape: `+` is a space too), a leading `/`
// meaning the site root, `.` and `..` resolved. nullopt when it climbs out of the site.
std::optional<std::string> link_source_path(std::string_view url_path, const std::string& folder);

// Every link of a body to a known file, rewritten.
void resolve_relative_links(ir::Blocks& body, const std::string& folder, const LinkResolver& links);

}  // namespace blogconv::readers
