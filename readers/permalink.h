// Permalinks as Jekyll 4.3 computes them (Jekyll::URL, Drops::UrlDrop, Utils.slugify).
//
// A template (`/:categories/:year/:month/:day/:title:output_ext` or a style name) is filled from
// the document's placeholders, each value escaped as Jekyll escapes it (Addressable's path
// encoding: non-ASCII and spaces percent-encoded, `'` kept), then the URL is sanitized (`..`,
// `./`, repeated slashes).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ir/datetime.h"

namespace blogconv::readers {

// The template for a permalink style name (`date`, `pretty`, `ordinal`, `weekdate`, `none`);
// any other text is itself the template.
std::string style_to_permalink(const std::string& style);

// Jekyll's Utils.add_permalink_suffix: the default template of a collection without its own
// `permalink`, from the site's permalink style.
std::string collection_default_template(const std::string& site_permalink_style);

enum class SlugMode { raw, default_mode, pretty, ascii };
// Utils.slugify: runs of characters outside the mode's set become `-`, leading and trailing `-`
// are removed, and the result is lowercased unless `cased`.
std::string slugify(std::string_view text, SlugMode mode = SlugMode::default_mode, bool cased = false);

// Jekyll's titleize_slug: `hello-world` -> `Hello World` (each word capitalized, rest lowercased).
std::string titleize_slug(std::string_view slug);

// Unicode-aware lowercase for the scripts with case Jekyll sites use (Latin, Greek, Cyrillic).
std::string to_lower(std::string_view text);

// URL.escape_path: a placeholder's value made URL-safe.
std::string escape_path(std::string_view value);

// URL.sanitize_url: a leading `/`, `..` -> `/`, `./` removed, repeated slashes squeezed.
std::string sanitize_url(std::string_view url);

// What a document offers a template (Drops::UrlDrop).
struct UrlPlaceholders {
    std::string collection;      // the collection label
    std::string path;            // cleaned_relative_path: "/2012-03-01-talk-1" for "_talks/…md"
    std::string basename;        // the file name without its extension
    std::string slug;            // front matter `slug`, else the file-name slug
    std::vector<std::string> categories;
    std::string output_ext;      // ".html"
    std::optional<ir::DateTime> date;
};

// Fills `tmpl` (Jekyll's generate_url_from_drop). Returns nullopt with `error` set when the
// template names a placeholder Jekyll does not have (Jekyll raises there).
std::optional<std::string> expand_permalink(std::string_view tmpl, const UrlPlaceholders& p, std::string* error);

// URL.new(template:, permalink:, placeholders:).to_s: the document's URL. A set (even empty)
// `permalink` (front matter) wins over the template; its placeholders are filled too.
std::optional<std::string> document_url(const std::string& tmpl, const std::optional<std::string>& permalink,
                                        const UrlPlaceholders& p, std::string* error);

}  // namespace blogconv::readers
