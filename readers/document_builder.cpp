#include "readers/document_builder.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <sstream>
#include <utility>

#include "readers/front_matter.h"
#include "readers/front_matter_defaults.h"
#include "readers/reader_diagnostic.h"
#include "readers/site_paths.h"
#include "readers/text_match.h"
#include "readers/yaml_value.h"

namespace blogconv::readers {

namespace {

namespace fs = std::filesystem;

// The value of `key` when it is set: Jekyll treats a null and a `false` value as unset for
// date, title, slug and permalink.
const ir::Value* set_value(const ir::Value& data, const char* key) {
    const ir::Value* v = data.find(key);
    if (!v || v->is_null() || (v->is_bool() && !v->as_bool())) return nullptr;
    return v;
}

std::vector<std::string> split_words(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    std::string w;
    while (in >> w) out.push_back(w);
    return out;
}

void append_unique(std::vector<std::string>& to, const std::string& v) {
    if (std::find(to.begin(), to.end(), v) == to.end()) to.push_back(v);
}

// The file line where front matter key `key` is written, for diagnostics about its value.
std::pair<int, std::string> key_line(const std::string& yaml, const std::string& key) {
    std::istringstream in(yaml);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (line.starts_with(key + ":")) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            return {n, line};
        }
    }
    return {0, {}};
}

// The folder that holds the document's collection: `_drafts`, `_posts`, `_label` (`_` for a page).
std::string collection_folder(const DocumentSource& source) {
    return source.draft ? "_drafts" : (source.collection == "posts" ? "_posts" : "_" + source.collection);
}

std::string extension_of(const std::string& relative_path) { return fs::path(relative_path).extension().string(); }

}  // namespace

std::optional<DatedName> parse_dated_name(std::string_view relative_path) {
    // Jekyll's dated name, `.` spelled `[^\n\r]` as in the ECMAScript original (text_match.h).
    static const RE2 dated(R"(^(?:[^\n\r]+/)*?(\d{2,4})-(\d{1,2})-(\d{1,2})-([^/]*)(\.[^.]+)$)",
                           byte_pattern_options());
    std::string year, month, day, slug;
    if (!RE2::FullMatch(relative_path, dated, &year, &month, &day, &slug)) return std::nullopt;
    DatedName name;
    name.year = std::stoi(year);
    if (name.year < 100) name.year += name.year < 69 ? 2000 : 1900;  // Time.parse reads a two-digit year so
    name.month = std::stoi(month);
    name.day = std::stoi(day);
    name.slug = std::move(slug);
    return name;
}

std::optional<ParsedFrontMatter> parse_front_matter(const std::string& yaml, const std::string& display,
                                                    const Limits& limits, std::vector<ir::Diagnostic>& diagnostics) {
    ParsedFrontMatter out;
    YamlResult y = parse_yaml(yaml, display, 1, limits.max_yaml_nodes);
    if (y.error) {
        diagnostics.push_back(*y.error);
        return std::nullopt;
    }
    if (y.value.is_object()) {
        out.values = y.value;
    } else if (!y.value.is_null()) {
        diagnostics.push_back(make_diagnostic(ir::DiagnosticCode::front_matter_not_mapping, display, 1, 1,
                                              "the front matter is not a mapping of keys to values; ignored", "---",
                                              ir::Severity::warning));
    }
    out.timestamp_keys = y.plain_timestamp_keys;
    return out;
}

std::vector<std::string> folder_categories(const DocumentSource& source) {
    std::vector<std::string> categories;
    const std::string& path = source.relative_path;
    const std::string magic = collection_folder(source);
    if (path.starts_with(magic)) return categories;
    std::size_t at = path.find(magic);
    std::string above = at == std::string::npos ? path : path.substr(0, at);
    std::string base = path.substr(path.rfind('/') + 1);
    std::istringstream parts(above);
    std::string part;
    while (std::getline(parts, part, '/'))
        if (!part.empty() && part != magic && part != base) append_unique(categories, part);
    return categories;
}

std::vector<std::string> category_list(const ir::Value& value) {
    std::vector<std::string> out;
    if (value.is_string()) return split_words(value.as_string());
    if (value.is_array()) {
        for (const auto& e : value.as_array())
            if (!e.is_null()) out.push_back(e.to_text());
        return out;
    }
    if (!value.is_null()) out.push_back(value.to_text());
    return out;
}

std::vector<std::string> pluralized_list(const ir::Value& data, const char* singular, const char* plural) {
    std::vector<std::string> out;
    if (const ir::Value* s = data.find(singular); s && !s->is_null()) {
        if (s->is_array()) {
            for (const auto& e : s->as_array())
                if (!e.is_null()) out.push_back(e.to_text());
        } else {
            out.push_back(s->to_text());
        }
        return out;
    }
    if (const ir::Value* p = data.find(plural); p && !p->is_null()) return category_list(*p);
    return out;
}

std::vector<std::string> document_categories(std::vector<std::string> folders, const ir::Value& defaults,
                                             const ir::Value& front_matter, const ir::Value& data) {
    std::vector<std::string> categories = std::move(folders);
    if (const ir::Value* dc = defaults.find("categories"); dc && !dc->is_null()) {
        std::vector<std::string> merged = dc->is_array() ? category_list(*dc) : categories;
        for (const auto& x : dc->is_array() ? categories : category_list(*dc)) append_unique(merged, x);
        categories = merged;
    }
    if (const ir::Value* fc = front_matter.find("categories"); fc && !fc->is_null())
        for (const auto& x : category_list(*fc)) append_unique(categories, x);
    for (const auto& x : pluralized_list(data, "category", "categories")) append_unique(categories, x);
    return categories;
}

DocumentDate document_date(const DocumentSource& source, const std::optional<DatedName>& name, const ir::Value& data,
                           const ParsedFrontMatter& front_matter, std::int64_t mtime, const DocumentRules& rules) {
    DocumentDate out;
    std::optional<ir::DateTime>& date = out.date;
    if (const ir::Value* d = set_value(data, "date")) {
        const ir::Value* written = front_matter.values.find("date");
        bool from_fm = written && !written->is_null();
        date = parse_jekyll_date(d->to_text(), from_fm && front_matter.timestamp_keys.count("date") > 0, rules.zone);
        if (!date) {
            out.error = "invalid date '" + d->to_text() +
                        "': write it as YYYY-MM-DD or YYYY-MM-DD HH:MM:SS +0000; skipped";
            out.at_date_key = true;
            return out;
        }
        out.source = "front-matter";
    }
    // A post's default date is the build's time, so a front-matter date equal to `now` reads as
    // unset and the file name decides.
    if (name && (!date || (rules.now && date->utc_seconds == rules.now->utc_seconds))) {
        date = filename_date(name->year, name->month, name->day, rules.zone);
        if (!date) {
            out.error = "invalid date in the file name; rename it YYYY-MM-DD-title" +
                        extension_of(source.relative_path) + "; skipped";
            return out;
        }
        out.source = "filename";
    }
    const bool page = source.collection.empty();
    if (!date && !page) {  // pages have no date unless they say so
        if (source.draft || !rules.now) {
            date = rules.zone.at(mtime);
            out.source = "mtime";
        } else {
            date = rules.zone.at(rules.now->utc_seconds);
            out.source = "site.time";
        }
    }
    if (date) {
        // Atom and RSS dates (RFC 3339, RFC 822) and EPUB's have four-digit years: a post dated
        // in year 12345 or before year 1 would make every feed of the site invalid.
        const int year = ir::to_civil(*date).year;
        if (year < 1 || year > 9999) {
            out.error = "the date's year " + std::to_string(year) +
                        " is outside 1 to 9999, which feeds and books cannot carry; skipped";
            out.code = ir::DiagnosticCode::date_out_of_range;
            out.at_date_key = true;
        }
    }
    return out;
}

std::string file_slug(const DocumentSource& source, const std::optional<DatedName>& name) {
    std::string slug = name ? name->slug : fs::path(source.relative_path).stem().string();
    while (!slug.empty() && slug.back() == '.') slug.pop_back();
    return slug;
}

std::string document_title(const ir::Value& data, const std::string& slug) {
    const ir::Value* title = set_value(data, "title");
    return title ? title->to_text() : titleize_slug(slug);
}

std::string document_slug(const ir::Value& data, const std::string& slug) {
    const ir::Value* written = set_value(data, "slug");
    return written ? written->to_text() : slug;
}

std::string page_template(const std::string& style, const std::string& basename, bool html_output) {
    if (!html_output) return "/:path/:basename:output_ext";
    if (basename == "index") return "/:path/";
    std::string t = "/:path/:basename";
    if (style == "pretty") return t + "/";
    if (style == "date" || style == "ordinal" || style == "none" || style == "weekdate") return t + ":output_ext";
    if (style.ends_with("/")) t += "/";
    if (style.ends_with(":output_ext")) t += ":output_ext";
    return t;
}

std::string permalink_template(const DocumentSource& source, const SiteConfig& config) {
    if (source.collection.empty())
        return page_template(config.permalink, fs::path(source.relative_path).stem().string(), true);
    if (const CollectionConfig* col = config.collection(source.collection); col && col->permalink)
        return *col->permalink;
    return source.collection == "posts" ? style_to_permalink(config.permalink)
                                        : collection_default_template(config.permalink);
}

UrlPlaceholders url_placeholders(const DocumentSource& source, const std::string& slug,
                                 const std::vector<std::string>& categories, const std::optional<ir::DateTime>& date) {
    const std::string& rel = source.relative_path;
    UrlPlaceholders ph;
    ph.collection = source.collection;
    if (source.collection.empty()) {
        // Page#url_placeholders: :path is the page's folder.
        std::string dir = fs::path(rel).parent_path().generic_string();
        ph.path = dir.empty() ? "" : "/" + dir;
    } else {
        // Document#cleaned_relative_path: the extension and the collection folder taken out.
        std::string without_ext = rel.substr(0, rel.size() - extension_of(rel).size());
        std::string coll_dir = source.collection == "posts" ? "_posts" : "_" + source.collection;
        if (auto at = without_ext.find(coll_dir); at != std::string::npos) without_ext.erase(at, coll_dir.size());
        while (!without_ext.empty() && without_ext.back() == '.') without_ext.pop_back();
        ph.path = without_ext;
    }
    ph.basename = fs::path(rel).stem().string();
    ph.slug = slug;
    ph.categories = categories;
    ph.output_ext = ".html";
    ph.date = date;
    return ph;
}

std::optional<std::string> document_permalink(const DocumentSource& source, const ir::Value& data,
                                              const UrlPlaceholders& placeholders, const SiteConfig& config,
                                              std::string* error) {
    std::optional<std::string> permalink;
    if (const ir::Value* p = set_value(data, "permalink")) permalink = p->to_text();
    return document_url(permalink_template(source, config), permalink, placeholders, error);
}

bool leaves_root(std::string_view url) {
    std::string decoded;
    for (std::size_t i = 0; i < url.size(); ++i) {
        if (url[i] == '%' && i + 2 < url.size() && std::isxdigit(static_cast<unsigned char>(url[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(url[i + 2]))) {
            decoded += static_cast<char>(std::stoi(std::string(url.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            decoded += url[i];
        }
    }
    std::size_t start = 0;
    while (start <= decoded.size()) {
        std::size_t end = decoded.find_first_of("/\\", start);
        if (end == std::string::npos) end = decoded.size();
        if (decoded.compare(start, end - start, "..") == 0 && end - start == 2) return true;
        start = end + 1;
    }
    return false;
}

Publication publication(const ir::Value& data, const std::optional<ir::DateTime>& date, const SiteConfig& config,
                        const DocumentRules& rules) {
    Publication out;
    if (const ir::Value* p = data.find("published"); p && p->is_bool() && !p->as_bool()) out.published = false;
    out.future = date && rules.now && date->utc_seconds > rules.now->utc_seconds;
    if (!out.published && !rules.unpublished) out.keep = false;
    if (out.future && !(rules.future || config.future)) out.keep = false;
    return out;
}

std::vector<std::string> document_authors(const ir::Value& data) {
    std::vector<std::string> authors;
    auto add_author = [&](const ir::Value& a) {
        if (a.is_string() && !a.as_string().empty()) authors.push_back(a.as_string());
        else if (a.is_object()) {
            if (const ir::Value* n = a.find("name")) authors.push_back(n->to_text());
        } else if (!a.is_null() && !a.is_array() && !a.to_text().empty()) {
            authors.push_back(a.to_text());
        }
    };
    for (const char* key : {"author", "authors"}) {
        if (const ir::Value* a = data.find(key)) {
            if (a->is_array()) {
                for (const auto& x : a->as_array()) add_author(x);
            } else {
                add_author(*a);
            }
        }
    }
    return authors;
}

std::string image_url(const ir::Value& image) {
    if (image.is_string()) return image.as_string();
    if (image.is_object()) {
        for (const char* k : {"path", "url", "feature", "src", "thumbnail"})
            if (const ir::Value* p = image.find(k); p && p->is_string()) return p->as_string();
    }
    return {};
}

ir::Value kept_front_matter(const ir::Value& front_matter, const ir::Value& data,
                            const std::vector<std::string>& categories) {
    ir::Value kept = front_matter;
    for (const auto& [k, v] : data.as_object())
        if (const ir::Value* w = kept.find(k); !w || w->is_null()) kept.set(k, v);
    if (!categories.empty() && !front_matter.find("categories") && !data.find("categories")) {
        ir::Array arr;
        for (const auto& x : categories) arr.push_back(x);
        kept.set("categories", arr);
    }
    return kept;
}

ir::Value liquid_page(const ir::Value& data, const ir::Document& doc, const DocumentSource& source) {
    ir::Value page = data;
    page.set("url", doc.url);
    if (doc.date) page.set("date", ir::format_rfc3339(*doc.date));
    page.set("title", doc.title);
    page.set("slug", doc.slug);
    ir::Array cats, tags;
    for (const auto& x : doc.categories) cats.push_back(x);
    for (const auto& x : doc.tags) tags.push_back(x);
    page.set("categories", cats);
    page.set("tags", tags);
    page.set("path", source.relative_path);
    page.set("collection", source.collection);
    if (source.draft) page.set("draft", true);
    return page;
}

PreparedDocument build_document(const DocumentSource& source, std::string_view text, std::int64_t mtime,
                                const SiteConfig& config, const DocumentRules& rules) {
    PreparedDocument st;
    const std::optional<DatedName> name = parse_dated_name(source.relative_path);
    if (source.require_dated_name && !name) return st;  // Jekyll does not read it
    const std::string& shown = source.display;
    auto skip = [&](ir::DiagnosticCode code, const std::string& yaml, const char* key, int col, std::string message) {
        auto [line, src] = key ? key_line(yaml, key) : std::pair<int, std::string>{0, {}};
        st.diagnostics.push_back(make_diagnostic(code, shown, line, line ? col : 0, std::move(message), std::move(src)));
        return std::move(st);
    };

    // A UTF-16 file fails the YAML-header test; say why instead of taking it for a static file.
    bool utf16 = text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF");
    if (source.require_yaml_header && !utf16 && !has_yaml_header(text)) return st;  // a static file
    if (!check_file_text(text, shown, rules.limits, st.diagnostics)) return st;
    FrontMatterSplit split = split_front_matter(strip_bom(text));
    if (!check_body_text(split.body, shown, split.body_first_line, rules.limits, st.diagnostics)) return st;
    ParsedFrontMatter fm;
    if (split.has_front_matter) {
        auto parsed = parse_front_matter(split.yaml, shown, rules.limits, st.diagnostics);
        if (!parsed) return st;
        fm = std::move(*parsed);
    }

    ir::Document& doc = st.doc;
    doc.source_path = source.source_path;
    doc.collection = source.collection;
    doc.draft = source.draft;
    doc.input_format = ascii_lower(extension_of(source.relative_path)) == ".html" ? "html" : "markdown";

    ir::Value defaults = front_matter_defaults(config, source.relative_path, source.collection);
    ir::Value data = ir::Object{};
    deep_merge(data, defaults);
    deep_merge(data, fm.values);
    doc.categories = document_categories(folder_categories(source), defaults, fm.values, data);
    doc.tags = pluralized_list(data, "tag", "tags");

    DocumentDate date = document_date(source, name, data, fm, mtime, rules);
    if (!date.error.empty()) return skip(date.code, split.yaml, date.at_date_key ? "date" : nullptr, 7, date.error);
    doc.date = date.date;
    doc.date_source = date.source;
    const std::string slug = file_slug(source, name);
    doc.title = document_title(data, slug);
    doc.slug = document_slug(data, slug);

    std::string url_error;
    auto url = document_permalink(source, data, url_placeholders(source, doc.slug, doc.categories, doc.date), config,
                                  &url_error);
    if (!url) return skip(ir::DiagnosticCode::permalink_invalid, split.yaml, "permalink", 0, url_error + "; skipped");
    doc.url = *url;
    if (leaves_root(*url))
        return skip(ir::DiagnosticCode::permalink_leaves_root, split.yaml, "permalink", 0,
                    "permalink '" + *url + "' climbs above the site root with '..'; skipped");

    Publication pub = publication(data, doc.date, config, rules);
    doc.published = pub.published;
    doc.future = pub.future;
    if (!pub.keep) return st;

    doc.authors = document_authors(data);
    if (const ir::Value* v = data.find("description")) doc.description = v->to_text();
    if (const ir::Value* v = data.find("lang")) doc.lang = v->to_text();
    if (const ir::Value* v = data.find("image")) doc.image = image_url(*v);
    if (const ir::Value* v = data.find("last_modified_at"); v && !v->is_null()) {
        doc.last_modified =
            parse_jekyll_date(v->to_text(), fm.timestamp_keys.count("last_modified_at") > 0, rules.zone);
        if (!doc.last_modified) {
            auto [line, src] = key_line(split.yaml, "last_modified_at");
            st.diagnostics.push_back(make_diagnostic(ir::DiagnosticCode::last_modified_invalid, shown, line, 0,
                                                     "invalid last_modified_at '" + v->to_text() + "'; ignored", src,
                                                     ir::Severity::warning));
        }
    }
    doc.front_matter = kept_front_matter(fm.values, data, doc.categories);

    if (const ir::Value* r = data.find("render_with_liquid"); r && r->is_bool() && !r->as_bool())
        st.render_liquid = false;
    if (const ir::Value* e = data.find("excerpt_separator"); e && !e->is_null()) st.excerpt_separator = e->to_text();
    else if (config.excerpt_separator) st.excerpt_separator = *config.excerpt_separator;
    doc.excerpt_custom_separator = st.excerpt_separator != "\n\n";
    if (const ir::Value* e = fm.values.find("excerpt"); e && e->is_string()) st.explicit_excerpt = e->as_string();

    st.page = liquid_page(data, doc, source);
    st.relative_path = source.relative_path;
    st.body = std::move(split.body);
    st.body_first_line = split.body_first_line;
    st.keep = true;
    return st;
}

}  // namespace blogconv::readers
