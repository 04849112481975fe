#include "writers/standalone/standalone_writer.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "writers/highlight/highlighter.h"
#include "writers/html/elements.h"
#include "writers/html/escape.h"
#include "writers/html/html_renderer.h"
#include "writers/html/sanitize.h"
#include "writers/site_urls.h"
#include "writers/standalone/template.h"

namespace blogconv::writers {

namespace {

using html::escape;

const char* const month_names[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

// "14 September 2024": day-first English, unambiguous for readers anywhere.
std::string human_date(const ir::DateTime& t) {
    const ir::CivilTime c = ir::to_civil(t);
    return std::to_string(c.day) + " " + month_names[(c.month - 1) % 12] + " " + std::to_string(c.year);
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// A fragment of an id: ASCII letters lower-cased, digits, `-`, `_` and non-ASCII text kept, runs of
// anything else one `-`. Never contains `:`, which separates a post's anchor from its own ids.
std::string id_part(std::string_view s) {
    std::string out;
    for (unsigned char c : s) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80) {
            out += static_cast<char>(c);
        } else if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "x" : out;
}

struct Entry {
    const ir::Document* doc = nullptr;
    std::string anchor;  // "post-<slug>": the article's id
    std::string file;    // split mode: "posts/<slug>.html"
};

std::size_t find_ci(const std::string& s, std::string_view needle, std::size_t from) {
    for (std::size_t i = from; i + needle.size() <= s.size(); ++i) {
        bool ok = true;
        for (std::size_t j = 0; j < needle.size() && ok; ++j)
            ok = std::tolower(static_cast<unsigned char>(s[i + j])) == needle[j];
        if (ok) return i;
    }
    return std::string::npos;
}

class StandaloneWriter {
public:
    StandaloneWriter(const ir::Site& site, const StandaloneOptions& options, const ResourceReader* resources,
                     ir::Diagnostics& diagnostics)
        : site_(site), o_(options), resources_(resources), diags_(diagnostics) {}

    void write(Sink& sink) {
        if (!choose_documents()) return;
        std::map<std::string, std::string> values = common_values();
        if (!o_.single.empty()) {
            const Entry& e = entries_[0];
            values["title"] = escape(html::xml_clean(e.doc->title));
            values["posts"] = article(0, 1);
            sink.write_parts("", with_images(page(values)));
            return;
        }
        if (!o_.split) {
            values["cover"] = cover();
            values["toc"] = toc();
            // The posts are most of the page (56 MB at 10,000 posts): the template is expanded
            // around a marker and the page goes to the sink as parts (the frame between markers,
            // then each article), so that it is never copied into one string as well.
            std::vector<std::string> articles(entries_.size());
            for (std::size_t i = 0; i < entries_.size(); ++i) {
                articles[i] = article(i, 2);
                articles[i].shrink_to_fit();  // grown by doubling: up to half of it is slack
            }
            const std::string marker = "\x01blogconv-posts\x01";
            // No posts: "" as before, so that `{{#posts}}` sections stay hidden.
            values["posts"] = articles.empty() ? std::string() : marker;
            values["tag_index"] = tag_index();
            const std::string frame = expand(values);
            values.clear();
            // The frame between markers (a template may name {{posts}} any number of times).
            std::vector<std::string> frames;
            for (std::size_t from = 0;;) {
                std::size_t at = frame.find(marker, from);
                frames.push_back(frame.substr(from, at == std::string::npos ? at : at - from));
                if (at == std::string::npos) break;
                from = at + marker.size();
            }
            std::set<std::string> ids;
            for (const auto& f : frames) collect_ids(f, ids);
            for (const auto& a : articles) collect_ids(a, ids);
            std::vector<std::string> parts;
            parts.reserve(frames.size() + (frames.size() - 1) * articles.size());
            for (std::size_t k = 0; k < frames.size(); ++k) {
                if (k > 0) {
                    const bool last = k + 1 == frames.size();  // the last copy takes the articles
                    for (auto& a : articles) parts.push_back(last ? std::move(a) : a);
                }
                parts.push_back(std::move(frames[k]));
            }
            articles.clear();
            // In page order, so the warnings come in the order of the page.
            for (auto& part : parts) drop_dangling_fragments(part, ids);
            std::vector<std::string> filled;
            for (auto& part : parts) {
                auto pieces = with_images(std::move(part));
                for (auto& piece : pieces) filled.push_back(std::move(piece));
            }
            parts.clear();
            sink.write_parts("", std::move(filled));
            return;
        }
        values["cover"] = cover();
        values["toc"] = toc();
        values["tag_index"] = tag_index();
        sink.write("index.html", page(values));
        for (std::size_t i = 0; i < entries_.size(); ++i) {
            std::map<std::string, std::string> v = common_values();
            page_is_post_ = true;
            v["title"] = escape(html::xml_clean(entries_[i].doc->title)) + " · " + escape(html::xml_clean(site_title()));
            v["nav"] = "<a href=\"../index.html\">" + escape(html::xml_clean(site_title())) + "</a>";
            v["posts"] = article(i, 1);
            sink.write_parts(entries_[i].file, with_images(page(v)));
        }
    }

private:
    const ir::Site& site_;
    const StandaloneOptions& o_;
    const ResourceReader* resources_;
    ir::Diagnostics& diags_;
    std::vector<Entry> entries_;
    std::map<std::string, std::size_t> by_source_;
    std::map<std::string, std::size_t> by_url_;  // a document's URL path without a trailing '/'
    std::map<std::string, std::string> tag_ids_;
    struct Embedded {
        static constexpr std::size_t none = static_cast<std::size_t>(-1);
        std::size_t index = none;  // in uris_ (none: the file could not be embedded)
        std::uint64_t size = 0;    // the image's bytes
        bool missing = false;      // no file at this path: the next candidate is tried
        bool refused = false;      // outside the site (through a link)
        std::string problem;       // why it cannot be embedded ("" when it can)
    };
    std::map<std::string, Embedded> images_;  // by site path
    std::set<std::string> warned_images_;     // site paths (or URLs) of images already warned about
    std::vector<std::string> uris_;            // the data: URIs of the embedded images
    EmbedBudget budget_{o_.max_embedded_bytes};
    const ir::Document* current_ = nullptr;      // the document being rendered
    bool page_is_post_ = false;                  // split mode: writing posts/<slug>.html
    bool template_checked_ = false;
    // While a post renders: its image and embed warnings, given after the sanitizer's one
    // warning for the post, in the order the log has always had them.
    std::vector<ir::Diagnostic>* held_ = nullptr;

    std::string site_title() const {
        if (!o_.title.empty()) return o_.title;
        return site_.title.empty() ? "Blog" : site_.title;
    }

    void warn(ir::DiagnosticCode code, const std::string& file, std::string message,
              ir::Severity severity = ir::Severity::warning) {
        ir::Diagnostic d(code, severity, file, 0, 0, std::move(message));
        if (held_) held_->push_back(std::move(d));
        else diags_.add(std::move(d));
    }

    // One warning per post for everything the sanitizer took out of its HTML.
    void warn_removed(const std::string& file, const std::set<std::string>& removed, const char* where) {
        if (removed.empty()) return;
        warn(ir::DiagnosticCode::html_removed, file, html::removed_message(removed, where));
    }

    bool choose_documents() {
        std::vector<const ir::Document*> docs;
        if (!o_.single.empty()) {
            for (const auto& d : site_.documents) {
                std::string url = d.url;
                if (d.source_path == o_.single || d.slug == o_.single || url == o_.single ||
                    (!url.empty() && url.back() == '/' && url.substr(0, url.size() - 1) == o_.single)) {
                    docs.push_back(&d);
                    break;
                }
            }
            if (docs.empty()) {
                warn(ir::DiagnosticCode::html_single_not_found, "", "--single " + o_.single + ": no document has this source path, slug or URL; try a path such as " +
                             (site_.documents.empty() ? std::string("_posts/2024-01-01-title.md") : site_.documents.front().source_path),
                     ir::Severity::error);
                return false;
            }
        } else {
            bool any_post = false;
            for (const auto& d : site_.documents) any_post = any_post || d.is_post();
            for (const auto& d : site_.documents)
                if (o_.all_documents || !any_post || d.is_post()) docs.push_back(&d);
            // The site lists documents oldest first.
            if (!o_.oldest_first) std::reverse(docs.begin(), docs.end());
        }
        std::set<std::string> used;
        for (const auto* d : docs) {
            std::string base = id_part(!d->slug.empty() ? d->slug : !d->title.empty() ? d->title : d->source_path);
            std::string name = base;
            for (int n = 2; used.count(name); ++n) name = base + "-" + std::to_string(n);
            used.insert(name);
            by_source_[d->source_path] = entries_.size();
            std::string url = d->url;
            while (url.size() > 1 && url.back() == '/') url.pop_back();
            if (!url.empty()) by_url_.emplace(url, entries_.size());
            entries_.push_back({d, "post-" + name, "posts/" + name + ".html"});
        }
        std::set<std::string> tag_used;
        std::vector<std::string> tags = all_tags();
        for (const auto& t : tags) {
            std::string base = "tag-" + id_part(t), name = base;
            for (int n = 2; tag_used.count(name); ++n) name = base + "-" + std::to_string(n);
            tag_used.insert(name);
            tag_ids_[t] = name;
        }
        return true;
    }

    // Every tag of the chosen documents, ordered case-insensitively (then exactly, for ties).
    std::vector<std::string> all_tags() const {
        std::set<std::string> seen;
        for (const auto& e : entries_) seen.insert(e.doc->tags.begin(), e.doc->tags.end());
        std::vector<std::string> out(seen.begin(), seen.end());
        std::stable_sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) {
            const std::string la = lower_ascii(a), lb = lower_ascii(b);
            return la != lb ? la < lb : a < b;
        });
        return out;
    }

    std::map<std::string, std::string> common_values() const {
        std::map<std::string, std::string> v;
        v["lang"] = escape(!o_.lang.empty() ? o_.lang : site_.lang.empty() ? "en" : site_.lang);
        v["theme"] = o_.theme == StandaloneTheme::light ? "light" : o_.theme == StandaloneTheme::dark ? "dark" : "";
        v["title"] = escape(html::xml_clean(site_title()));
        // `</style` inside a stylesheet would end the element early.
        std::string css(o_.css.empty() || o_.css_mode == CssMode::extend ? default_css() : std::string_view());
        if (!o_.css.empty()) css += (css.empty() ? "" : "\n") + o_.css;
        for (std::size_t at = find_ci(css, "</style", 0); at != std::string::npos; at = find_ci(css, "</style", at + 2))
            css.replace(at, 2, "<\\/");
        v["css"] = css;
        v["generator"] = "blogconv";
        for (const char* k : {"cover", "toc", "posts", "tag_index", "nav"}) v[k] = "";
        return v;
    }

    // A fragment link whose target is nowhere on the page (an author's `[1](#ref_1)` without the
    // anchor) would scroll nowhere: it keeps its text and loses its href, with a warning.
    static void collect_ids(std::string_view html, std::set<std::string>& ids) {
        for (const char* key : {" id=\"", " name=\""}) {
            const std::string_view k = key;
            for (std::size_t at = html.find(k); at != std::string_view::npos; at = html.find(k, at + 1)) {
                const std::size_t st = at + k.size();
                ids.insert(html::unescape_attribute(html.substr(st, html.find('"', st) - st)));
            }
        }
    }
    void drop_dangling_fragments(std::string& html, const std::set<std::string>& ids) {
        const std::string k = " href=\"#";
        for (std::size_t at = html.find(k); at != std::string::npos; at = html.find(k, at + 1)) {
            const std::size_t st = at + k.size();
            const std::size_t end = html.find('"', st);
            if (end == std::string::npos) break;
            const std::string id = html::unescape_attribute(std::string_view(html).substr(st, end - st));
            if (id.empty() || ids.count(id)) continue;
            warn(ir::DiagnosticCode::html_dangling_anchor, "", "a link to #" + id + " has no target on the page; it is written as plain text");
            html.replace(at, k.size() - 1, " data-missing-target=\"");
        }
    }
    std::string drop_dangling_fragments(std::string html) {
        std::set<std::string> ids;
        collect_ids(html, ids);
        drop_dangling_fragments(html, ids);
        return html;
    }

    // The template expanded with `values` (problems with the template are reported once).
    std::string expand(const std::map<std::string, std::string>& values) {
        std::vector<std::string> problems;
        std::string out = expand_template(o_.template_text.empty() ? default_template() : std::string_view(o_.template_text),
                                          values, problems);
        if (!template_checked_)
            for (const auto& p : problems) warn(ir::DiagnosticCode::html_template_problem, "", "html template: " + p);
        template_checked_ = true;
        return out;
    }

    std::string page(const std::map<std::string, std::string>& values) { return drop_dangling_fragments(expand(values)); }

    // The site's authors, or the one --author names instead.
    std::vector<std::string> site_authors() const {
        if (!o_.author.empty()) return {o_.author};
        std::vector<std::string> names;
        for (const auto& a : site_.authors) names.push_back(a.name);
        return names;
    }

    std::string authors_of(const ir::Document& d) const {
        std::vector<std::string> names = d.authors;
        if (names.empty()) names = site_authors();
        std::string out;
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (names[i].empty()) continue;
            out += out.empty() ? "" : i + 1 == names.size() ? " and " : ", ";
            out += names[i];
        }
        return out;
    }

    // Where a link to entry `i` (and an id of its own, when `fragment` is set) points from the page
    // being written.
    std::string href_to(std::size_t i, const std::string& fragment) const {
        const Entry& e = entries_[i];
        const std::string id = fragment.empty() ? e.anchor : e.anchor + ":" + fragment;
        if (!o_.split) return "#" + id;
        const std::string file = page_is_post_ ? e.file.substr(std::string("posts/").size()) : e.file;
        return percent_encode_path(file) + (fragment.empty() ? "" : "#" + id);
    }

    std::string tag_href(const std::string& tag) const {
        return (o_.split && page_is_post_ ? "../index.html#" : "#") + tag_ids_.at(tag);
    }

    // The site path a link names, as a browser on the site resolves it (against the permalink of
    // the page being written, site_urls.h's helpers), or nullopt for a URL off the site (another
    // host, mailto:, …) or one whose `..` climbs above the root.
    std::optional<std::string> site_path(const std::string& url) const { return browser_site_path(url, current_base()); }

    // What URLs in the document being rendered are resolved against (site_urls.h).
    UrlBase current_base() const {
        static const ir::Document none;
        return url_base(current_ ? *current_ : none, site_);
    }

    // Where an image written in the document being rendered is: the one resolution every writer
    // shares (the source file's folder, then the permalink's, then the root: site_urls.h).
    SiteUrl image_url(const std::string& src) const { return resolve_site_url(src, current_base()); }

    std::string rewrite_link(const std::string& url, const std::string& target_document) const {
        // `#` alone came out of the renderer as `#post-x:`: the top of the post.
        if (current_ && url.size() > 1 && url.back() == ':' && url[0] == '#' && by_source_.count(current_->source_path) &&
            url.substr(1, url.size() - 2) == entries_[by_source_.at(current_->source_path)].anchor)
            return url.substr(0, url.size() - 1);
        if (url.empty() || url[0] == '#') return url;
        const std::size_t hash = url.find('#');
        const std::string fragment = hash == std::string::npos ? "" : url.substr(hash + 1);
        if (!target_document.empty()) {
            auto it = by_source_.find(target_document);
            if (it != by_source_.end()) return href_to(it->second, fragment);
        }
        const auto path = site_path(url);
        if (!path) return url;
        auto it = by_url_.find("/" + *path);
        if (it == by_url_.end() && path->empty()) it = by_url_.find("/");
        if (it != by_url_.end()) return href_to(it->second, fragment);
        // A site file written relative to the source file, which the page's URL would not find:
        // the file's own address (and, for an image, the file self_contain embeds).
        auto is_static = [this](const std::string& p) { return is_static_file(site_, p); };
        if (auto moved = relocated_url(url, current_base(), is_static, site_.url)) return *moved;
        // A file or page of the site that is not in this book: its address on the web, when known.
        if (!site_.url.empty() && (url[0] == '/' || !has_scheme(url))) {
            const std::string rest = url.find_first_of("?#") == std::string::npos ? "" : url.substr(url.find_first_of("?#"));
            return site_.url + site_.baseurl + "/" + percent_encode_path(*path) + rest;
        }
        return url;
    }

    // What stands in the page for an embedded image until the page goes to the sink, as a src
    // value: the placeholder, then the image's index in uris_. The data: URIs (4/3 of the image
    // bytes) are put in only by with_images, so the work on the page (its fragment links, its
    // parts) never copies them: 120 MiB of images took the writer past 1.1 GiB
    // when each pass copied them. A post cannot forge the placeholder: the sanitizer refuses
    // its scheme.
    static constexpr std::string_view placeholder_ = "blogconv-embedded-image:";

    // The placeholder for the data: URI of the site file an image names, or "" when it cannot be
    // embedded: with a warning, or, past the page's EmbedBudget, with the one warning
    // report_budget gives. The candidates are tried in their order; the first that exists is
    // the image (site_urls.h).
    std::string embed(const SiteUrl& image, const std::string& url) {
        std::string where, why;  // the file that could not be embedded, and why
        bool refused = image.kind == UrlKind::outside_root;
        if (refused) why = "lies outside the site folder; refused";
        else if (!resources_) why = "no site files are available to this writer";
        else if (image.candidates.empty()) why = "names no file";
        if (!why.empty() && !image.candidates.empty()) where = image.candidates.front();
        const std::vector<std::string> none;
        for (const auto& path : why.empty() ? image.candidates : none) {
            auto it = images_.find(path);
            const bool fresh = it == images_.end();
            if (fresh) it = images_.emplace(path, read_image(path)).first;
            const Embedded& e = it->second;
            if (e.missing || !e.problem.empty()) {
                if (where.empty() || !e.missing) {
                    where = path;
                    why = e.problem;
                    refused = e.refused;
                }
                if (e.missing) continue;  // the next candidate may be the file
                break;                    // the file, but not one to embed
            }
            // Each further use is another copy in the page, so it is charged again (read_image
            // charged the first).
            if (e.index == Embedded::none || (!fresh && !budget_.charge(e.size))) return {};
            return std::string(placeholder_) + std::to_string(e.index);
        }
        if (warned_images_.insert(where.empty() ? url : where).second)
            warn(refused ? ir::DiagnosticCode::file_outside_site : ir::DiagnosticCode::image_not_embedded,
                 current_ ? current_->source_path : "",
                 "image " + url + (where.empty() ? "" : " (" + where + ")") + ": " + why + "; its alt text is shown instead");
        return {};
    }

    // The site file at `path` read, charged to the budget and encoded, or why not.
    Embedded read_image(const std::string& path) {
        Embedded e;
        ResourceRead read = resources_->read(path);
        if (!read.ok()) {
            e.missing = read.status == ResourceStatus::missing;
            e.refused = read.status == ResourceStatus::outside_root;
            e.problem = read.message;
            return e;
        }
        const std::string mime = image_mime_type(read.bytes);
        if (mime.empty()) {
            e.problem = "not an image format a browser shows (PNG, JPEG, GIF, WebP, AVIF, SVG, BMP, ICO)";
            return e;
        }
        e.size = read.bytes.size();
        // Past the budget it is neither encoded nor kept, so it costs no memory after this.
        if (!budget_.charge(e.size)) return e;
        e.index = uris_.size();
        uris_.push_back("data:" + mime + ";base64," + base64_encode(read.bytes));
        return e;
    }

    // `html` as parts for the sink, each image placeholder (in a src="…") replaced by its data:
    // URI. Parts rather than one string: a single-file sink writes them one by one.
    std::vector<std::string> with_images(std::string html) const {
        std::vector<std::string> parts;
        const std::string open = "src=\"" + std::string(placeholder_);
        std::size_t from = 0;
        for (std::size_t at = html.find(open); at != std::string::npos; at = html.find(open, from)) {
            const std::size_t digits = at + open.size();
            std::size_t end = digits;
            std::size_t index = 0;
            while (end < html.size() && std::isdigit(static_cast<unsigned char>(html[end])))
                index = index * 10 + static_cast<std::size_t>(html[end++] - '0');
            if (end == digits || end >= html.size() || html[end] != '"' || index >= uris_.size()) {
                from = digits;
                continue;
            }
            parts.push_back(html.substr(from, at + 5 - from));  // up to and with `src="`
            parts.push_back(uris_[index]);
            from = end;
        }
        if (parts.empty()) return {std::move(html)};
        parts.push_back(html.substr(from));
        return parts;
    }

public:
    // The one warning for the images the budget left out, if any.
    void report_budget() {
        if (budget_.refused()) warn(ir::DiagnosticCode::embed_budget, "", budget_.message());
    }

private:
    std::string alt_or_name(const HtmlElement& image, const std::string& url) const {
        const std::string* alt = image.find("alt");
        if (alt && !alt->empty()) return *alt;
        std::string name = url.substr(0, url.find_first_of("?#"));
        name = name.substr(name.rfind('/') + 1);
        return name.empty() ? "image" : name;
    }

    // What keeps the page self-contained in place of an element that loads something: an image
    // embedded (or its alt text, with a link when it is remote), an iframe or script as a link to
    // where it would load from, a <source> dropped (the <img> fallback of <picture>/<video>
    // stands in). The renderer writes the result instead of the element.
    std::optional<std::string> self_contained(const HtmlElement& e) {
        const std::string file = current_ ? current_->source_path : "";
        if (e.name == "source") return std::string();
        if (e.name == "iframe" || e.name == "script") {
            const bool frame = e.name == "iframe";
            const std::string* src = e.find("src");
            if (!src || src->empty()) return std::string();
            warn(ir::DiagnosticCode::remote_content, file, std::string(frame ? "embedded frame " : "script ") + *src + " needs the network; it is replaced by a link");
            const std::string text = std::string(frame ? "Embedded content: " : "Script: ") + *src;
            if (e.in_link) return "<span class=\"remote-embed\">" + escape(text) + "</span>";
            return "<a class=\"remote-embed\" href=\"" + escape(*src) + "\">" + escape(text) + "</a>";
        }
        const std::string src = e.find("src") ? *e.find("src") : "";
        if (src.starts_with("data:")) return html::start_tag(e.name, e.attributes);
        const SiteUrl image = image_url(src);
        std::string uri;
        if (!src.empty() && image.kind != UrlKind::remote) uri = embed(image, src);
        if (!uri.empty()) {
            html::AttributeList attributes = e.attributes;
            std::erase_if(attributes, [](const auto& kv) {
                return kv.first == "srcset" || kv.first == "sizes" || kv.first == "loading";
            });
            for (auto& kv : attributes)
                if (kv.first == "src") kv.second = uri;
            return html::start_tag(e.name, attributes);
        }
        const std::string text = alt_or_name(e, src);
        if (image.kind == UrlKind::remote) {
            warn(ir::DiagnosticCode::remote_content, file, "remote image " + src + " is not embedded (the page makes no requests); its alt text and a link are shown instead");
            if (e.in_link) return "<span class=\"remote-image\">" + escape(text) + "</span>";
            return "<a class=\"remote-image\" href=\"" + escape(src) + "\">" + escape(text) + "</a>";
        }
        if (src.empty()) warn(ir::DiagnosticCode::image_not_embedded, file, "an image without a src is shown as its alt text");
        return "<span class=\"missing-image\">" + escape(text) + "</span>";
    }

    std::string body_html(const ir::Document& d, const std::string& anchor) {
        HtmlOptions ho;
        ho.id_prefix = anchor + ":";
        ho.rewrite_url = [this](const std::string& url, const std::string& target) { return rewrite_link(url, target); };
        std::set<std::string> removed;
        ho.removed = [&removed](const std::string& what) { removed.insert(what); };
        ho.heading_end = [](const std::string& id) {
            return " <a class=\"heading-anchor\" href=\"#" + escape(id) + "\" aria-label=\"Link to this section\">#</a>";
        };
        if (o_.highlight)
            ho.code = [](const std::string& code, const std::string& language) -> std::optional<std::string> {
                if (!highlight::supports(language)) return std::nullopt;
                return highlight::highlight_html(code, language);
            };
        ho.element = [this](const HtmlElement& e) { return self_contained(e); };
        std::vector<ir::Diagnostic> held;
        held_ = &held;
        std::string html = render_html(d.body, ho);
        held_ = nullptr;
        warn_removed(d.source_path, removed, "page");
        for (auto& diagnostic : held) diags_.add(std::move(diagnostic));
        return html;
    }

    std::string meta_line(const ir::Document& d) const {
        std::string out;
        if (d.date) {
            out += "<time datetime=\"" + ir::format_rfc3339(*d.date) + "\">" + human_date(*d.date) + "</time>";
        }
        const std::string authors = authors_of(d);
        if (!authors.empty()) out += (out.empty() ? "By " : " · by ") + escape(html::xml_clean(authors));
        return out;
    }

    // One document as an <article>; `level` is its title's heading level.
    std::string article(std::size_t i, int level) {
        const Entry& e = entries_[i];
        const ir::Document& d = *e.doc;
        current_ = &d;
        const std::string h = "h" + std::to_string(level);
        std::string out = "<article class=\"post\" id=\"" + escape(e.anchor) + "\"";
        const std::string& page_lang = o_.lang.empty() ? site_.lang : o_.lang;
        if (!d.lang.empty() && d.lang != page_lang) out += " lang=\"" + escape(d.lang) + "\"";
        out += ">\n<header>\n<" + h + " class=\"post-title\">" + escape(html::xml_clean(d.title)) + "</" + h + ">\n";
        const std::string meta = meta_line(d);
        if (!meta.empty()) out += "<p class=\"post-meta\">" + meta + "</p>\n";
        if (!d.tags.empty()) {
            out += "<ul class=\"tags\" aria-label=\"Tags\">";
            for (const auto& t : d.tags) {
                out += "<li>";
                if (o_.single.empty()) out += "<a href=\"" + escape(tag_href(t)) + "\">" + escape(html::xml_clean(t)) + "</a>";
                else out += escape(html::xml_clean(t));
                out += "</li>";
            }
            out += "</ul>\n";
        }
        out += "</header>\n";
        out += body_html(d, e.anchor);
        if (o_.single.empty() && !o_.split) out += "<p class=\"back\"><a href=\"#toc\">Back to contents</a></p>\n";
        out += "</article>\n";
        current_ = nullptr;
        return out;
    }

    std::string cover() const {
        std::string out = "<header class=\"cover\" id=\"top\">\n<h1>" + escape(html::xml_clean(site_title())) + "</h1>\n";
        if (!site_.description.empty())
            out += "<p class=\"description\">" + escape(html::xml_clean(site_.description)) + "</p>\n";
        std::string by;
        for (const auto& name : site_authors()) {
            if (name.empty()) continue;
            by += (by.empty() ? "" : ", ") + name;
        }
        std::string meta = by.empty() ? "" : "By " + escape(html::xml_clean(by)) + " · ";
        meta += std::to_string(entries_.size()) + (entries_.size() == 1 ? " post" : " posts");
        std::optional<int> first, last;
        for (const auto& e : entries_) {
            if (!e.doc->date) continue;
            const int y = ir::to_civil(*e.doc->date).year;
            first = first ? std::min(*first, y) : y;
            last = last ? std::max(*last, y) : y;
        }
        if (first) meta += " · " + std::to_string(*first) + (*last != *first ? "–" + std::to_string(*last) : "");
        out += "<p class=\"meta\">" + meta + "</p>\n</header>\n";
        return out;
    }

    std::string toc() const {
        std::string out = "<nav class=\"toc\" id=\"toc\" aria-labelledby=\"toc-title\">\n<h2 id=\"toc-title\">Contents</h2>\n<ol>\n";
        for (std::size_t i = 0; i < entries_.size(); ++i) {
            const auto& d = *entries_[i].doc;
            out += "<li><a dir=\"auto\" href=\"" + escape(href_to(i, "")) + "\">" + escape(html::xml_clean(d.title)) + "</a>";
            if (d.date) out += " <time datetime=\"" + ir::format_rfc3339(*d.date) + "\">" + human_date(*d.date) + "</time>";
            out += "</li>\n";
        }
        out += "</ol>\n</nav>\n";
        return out;
    }

    std::string tag_index() const {
        const auto tags = all_tags();
        if (tags.empty()) return "";
        std::string out = "<section class=\"tag-index\" id=\"tags\" aria-labelledby=\"tags-title\">\n<h2 id=\"tags-title\">Tags</h2>\n";
        for (const auto& t : tags) {
            out += "<section id=\"" + escape(tag_ids_.at(t)) + "\">\n<h3>" + escape(html::xml_clean(t)) + "</h3>\n<ul class=\"post-list\">\n";
            for (std::size_t i = 0; i < entries_.size(); ++i) {
                const auto& d = *entries_[i].doc;
                if (std::find(d.tags.begin(), d.tags.end(), t) == d.tags.end()) continue;
                out += "<li><a dir=\"auto\" href=\"" + escape(href_to(i, "")) + "\">" + escape(html::xml_clean(d.title)) + "</a>";
                if (d.date) out += " <time datetime=\"" + ir::format_rfc3339(*d.date) + "\">" + human_date(*d.date) + "</time>";
                out += "</li>\n";
            }
            out += "</ul>\n</section>\n";
        }
        out += "</section>\n";
        return out;
    }
};

}  // namespace

std::string image_mime_type(std::string_view b) {
    auto at = [&](std::size_t off, std::string_view sig) { return b.size() >= off + sig.size() && b.substr(off, sig.size()) == sig; };
    if (at(0, "\x89PNG\r\n\x1a\n")) return "image/png";
    if (at(0, "\xff\xd8\xff")) return "image/jpeg";
    if (at(0, "GIF87a") || at(0, "GIF89a")) return "image/gif";
    if (at(0, "RIFF") && at(8, "WEBP")) return "image/webp";
    if (at(4, "ftypavif") || at(4, "ftypavis")) return "image/avif";
    if (at(0, "BM") && b.size() > 14) return "image/bmp";
    if (at(0, std::string_view("\0\0\1\0", 4))) return "image/x-icon";
    // SVG is text: an <svg element near the start, after any XML declaration, comments or BOM.
    const std::string head = lower_ascii(b.substr(0, 4096));
    const std::size_t svg = head.find("<svg");
    if (svg != std::string::npos) {
        const std::size_t first = head.find_first_not_of(" \t\r\n\xef\xbb\xbf");
        if (first != std::string::npos && head[first] == '<') return "image/svg+xml";
    }
    return "";
}

std::string base64_encode(std::string_view bytes) {
    static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                           static_cast<unsigned char>(bytes[i + 2]);
        out += alphabet[(v >> 18) & 63];
        out += alphabet[(v >> 12) & 63];
        out += alphabet[(v >> 6) & 63];
        out += alphabet[v & 63];
    }
    if (i < bytes.size()) {
        unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
        if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        out += alphabet[(v >> 18) & 63];
        out += alphabet[(v >> 12) & 63];
        out += i + 1 < bytes.size() ? alphabet[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

void write_standalone_html(const ir::Site& site, const StandaloneOptions& options, const ResourceReader* resources,
                           Sink& sink, ir::Diagnostics& diagnostics) {
    StandaloneWriter writer(site, options, resources, diagnostics);
    writer.write(sink);
    writer.report_budget();
}

}  // namespace blogconv::writers
