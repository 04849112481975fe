// One Jekyll document's metadata, from its text: the steps Jekyll 4.3 takes between reading a
// file and rendering its body (Document#read, #populate_categories, #populate_tags, Post's date
// and slug from the file name, #url), each a pure function.
//
// Nothing here touches the disk or the clock: the caller gives the file's text and mtime and
// "now", so every step is tested from strings (tests/unit/document_steps_test.cpp). The site
// reader (readers/jekyll_site.cpp) finds the files (readers/site_discovery.h), reads them,
// calls build_document on each, then renders the bodies (readers/body_pipeline.h).
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ir/datetime.h"
#include "ir/diagnostic.h"
#include "ir/site.h"
#include "ir/value.h"
#include "readers/jekyll_dates.h"
#include "readers/limits.h"
#include "readers/permalink.h"
#include "readers/site_config.h"

namespace blogconv::readers {

// Where a document comes from, as the site walk found it; everything here is a string.
struct DocumentSource {
    // Jekyll's relative_path (relative to collections_dir): "_posts/2020-01-02-a.md",
    // "cat/_posts/x.md", "_drafts/x.md", "_talks/x.md", "about/index.md".
    std::string relative_path;
    // ir::Document::source_path: relative to the site root, or as given for loose files.
    std::string source_path;
    // The file as the user would type it, for diagnostics.
    std::string display;
    // "posts" (for _posts and _drafts), a collection's label, or "" for a page.
    std::string collection;
    // From `_drafts/`.
    bool draft = false;
    // `_posts`: only `YYYY-MM-DD-slug.ext` files are documents; others are not read at all.
    bool require_dated_name = false;
    // Collections and pages: a file without a `---` first line is a static file, not a document.
    bool require_yaml_header = false;
};

// What decides, besides _config.yml, whether a document is kept and how it is dated.
struct DocumentRules {
    // The site's zone (`timezone:`), in which zoneless dates are read and every date is shown.
    SiteZone zone;
    // "Now" for the future rule and for undated posts (site.time); unset: nothing is future, and
    // an undated post is dated by its file's mtime.
    std::optional<ir::DateTime> now;
    // Keep documents dated after `now` (--future; the config's `future: true` also does).
    bool future = false;
    // Keep `published: false` documents (--unpublished).
    bool unpublished = false;
    // Checks on the text before anything parses it (readers/limits.h).
    Limits limits;
};

// A document whose metadata is read and whose body is not yet rendered.
struct PreparedDocument {
    // False when it is no document (an undated name in _posts, a static file), was skipped (an
    // error in `diagnostics`), or is left out (unpublished, future).
    bool keep = false;
    // The typed fields and front matter; body and excerpt are filled by the renderer.
    ir::Document doc;
    std::string relative_path;   // Jekyll's, for the link index
    std::string body;            // the text after the front matter
    int body_first_line = 1;     // the file's line number of the body's first character
    bool render_liquid = true;   // false for `render_with_liquid: false`
    std::string excerpt_separator = "\n\n";
    std::optional<std::string> explicit_excerpt;  // front matter `excerpt`, rendered instead of the first paragraph
    ir::Value page;              // Liquid's `page`: the merged data plus Jekyll's computed fields
    std::vector<ir::Diagnostic> diagnostics;  // also those of a skipped document
};

// The whole step: a document from the text of its file (BOM and all) and the file's mtime.
PreparedDocument build_document(const DocumentSource& source, std::string_view text, std::int64_t mtime,
                                const SiteConfig& config, const DocumentRules& rules);

// ---- The steps build_document takes, in order -------------------------------------------------

// The date and slug of a post's `YYYY-MM-DD-slug.ext` file name (Jekyll's DATE_FILENAME_MATCHER;
// the date must be in the last path segment; `2014-3-3` and two-digit years too).
struct DatedName {
    int year = 0;  // a two-digit year as Time.parse reads it: 69-99 -> 19xx, 00-68 -> 20xx
    int month = 0;
    int day = 0;
    std::string slug;
};
std::optional<DatedName> parse_dated_name(std::string_view relative_path);

// The front matter of a split file, parsed. `timestamp_keys` are the top-level keys whose value
// was an unquoted YAML timestamp (a zoneless one is UTC). A YAML error is added to `diagnostics`
// and gives nullopt (the document is skipped); YAML that is not a mapping gives a warning and an
// empty mapping.
struct ParsedFrontMatter {
    ir::Value values = ir::Object{};
    std::set<std::string> timestamp_keys;
};
std::optional<ParsedFrontMatter> parse_front_matter(const std::string& yaml, const std::string& display,
                                                    const Limits& limits, std::vector<ir::Diagnostic>& diagnostics);

// Categories from the folders above the document's collection folder (`a/b/_posts/x.md` gives
// a, b), as Jekyll's Document#populate_categories takes them from the path.
std::vector<std::string> folder_categories(const DocumentSource& source);

// A `categories` or `tags` value as Jekyll reads it: a string is split on white space, an
// array's entries are kept (nulls dropped), another scalar is one entry.
std::vector<std::string> category_list(const ir::Value& value);

// Utils.pluralized_array_from_hash: the singular key wins (its value is not split), else the
// plural key (read by category_list). Empty when neither is set.
std::vector<std::string> pluralized_list(const ir::Value& data, const char* singular, const char* plural);

// Every category, without repeats, in Jekyll's order: the folders', merged with the defaults'
// (an array of defaults comes first, a string after), the front matter's, then `category` /
// `categories` of the merged `data` (defaults plus front matter).
std::vector<std::string> document_categories(std::vector<std::string> folders, const ir::Value& defaults,
                                             const ir::Value& front_matter, const ir::Value& data);

// A document's date and where it came from. Front matter `date` (or a default's) first, unless
// it equals `now` (Jekyll's own default) in a dated file name; then the file name; then, for a
// post or collection document, the mtime (drafts, or no `now`) or `now`. Pages have none.
struct DocumentDate {
    std::optional<ir::DateTime> date;
    std::string source;  // ir::Document::date_source; "" when there is no date
    // Set when the document must be skipped: an unreadable date, an impossible file-name date,
    // a year outside 1..9999. `at_date_key` says the message is about the front matter's `date:`.
    std::string error;
    ir::DiagnosticCode code = ir::DiagnosticCode::date_invalid;  // the kind of `error`
    bool at_date_key = false;
};
DocumentDate document_date(const DocumentSource& source, const std::optional<DatedName>& name, const ir::Value& data,
                           const ParsedFrontMatter& front_matter, std::int64_t mtime, const DocumentRules& rules);

// The slug the file name gives: the dated name's slug, else the file's stem; trailing dots off.
std::string file_slug(const DocumentSource& source, const std::optional<DatedName>& name);

// `title` of the data (a `false` title counts as missing), else the slug titleized.
std::string document_title(const ir::Value& data, const std::string& slug);

// `slug` of the data (unless null or false), else the file's slug.
std::string document_slug(const ir::Value& data, const std::string& slug);

// Jekyll's Page#template: index pages get their folder, others /:path/:basename plus the suffix
// the site's permalink style implies (Utils.add_permalink_suffix).
std::string page_template(const std::string& style, const std::string& basename, bool html_output);

// The permalink template that applies: a page's, the collection's own `permalink`, else the one
// the site's style gives posts or collections.
std::string permalink_template(const DocumentSource& source, const SiteConfig& config);

// Drops::UrlDrop for the document: its collection, cleaned path (a page's folder), basename,
// slug, categories and date, with output_ext ".html".
UrlPlaceholders url_placeholders(const DocumentSource& source, const std::string& slug,
                                 const std::vector<std::string>& categories, const std::optional<ir::DateTime>& date);

// The URL: the template filled, or the front matter's `permalink` when it is set (and not
// false). nullopt with `error` set when the template names an unknown placeholder.
std::optional<std::string> document_permalink(const DocumentSource& source, const ir::Value& data,
                                              const UrlPlaceholders& placeholders, const SiteConfig& config,
                                              std::string* error);

// Whether a URL path, percent-decoded, has a `..` segment (a writer turning it into a file path
// would climb out of its output folder; Jekyll drops a written `..` but not an encoded one).
bool leaves_root(std::string_view url);

// `published:` and the future rule. `keep` is false for `published: false` without
// --unpublished, and for a date after `now` without --future or the config's `future: true`.
struct Publication {
    bool published = true;
    bool future = false;
    bool keep = true;
};
Publication publication(const ir::Value& data, const std::optional<ir::DateTime>& date, const SiteConfig& config,
                        const DocumentRules& rules);

// `author` and `authors` (a string, a mapping's `name`, or a list of either), in that order.
std::vector<std::string> document_authors(const ir::Value& data);

// The URL of an `image` value: the string itself, or a mapping's `path`, `url`, `feature`, `src`
// or `thumbnail` (the first that is a string). "" for anything else.
std::string image_url(const ir::Value& image);

// ir::Document::front_matter: the front matter as written, in its order, then the keys only
// defaults gave (a null written value is filled from them), then `categories` when only folders
// gave them.
ir::Value kept_front_matter(const ir::Value& front_matter, const ir::Value& data,
                            const std::vector<std::string>& categories);

// Liquid's `page`: the merged data plus url, date, title, slug, categories, tags, path,
// collection (and draft) as the document now has them.
ir::Value liquid_page(const ir::Value& data, const ir::Document& doc, const DocumentSource& source);

}  // namespace blogconv::readers
