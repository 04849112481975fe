// A Jekyll site as writers see it: site metadata and its documents, fully resolved.
//
// Everything a writer needs is here as a typed field; the original _config.yml and each
// document's front matter are kept whole as ir::Value so that nothing is lost in translation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ir/body.h"
#include "ir/datetime.h"
#include "ir/diagnostic.h"
#include "ir/value.h"

namespace blogconv::ir {

// What a document is to the site: a post of the blog (dated, in feeds and books), a page, or a
// document of another collection (talks, projects, …).
enum class DocumentKind { post, page, collection_document };

struct Document {
    std::string source_path;   // relative to the site root, '/'-separated: "_posts/2018-03-03-x.md"
    std::string collection;    // "posts" for _posts and _drafts; a collection label; "" for a page
    std::string title;         // front matter title, or made from the slug as Jekyll does
    std::optional<DateTime> date;           // in the site's zone (or the offset written)
    std::optional<DateTime> last_modified;  // from last_modified_at
    std::string date_source;   // "front-matter", "filename", "site.time" or "mtime"
    std::string slug;          // from the file name (without date and extension)
    std::string url;           // the permalink, as Jekyll computes it (percent-encoded, no baseurl)
    std::vector<std::string> categories;
    std::vector<std::string> tags;
    std::vector<std::string> authors;
    std::string description;
    std::string lang;          // the document's `lang`, "" when not set
    std::string image;         // the document's image (front matter `image`, `image.path`, …)
    bool draft = false;        // from _drafts
    bool published = true;     // false for `published: false`
    bool future = false;       // dated after the site's time
    std::string input_format;  // "markdown" or "html"
    Blocks excerpt;            // explicit `excerpt`, else up to excerpt_separator (first paragraph)
    bool excerpt_explicit = false;
    // Where the excerpt ends: the first blank line (Jekyll's default) unless the document or the
    // site names another marker, which a writer carrying the site over keeps (Hugo's <!--more-->).
    bool excerpt_custom_separator = false;
    Blocks body;
    // jekyll-redirect-from, when the site enables it: the site paths (leading slash, no baseurl)
    // that send their reader here, and where this document sends its reader instead of showing
    // itself ("" when it does not): an absolute URL as written, or a site path (leading slash, no
    // baseurl). A redirecting document's body is the plugin's "Redirecting…" page.
    std::vector<std::string> redirect_from;
    std::string redirect_to;
    Value front_matter;        // every key as written, in order (after defaults were applied)
    std::vector<Diagnostic> diagnostics;

    // Writers ask this instead of comparing `collection` with a reader's label.
    DocumentKind kind() const {
        return collection == "posts" ? DocumentKind::post
               : collection.empty() ? DocumentKind::page
                                    : DocumentKind::collection_document;
    }
    bool is_post() const { return kind() == DocumentKind::post; }
};

struct Author {
    std::string name;
    std::string email;
    std::string uri;
    bool operator==(const Author&) const = default;
};

// A file Jekyll copies to the output as it is (or would process: SCSS, CoffeeScript), for the
// Hugo migration's static/ folder and for writers that embed images.
struct StaticFile {
    std::string source_path;  // relative to the site root, '/'-separated
    bool processed = false;   // Jekyll would transform it (e.g. .scss with front matter): reported, not copied raw
    bool operator==(const StaticFile&) const = default;
};

// How the site wants its feeds (jekyll-feed's `feed:` settings), read by the reader so that feed
// writers need not know the configuration's keys. Unset fields leave the writer's default.
struct FeedSettings {
    std::string path;                        // the main feed's path below the site ("/feed.xml"); "" = default
    std::optional<bool> excerpt_only;        // entries carry only the excerpt
    std::optional<std::size_t> posts_limit;  // most entries
    std::string icon;                        // the feed's icon and logo, as written (site-relative or absolute)
    std::string logo;
    // Extra feeds, one per tag / per category, beside the main one: the names to write them for,
    // `*` alone meaning every one. Empty: none.
    std::vector<std::string> tag_feeds;
    std::vector<std::string> category_feeds;
    bool operator==(const FeedSettings&) const = default;
};

// How the source site arranges itself, for a writer that carries the whole site over (the Hugo
// migration), so it need not know the source's configuration keys.
struct SiteConventions {
    // Each collection's permalink template as the site writes it ("date", "/:year/:title/"), by
    // label; the posts' entry is the site's style. A collection without its own is absent.
    std::map<std::string, std::string> permalinks;
    std::optional<std::int64_t> posts_per_page;   // pagination (`paginate`), unset when off
    std::optional<std::int64_t> excerpt_words;    // a theme's `excerpt_length`, in words
    std::vector<std::string> plugins;             // the plugins the site enables, as named
    bool operator==(const SiteConventions&) const = default;
};

struct Site {
    std::string root;          // the folder read ("" when single files were given)
    std::string title;         // `title`, else `name`
    std::string description;
    std::string url;           // "https://example.org" (no trailing slash), "" when unset
    std::string baseurl;       // "/blog" or "" (no trailing slash)
    std::string lang;          // `lang` / `language`, "" when unset
    std::vector<Author> authors;
    std::string cover;         // the site's cover image (`cover:` or `image:`, a path as written), "" when none
    FeedSettings feed;
    SiteConventions conventions;
    std::string timezone;      // IANA name, "" = UTC
    DateTime time;             // site.time: the newest document date, never the clock
    Value config;              // the whole _config.yml
    std::vector<Document> documents;  // sorted by date, then path (oldest first)
    std::vector<StaticFile> static_files;  // sorted by path
    Value data;                // `site.data`: the _data/ folder, one key per file (nested for folders)
};

}  // namespace blogconv::ir
