// Where a URL written in a post points: the web, a fragment, or a file of the site.
//
// Writers that embed files (EPUB, standalone HTML) or copy them (Hugo) must find the file an
// image `src` names. A browser resolves a relative URL against the page's URL, so that comes
// first; many authors write paths relative to the source file instead (it previews on GitHub),
// so that is the second candidate. A path that climbs out of the site is refused, never read.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace blogconv::writers {

enum class UrlKind {
    empty,        // ""
    remote,       // http:, https:, //host, mailto:, any other scheme
    data,         // data: URI
    fragment,     // "#x" only
    site,         // a file of the site: see candidates
    outside_root  // a path whose `..` climbs above the site root: refused
};

struct SiteUrl {
    UrlKind kind = UrlKind::empty;
    // For UrlKind::site: paths relative to the site root ('/'-separated, percent-decoded, no
    // leading '/'), most likely first.
    std::vector<std::string> candidates;
    std::string fragment;  // "#x" part, if any (without the '#')
};

// `url` as written in the document; `document_url` the document's permalink (ir::Document::url);
// `document_source` its source path (ir::Document::source_path); `baseurl` the site's (stripped
// from site-absolute URLs that carry it).
SiteUrl resolve_site_url(std::string_view url, std::string_view document_url, std::string_view document_source,
                         std::string_view baseurl);

// Percent-decodes %XX sequences (invalid ones are kept as written).
std::string percent_decode(std::string_view s);

}  // namespace blogconv::writers
