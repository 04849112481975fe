// The one place that says where a URL written in a document points: the web, a fragment of the
// document, or a file of the site — and which file. Every writer (EPUB, standalone HTML, Hugo,
// feeds, Markdown) asks here, so one post's image is the same file in every format.
//
// A relative URL is tried against, in this order:
//   1. the folder of the document's source file: that is where the author's editor, GitHub's
//      preview and most Markdown tools look, so it is the file the author saw;
//   2. the folder of the document's permalink: where a browser looks on the built site (an image
//      beside `/2024/05/post/index.html` written as `img.png`);
//   3. the site root: themes that set `<base href="{{ site.baseurl }}/">` make `assets/x.png`
//      mean the root's `assets/`, and posts copied from a page at the root keep working.
// A root-absolute URL (`/assets/x.png`, with `site.baseurl` in front or not, or the site's own
// `site.url` in front) names one file. Paths are percent-decoded; `..` that climbs above the
// root makes a candidate impossible, never a path outside the site.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ir/site.h"

namespace blogconv::writers {

enum class UrlKind {
    empty,        // "" (or only white space)
    remote,       // http:, https:, //host, mailto:, any other scheme, off this site
    data,         // data: URI
    fragment,     // "#x" or "?q" only: the document itself
    site,         // a file of the site: see candidates
    outside_root  // every reading of the path climbs above the site root: refused
};

struct SiteUrl {
    UrlKind kind = UrlKind::empty;
    // For UrlKind::site: paths relative to the site root ('/'-separated, percent-decoded, no
    // leading '/'), in the order above, without repeats.
    std::vector<std::string> candidates;
    std::string query;     // the "?…" part as written, without the '?' ("" when none)
    std::string fragment;  // the "#…" part as written, without the '#' ("" when none)
};

// What a relative URL is resolved against: the document it is written in, and the site.
struct UrlBase {
    std::string_view source_path;  // ir::Document::source_path ("_posts/2024-01-01-x.md")
    std::string_view permalink;    // ir::Document::url ("/2024/01/01/x.html"); may be ""
    std::string_view site_url;     // ir::Site::url ("https://example.org"); may be ""
    std::string_view baseurl;      // ir::Site::baseurl ("/blog"); may be ""
};

// `url` as written in the document (white space around it is ignored).
SiteUrl resolve_site_url(std::string_view url, const UrlBase& base);

// The base for URLs written in `document` of `site`.
UrlBase url_base(const ir::Document& document, const ir::Site& site);

// The first of `url`'s candidates for which `exists` is true, or nullopt. Writers that read the
// bytes use read_site_url (resources.h) instead.
std::optional<std::string> first_existing(const SiteUrl& url, const std::function<bool(const std::string&)>& exists);

// True when `site_path` is one of the site's static files (ir::Site::static_files): the
// existence check of writers that only point at files (feeds, Markdown) and never read them.
bool is_static_file(const ir::Site& site, const std::string& site_path);

// The site path a browser fetches for `url` on the built site: resolved against the permalink's
// folder only, as written in HTML. nullopt for a URL off the site, one whose `..` climbs above
// the root, or one that names no path ("#x"). A writer keeps a URL as written when this is the
// file resolve_site_url found, and otherwise points at where the file is served (served_url).
std::optional<std::string> browser_site_path(std::string_view url, const UrlBase& base);

// The URL at which the site serves the file at `site_path`: `site_url` (may be ""), `baseurl`,
// '/', the path percent-encoded, then "?query" and "#fragment" when `url` has them.
std::string served_url(const std::string& site_path, const SiteUrl& url, std::string_view site_url,
                       std::string_view baseurl);

// For writers whose output serves each page at its Jekyll URL and each site file at its path
// (Hugo, Markdown, feeds): the URL to write instead of `url` so that it shows the file
// resolve_site_url finds (the first candidate `exists` accepts), when a browser would not find
// that file from the page as written (an image written relative to the post's source file).
// nullopt when `url` as written already leads to that file, or names no file that exists. The
// new URL is served_url(file, …, site_url, base.baseurl): root-relative when `site_url` is "".
std::optional<std::string> relocated_url(std::string_view url, const UrlBase& base,
                                         const std::function<bool(const std::string&)>& exists,
                                         std::string_view site_url);

// ---- The pieces, for writers that handle links as well as files ------------------------------

// Percent-decodes %XX sequences (invalid ones are kept as written).
std::string percent_decode(std::string_view s);

// Percent-encodes what may not stand in a URL path as it is (non-ASCII, controls, space, `%`,
// `#`, `?`, `"`, `<`, `>`).
std::string percent_encode_path(std::string_view s);

// Percent-encodes what may not stand in a whole URL (non-ASCII, controls, space, `"`, `<`, `>`),
// keeping its `%XX`, `?` and `#` as they are.
std::string percent_encode_url(std::string_view s);

// True for a URL that starts with a scheme ("https:", "mailto:", "data:"): a letter, then
// letters, digits, '+', '-' or '.', then ':'.
bool has_scheme(std::string_view url);

// True for a URL that leaves the document's site as written: a scheme or a "//host" start.
// (own_site_path tells whether it comes back to this site.)
bool is_remote(std::string_view url);

// The URL's path (with its query and fragment) when it is on the site at `site_url`, compared by
// host so the http:, https: and "//" forms all count ("https://x.org/a.png" -> "/a.png",
// "https://x.org" -> "/"); nullopt when it is not (another host, "x.org.evil.com", no site_url).
std::optional<std::string> own_site_path(std::string_view url, std::string_view site_url);

// `path` (root-absolute) without `baseurl` in front ("/blog/a.png" -> "/a.png"); unchanged when
// it does not start with baseurl followed by '/', '?', '#' or nothing.
std::string_view strip_baseurl(std::string_view path, std::string_view baseurl);

// `rel` joined to the folder `dir` ('/'-separated, both relative to the site root), with "." and
// ".." resolved: nullopt when ".." climbs above the root; "" for the root itself.
std::optional<std::string> join_site_path(std::string_view dir, std::string_view rel);

}  // namespace blogconv::writers
