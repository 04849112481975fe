#include "writers/hugo/hugo_writer.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "ir/parallel.h"
#include "ir/walk.h"
#include "writers/front_matter/serialize.h"
#include "writers/html/html_renderer.h"
#include "writers/hugo/config_writer.h"
#include "writers/hugo/migration_report.h"
#include "writers/hugo/portable_names.h"
#include "writers/markdown/commonmark_writer.h"
#include "writers/site_urls.h"

namespace blogconv::writers {

namespace {

using hugo::MigrationReport;

std::string dirname_of(const std::string& p) {
    auto slash = p.rfind('/');
    return slash == std::string::npos ? "" : p.substr(0, slash);
}
std::string basename_of(const std::string& p) {
    auto slash = p.rfind('/');
    return slash == std::string::npos ? p : p.substr(slash + 1);
}
std::string stem_of(const std::string& p) {
    std::string b = basename_of(p);
    auto dot = b.rfind('.');
    return dot == std::string::npos || dot == 0 ? b : b.substr(0, dot);
}
std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

// Hugo URLizes `:slug`; only slugs that survive that unchanged go through a permalink pattern.
bool slug_is_url_safe(const std::string& s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 0x80) && c != '-' &&
            c != '_' && c != '.')
            return false;
    return s != "." && s != "..";
}

// What Hugo makes of a permalink pattern for one page (the tokens blogconv uses), or nullopt.
std::optional<std::string> expand_pattern(const std::string& pattern, const std::string& section,
                                          const std::string& slug, const std::optional<ir::DateTime>& date,
                                          bool ugly) {
    std::string out;
    for (std::size_t i = 0; i < pattern.size();) {
        if (pattern[i] != ':') {
            out += pattern[i++];
            continue;
        }
        std::size_t j = i + 1;
        while (j < pattern.size() && std::isalpha(static_cast<unsigned char>(pattern[j]))) ++j;
        std::string token = pattern.substr(i + 1, j - i - 1);
        i = j;
        if (token == "slug") {
            if (!slug_is_url_safe(slug)) return std::nullopt;
            out += slug;
        } else if (token == "section") {
            out += section;
        } else if (token == "year" || token == "month" || token == "day") {
            if (!date) return std::nullopt;
            ir::CivilTime c = ir::to_civil(*date);
            out += token == "year" ? std::to_string(c.year) : token == "month" ? two(c.month) : two(c.day);
        } else {
            return std::nullopt;
        }
    }
    if (ugly) return out.ends_with("/") ? std::nullopt : std::optional<std::string>(out + ".html");
    if (!out.ends_with("/")) out += "/";
    return out;
}

// Jekyll's permalink template turned into a Hugo pattern where the tokens translate.
std::optional<std::string> pattern_from_jekyll(std::string t) {
    if (t == "date") t = "/:categories/:year/:month/:day/:title:output_ext";
    else if (t == "pretty") t = "/:categories/:year/:month/:day/:title/";
    else if (t == "none") t = "/:categories/:title:output_ext";
    else if (t == "ordinal" || t == "weekdate") return std::nullopt;
    auto replace_all = [&](const std::string& from, const std::string& to) {
        for (std::size_t p = t.find(from); p != std::string::npos; p = t.find(from, p + to.size())) t.replace(p, from.size(), to);
    };
    replace_all("/:categories", "");
    replace_all(":output_ext", "");
    replace_all(":title", ":slug");
    replace_all(":collection", ":section");
    if (t.ends_with(".html")) t.resize(t.size() - 5);
    while (t.ends_with("/")) t.pop_back();
    if (t.empty() || t.find(':') == std::string::npos) return std::nullopt;
    return t;
}

// Neutralises Hugo shortcode delimiters in literal text: `{{< x >}}` -> `{{</* x */>}}`, which Hugo
// prints as the original. An unclosed `{{<` gets a zero-width space so Hugo does not choke on it.
std::string protect_shortcodes(std::string_view text) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t p = text.find("{{", i);
        if (p == std::string::npos || p + 2 >= text.size() || (text[p + 2] != '<' && text[p + 2] != '%')) {
            std::size_t end = p == std::string::npos ? text.size() : p + 2;
            out.append(text.substr(i, end - i));
            i = end;
            continue;
        }
        char kind = text[p + 2];
        std::string close = std::string(1, kind == '<' ? '>' : '%') + "}}";
        std::size_t c = text.find(close, p + 3);
        out.append(text.substr(i, p - i));
        if (c == std::string::npos) {
            out += "{{\xE2\x80\x8B";
            i = p + 2;
            continue;
        }
        std::string_view inner = text.substr(p + 3, c - (p + 3));
        if (inner.starts_with("/*")) {  // already escaped
            out.append(text.substr(p, c + 3 - p));
        } else {
            out += std::string("{{") + kind + "/*" + std::string(inner) + "*/" + close;
        }
        i = c + 3;
    }
    return out;
}

// Breaks Liquid and shortcode openers in text that ends up inside an HTML comment.
std::string comment_safe(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        out += text[i];
        if (text[i] == '{' && i + 1 < text.size() && (text[i + 1] == '%' || text[i + 1] == '{')) out += ' ';
        if (text[i] == '-' && i + 1 < text.size() && text[i + 1] == '-') out += ' ';
    }
    return out;
}

std::string fix_html_comments(const std::string& html) {
    std::string out;
    std::size_t i = 0;
    while (true) {
        std::size_t p = html.find("<!-- unsupported", i);
        if (p == std::string::npos) break;
        std::size_t e = html.find("-->", p);
        if (e == std::string::npos) break;
        out += html.substr(i, p - i) + comment_safe(html.substr(p, e - p)) + "-->";
        i = e + 3;
    }
    return out + html.substr(i);
}

// `{% gist user/id [file] %}` -> Hugo's gist shortcode.
std::optional<std::string> gist_shortcode(const std::string& text) {
    std::size_t p = text.find("gist");
    if (!text.starts_with("{%") || p == std::string::npos) return std::nullopt;
    std::string rest = text.substr(p + 4);
    auto e = rest.find("%}");
    if (e == std::string::npos) return std::nullopt;
    rest = rest.substr(0, e);
    std::vector<std::string> words;
    std::string w;
    for (char c : rest) {
        if (c == ' ' || c == '\t' || c == '-') {
            if (!w.empty()) words.push_back(w);
            w.clear();
        } else {
            w += c;
        }
    }
    if (!w.empty()) words.push_back(w);
    if (words.empty() || words.size() > 2) return std::nullopt;
    auto slash = words[0].find('/');
    if (slash == std::string::npos) return std::nullopt;
    std::string s = "{{< gist " + words[0].substr(0, slash) + " " + words[0].substr(slash + 1);
    if (words.size() == 2) s += " \"" + words[1] + "\"";
    return s + " >}}";
}

// Front matter keys Hugo gives a meaning Jekyll's value would not fit: kept as jekyll_<key>.
const std::set<std::string> hugo_reserved = {"url",      "lastmod", "aliases", "summary", "type",      "build",
                                             "outputs",  "resources", "cascade", "markup", "headless",
                                             "publishdate", "expirydate", "linktitle", "menu", "menus"};
// Jekyll keys the writer turns into Hugo's own.
const std::set<std::string> consumed_keys = {"title", "date", "last_modified_at", "published", "slug", "permalink",
                                             "redirect_from", "tags", "tag", "categories", "category", "excerpt",
                                             "description", "draft"};

// What writing one document makes. Documents are rendered on several threads, each into its
// own DocumentOutput; the writer folds them in site order, so MIGRATION.md and the files are the
// same for any number of threads.
struct DocumentOutput {
    std::string text;
    MigrationReport report;
    std::set<std::string> renamed_keys;
    bool block_attributes = false;
};

struct Placed {
    const ir::Document* doc = nullptr;
    std::string section;       // Hugo section ("" for top-level pages)
    std::string content_path;  // "content/posts/x.md"
    std::string slug;          // written as `slug` ("" = none)
    std::string url;           // the Jekyll URL, decoded
    bool write_url = false;
    bool html = false;
    bool bundle = false;
    bool built = false;  // Hugo will render it (ref targets must be)
    std::map<std::string, std::string> images;  // image URL in the body -> local file name
};

class HugoWriter {
public:
    HugoWriter(const ir::Site& site, const HugoOptions& o, const ResourceReader* r, Sink& sink, ir::Diagnostics& d)
        : site_(site), o_(o), resources_(r), sink_(sink), diags_(d) {}

    void run(std::vector<HugoPlacement>* placements) {
        index_static_files();
        decide_url_style();
        place_documents();
        choose_permalinks();
        write_documents();
        write_static_files();
        write_data();
        finish_notes();
        hugo::ConfigPlan plan;
        plan.permalinks = permalinks_;
        plan.ugly_urls = ugly_;
        plan.block_attributes = block_attributes_;
        sink_.write("hugo.toml", hugo::write_hugo_config(site_, o_, plan, report_));
        if (o_.migration_report) sink_.write("MIGRATION.md", hugo::render_migration_report(report_, site_.title));
        if (placements)
            for (const auto& p : placed_) placements->push_back({p.doc->source_path, p.content_path, !p.html});
    }

private:
    // ---- planning -------------------------------------------------------------------------

    void index_static_files() {
        for (const auto& f : site_.static_files) static_paths_.insert(f.source_path);
    }

    // The static file an image URL written in `d` names (site_urls.h: the source file's folder,
    // then the permalink's, then the root), or "" when it names none.
    std::string static_path_of(const std::string& url, const ir::Document& d) const {
        const SiteUrl r = resolve_site_url(url, url_base(d, site_));
        if (r.kind != UrlKind::site) return "";
        return first_existing(r, [this](const std::string& path) { return static_paths_.count(path) > 0; }).value_or("");
    }

    // `url` as the Hugo page at the Jekyll page's URL must write it to show the static file it
    // names: as written when a browser finds that file from the page, else the file's own URL
    // (an image written relative to the post's source file).
    std::string served_image_url(const std::string& url, const ir::Document& d) const {
        auto is_static = [this](const std::string& path) { return static_paths_.count(path) > 0; };
        return relocated_url(url, url_base(d, site_), is_static, "").value_or(url);
    }

    void decide_url_style() {
        int ugly = 0, pretty = 0;
        for (const auto& d : site_.documents) {
            if (!d.is_post()) continue;
            if (d.url.ends_with(".html")) ++ugly;
            else if (d.url.ends_with("/")) ++pretty;
        }
        if (ugly == 0 && pretty == 0)
            for (const auto& d : site_.documents) d.url.ends_with(".html") ? ++ugly : ++pretty;
        ugly_ = ugly > pretty;
    }

    // A file name (without extension) in `dir` that no other document has, compared as macOS and
    // Windows compare names, and that those systems can hold (portable_names.h); `dir` is already
    // portable. `unportable_name_` is left holding the name the same choice would give with
    // names as the source has them, for the report of renamed files.
    std::string unique_content_path(const std::string& dir, const std::string& name, const std::string& fallback,
                                    const std::string& ext, const std::string& raw_dir) {
        // `index.md` would turn its whole folder into a leaf bundle (hiding every other page in
        // it) and `_index.md` is the section's own page: neither may be a document's file name.
        auto reserved = [](const std::string& n) { return n == "index" || n == "_index"; };
        auto choose = [&](std::string n, std::string fb, auto&& taken) {
            if ((taken(n) || reserved(n)) && !fb.empty() && !reserved(fb)) n = fb;
            if (reserved(n)) n += "-page";
            std::string base = n;
            for (int i = 2; taken(n); ++i) n = base + "-" + std::to_string(i);
            return n;
        };
        const std::string chosen =
            choose(hugo::portable_component(name), fallback.empty() ? "" : hugo::portable_component(fallback),
                   [&](const std::string& n) { return portable_names_.taken(dir + "/" + n); });
        unportable_name_ = choose(name, fallback, [&](const std::string& n) { return used_names_.count(raw_dir + "/" + n) > 0; });
        portable_names_.take(dir + "/" + chosen);
        used_names_.insert(raw_dir + "/" + unportable_name_);
        (void)ext;
        return chosen;
    }

    // Lists in MIGRATION.md a document whose file is not where its source name would put it.
    void report_renamed(const ir::Document& d, const std::string& written, const std::string& unportable) {
        if (written == unportable) return;
        report_.item(d.source_path, 0, "Files renamed for macOS and Windows",
                     hugo::report_code(unportable) + " is written as " + hugo::report_code(written) +
                         " (a name macOS or Windows cannot hold, or one that differs from another only in "
                         "case); its URL is unchanged");
        report_.count("Files renamed for macOS and Windows");
    }

    // Every image URL of a body, in document order.
    static void collect_images(const ir::Blocks& blocks, std::vector<std::string>& urls) {
        ir::for_each_inline(blocks, [&](const ir::Inline& in) {
            const auto* image = ir::get_if<ir::Image>(in);
            if (!image) return ir::Descend::yes;
            urls.push_back(image->url);
            // The alt is written as plain text: an image inside it is never shown, nor copied.
            return ir::Descend::no;
        });
    }

    static bool is_page_output(const std::string& url) {
        if (url.ends_with("/") || url.ends_with(".html") || url.ends_with(".htm")) return true;
        std::string last = basename_of(url);
        return last.find('.') == std::string::npos;  // an extensionless URL is served as HTML
    }

    std::map<std::string, std::string> built_urls_;  // URL -> source path, for built documents


    void place_documents() {
        // Which static images each document uses, to find the ones a post has to itself.
        std::map<std::string, int> image_users;
        std::vector<std::vector<std::string>> doc_images(site_.documents.size());
        for (std::size_t i = 0; i < site_.documents.size(); ++i) {
            std::vector<std::string> urls;
            collect_images(site_.documents[i].body, urls);
            std::set<std::string> paths;
            for (const auto& u : urls)
                if (auto p = static_path_of(u, site_.documents[i]); !p.empty()) paths.insert(p);
            if (!site_.documents[i].image.empty())
                if (auto p = static_path_of(site_.documents[i].image, site_.documents[i]); !p.empty()) paths.insert(p);
            for (const auto& p : paths) image_users[p]++;
            doc_images[i] = urls;
        }

        for (std::size_t i = 0; i < site_.documents.size(); ++i) {
            const ir::Document& d = site_.documents[i];
            Placed p;
            p.doc = &d;
            p.url = percent_decode(d.url);
            // Jekyll writes an extensionless permalink (`/talks/x`) as `x.html`, which servers
            // answer for `/x`; Hugo would make it `x/index.html` instead, so ask for the file.
            if (!p.url.empty() && !p.url.ends_with("/") && basename_of(p.url).find('.') == std::string::npos)
                p.url += ".html";
            p.html = d.input_format == "html";
            p.built = !d.draft && d.published && !d.future;
            // Two built documents at one URL would be one output file: refuse the second.
            if (p.built) {
                auto [at, fresh] = built_urls_.emplace(p.url, d.source_path);
                if (!fresh) {
                    diags_.add({ir::DiagnosticCode::same_output_path, ir::Severity::error, d.source_path, 0, 0,
                                "has the same URL " + d.url + " as " + at->second +
                                    ": the Hugo site can hold only one of them. Set a different `permalink:`; not "
                                    "migrated"});
                    continue;
                }
            }
            std::string ext = p.html ? ".html" : ".md";
            if (!is_page_output(d.url)) {
                report_.item(d.source_path, 0, "Documents not migrated",
                             "its output `" + d.url + "` is not an HTML page (Hugo writes feeds and sitemaps itself; "
                             "port it as a custom output format if it is still needed)");
                report_.count("Documents not migrated (not HTML pages)");
                continue;
            }
            const ir::Value* fm_slug = d.front_matter.find("slug");
            p.slug = fm_slug && fm_slug->is_string() && !fm_slug->as_string().empty() ? fm_slug->as_string() : d.slug;
            if (d.is_post()) {
                p.section = o_.posts_section;
                std::string name = unique_content_path(p.section, p.slug.empty() ? stem_of(d.source_path) : p.slug,
                                                       stem_of(d.source_path), ext, p.section);
                const std::string unportable = unportable_name_;
                // Images used by this post alone go beside it, when its URL is a folder the
                // images can sit in (relative links then resolve there).
                if (o_.page_bundles && !p.html && p.url.ends_with("/")) {
                    // A file name beside the post holds one site file, whichever URLs (relative,
                    // root-absolute, with the baseurl) name it.
                    std::map<std::string, std::string> taken;  // local name -> site path
                    for (const auto& u : doc_images[i]) {
                        std::string sp = static_path_of(u, d);
                        if (sp.empty() || image_users[sp] != 1) continue;
                        std::string local = basename_of(sp);
                        if (auto t = taken.find(local); t != taken.end() && t->second != sp) continue;
                        taken.emplace(local, sp);
                        p.images[u] = local;
                        bundled_static_[sp] = "content/" + p.section + "/" + name + "/" + local;
                    }
                }
                p.bundle = !p.images.empty();
                p.content_path = "content/" + p.section + "/" + name + (p.bundle ? "/index" + ext : ext);
                report_renamed(d, p.content_path, "content/" + p.section + "/" + unportable + (p.bundle ? "/index" + ext : ext));
                report_.count(d.draft ? "Drafts" : "Posts");
                if (p.bundle) report_.count("Page bundles (posts with their own images)");
            } else if (d.collection.empty()) {
                const std::string raw_dir = dirname_of(d.source_path);
                const std::string dir = hugo::portable_path(raw_dir);
                std::string stem = stem_of(d.source_path);
                if (p.url == "/" && !home_taken_) {
                    home_taken_ = true;
                    p.content_path = "content/_index" + ext;
                } else if (stem == "index" && !dir.empty() && !portable_names_.taken(dir + "/_index")) {
                    portable_names_.take(dir + "/_index");
                    p.content_path = "content/" + dir + "/_index" + ext;
                    p.write_url = true;  // a section's own URL differs between ugly and pretty modes
                    report_renamed(d, p.content_path, "content/" + raw_dir + "/_index" + ext);
                } else {
                    std::string name = unique_content_path(dir, stem == "index" ? "index-page" : stem, "", ext, raw_dir);
                    p.content_path = "content/" + (dir.empty() ? "" : dir + "/") + name + ext;
                    report_renamed(d, p.content_path, "content/" + (raw_dir.empty() ? "" : raw_dir + "/") + unportable_name_ + ext);
                    std::string path = (dir.empty() ? "" : dir + "/") + name;
                    std::string natural = ugly_ ? "/" + path + ".html" : "/" + path + "/";
                    p.write_url = natural != p.url;
                }
                report_.count("Pages");
            } else {
                p.section = d.collection;
                std::string name = unique_content_path(p.section, stem_of(d.source_path), "", ext, p.section);
                p.content_path = "content/" + p.section + "/" + name + ext;
                report_renamed(d, p.content_path, "content/" + p.section + "/" + unportable_name_ + ext);
                report_.count("Collection documents");
            }
            by_source_[d.source_path] = placed_.size();
            placed_.push_back(std::move(p));
        }
    }

    void choose_permalinks() {
        std::map<std::string, std::vector<Placed*>> sections;
        for (auto& p : placed_)
            if (!p.section.empty()) sections[p.section].push_back(&p);
        for (auto& [section, docs] : sections) {
            std::vector<std::string> candidates;
            std::string jekyll_template;
            const auto& permalinks = site_.conventions.permalinks;
            if (auto it = permalinks.find(section == o_.posts_section ? "posts" : section); it != permalinks.end())
                jekyll_template = it->second;
            if (auto t = pattern_from_jekyll(jekyll_template)) candidates.push_back(*t);
            for (const char* c : {"/:year/:month/:day/:slug", "/:year/:month/:slug", "/:year/:slug", "/:slug",
                                  "/:section/:slug", "/:section/:year/:month/:day/:slug"})
                candidates.push_back(c);
            std::string best;
            std::size_t best_count = 0;
            for (const auto& c : candidates) {
                std::size_t n = 0;
                for (const Placed* p : docs)
                    if (expand_pattern(c, section, p->slug, p->doc->date, ugly_) == p->url) ++n;
                if (n > best_count) {
                    best = c;
                    best_count = n;
                }
            }
            if (!best.empty()) permalinks_[section] = ugly_ ? best : best + "/";
            for (Placed* p : docs) {
                bool ok = !best.empty() && expand_pattern(best, section, p->slug, p->doc->date, ugly_) == p->url;
                if (!ok) {
                    // Without a pattern Hugo uses /<section>/<file name>.
                    std::string file = stem_of(p->content_path) == "index" ? basename_of(dirname_of(p->content_path))
                                                                           : stem_of(p->content_path);
                    std::string natural = "/" + section + "/" + file + (ugly_ ? ".html" : "/");
                    p->write_url = best.empty() ? natural != p->url : true;
                }
            }
        }
        for (const auto& p : placed_)
            if (p.write_url) report_.count("Documents with an explicit `url`");
    }

    // ---- writing --------------------------------------------------------------------------

    ir::Object front_matter(const Placed& p, DocumentOutput& out_doc) const {
        const ir::Document& d = *p.doc;
        const ir::Value& fm = d.front_matter;
        ir::Object out;
        out.emplace_back("title", d.title);
        if (d.date) out.emplace_back("date", ir::format_rfc3339(*d.date));
        if (d.last_modified) out.emplace_back("lastmod", ir::format_rfc3339(*d.last_modified));
        if (d.draft || !d.published) out.emplace_back("draft", true);
        if (!p.slug.empty() && !p.section.empty()) out.emplace_back("slug", p.slug);
        if (p.write_url) out.emplace_back("url", p.url);
        auto strings = [](const std::vector<std::string>& v) {
            ir::Array a;
            for (const auto& s : v) a.push_back(s);
            return a;
        };
        if (const ir::Value* r = fm.find("redirect_from")) {
            std::vector<std::string> aliases;
            auto add = [&](std::string a) {
                // Under uglyURLs Hugo writes `/old/` as `/old.html`; Jekyll wrote `/old/index.html`.
                if (ugly_ && a.ends_with("/")) a += "index.html";
                aliases.push_back(a);
            };
            if (r->is_string()) add(r->as_string());
            if (r->is_array())
                for (const auto& e : r->as_array())
                    if (e.is_string()) add(e.as_string());
            if (!aliases.empty()) {
                out_doc.report.count("Aliases (from redirect_from)", static_cast<int>(aliases.size()));
                out.emplace_back("aliases", strings(aliases));
            }
        }
        if (!d.tags.empty()) out.emplace_back("tags", strings(d.tags));
        if (!d.categories.empty()) out.emplace_back("categories", strings(d.categories));
        if (d.excerpt_explicit)
            if (const ir::Value* e = fm.find("excerpt"); e && e->is_string()) out.emplace_back("summary", *e);
        if (!d.description.empty()) out.emplace_back("description", d.description);
        if (!d.image.empty() && !fm.find("images")) out.emplace_back("images", ir::Array{d.image});
        if (fm.is_object()) {
            for (const auto& [k, v] : fm.as_object()) {
                std::string lower;
                for (char c : k) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                if (consumed_keys.count(lower)) continue;
                bool clash = hugo_reserved.count(lower) || (lower == "sitemap" && !v.is_object()) ||
                             (lower == "images" && !v.is_array()) || (lower == "weight" && !v.is_int()) ||
                             (lower == "layout" && !v.is_string());
                if (clash) {
                    out_doc.renamed_keys.insert(k);
                    out.emplace_back("jekyll_" + k, v);
                } else {
                    out.emplace_back(k, v);
                }
            }
        }
        return out;
    }

    CommonMarkOptions markdown_options(const Placed& p, DocumentOutput& out) const {
        CommonMarkOptions mo;
        mo.attributes = AttributeSyntax::goldmark;
        mo.math = MathSyntax::latex;
        mo.code_block_attributes = true;
        mo.implicit_heading_id = [](const ir::Inlines& text) { return github_heading_id(text); };
        mo.protect_literal = [](std::string_view s) { return protect_shortcodes(s); };
        mo.document_link = [this, &out](const ir::Link& link) -> std::string {
            auto it = by_source_.find(link.target_document);
            if (it == by_source_.end()) return "";
            const Placed& target = placed_[it->second];
            if (!target.built || target.content_path.ends_with("content/_index.md") ||
                target.content_path.ends_with("content/_index.html"))
                return "";
            std::string ref = target.content_path.substr(std::string("content").size());
            if (auto hash = link.url.find('#'); hash != std::string::npos) ref += link.url.substr(hash);
            out.report.count("Links to documents turned into `ref`");
            return "{{< ref \"" + ref + "\" >}}";
        };
        mo.image_url = [this, &p](const std::string& url) {
            auto it = p.images.find(url);
            return it == p.images.end() ? served_image_url(url, *p.doc) : it->second;
        };
        mo.unsupported = [](const UnsupportedNode& n, bool block) -> std::string {
            if (auto g = gist_shortcode(n.text)) return *g;
            std::string s = "<!-- blogconv: " + comment_safe(n.kind) + " not converted (see MIGRATION.md): " +
                            comment_safe(n.text) + " -->";
            (void)block;
            return s;
        };
        return mo;
    }

    static void report_unsupported(const ir::Document& d, const CommonMarkReport& r, DocumentOutput& out) {
        for (const auto& u : r.unsupported) {
            if (gist_shortcode(u.text)) {
                out.report.count("Gists turned into the `gist` shortcode");
                continue;
            }
            std::string topic = u.kind == "include" ? "Includes" :
                                u.kind.starts_with("liquid") ? "Liquid not translated" : "Not converted: " + u.kind;
            out.report.item(d.source_path, u.pos.line, topic,
                         hugo::report_code(u.text) + " was left as an HTML comment; rewrite it as Hugo markup or a shortcode");
            out.report.count("Constructs left as comments");
        }
        out.block_attributes = out.block_attributes || r.used_block_attributes || r.used_heading_attributes;
        if (r.dropped_attributes > 0)
            out.report.item(d.source_path, 0, "Attributes dropped",
                         std::to_string(r.dropped_attributes) + " attribute(s) on inline code could not be kept");
    }


    DocumentOutput render_document(const Placed& p) const {
        const ir::Document& d = *p.doc;
        DocumentOutput out;
        SerializeOptions so{o_.front_matter, {"date", "lastmod"}};
        DroppedNulls nulls;
        std::string text = front_matter_block(front_matter(p, out), so, &nulls);
        if (!nulls.empty()) out.report.item(d.source_path, 0, "Front matter", dropped_nulls_message(nulls));

        // Jekyll's excerpt separator becomes Hugo's manual summary divider.
        // A separator that already is `<!--more-->` stays where it is (a second one would show).
        auto is_more = [](const ir::Block& b) {
            const auto* r = std::get_if<ir::RawBlock>(&b.node);
            return r && r->text.rfind("<!--more-->", 0) == 0;
        };
        const bool add_more = !d.excerpt_explicit && d.excerpt_custom_separator && !d.excerpt.empty() &&
                              d.excerpt.size() < d.body.size() &&
                              std::equal(d.excerpt.begin(), d.excerpt.end(), d.body.begin()) &&
                              std::none_of(d.body.begin(), d.body.end(), is_more);
        // The body is copied only when it is to change (a copy per post was ~3% of a migration).
        std::optional<ir::Blocks> edited;
        if (add_more || has_liquid_in_html(d.body)) {
            edited = d.body;
            if (add_more) {
                edited->insert(edited->begin() + static_cast<std::ptrdiff_t>(d.excerpt.size()),
                               ir::Block(ir::RawBlock{"html", "<!--more-->"}));
                out.report.count("Excerpt separators turned into <!--more-->");
            }
            neutralise_liquid_in_html(d, *edited, out);
        }
        const ir::Blocks& body = edited ? *edited : d.body;
        CommonMarkOptions mo = markdown_options(p, out);
        CommonMarkReport cr;
        std::string markdown = write_commonmark(body, mo, &cr);
        report_unsupported(d, cr, out);
        if (p.html) {
            HtmlOptions ho;
            ho.unsupported = UnsupportedStyle::comment;
            // The site's own source for Hugo, which decides what raw HTML it renders (sanitize.h).
            ho.sanitize = false;
            text += "\n" + protect_shortcodes(fix_html_comments(render_html(body, ho)));
        } else {
            text += "\n" + markdown;
        }
        out.text = std::move(text);
        return out;
    }

    // Renders the documents a window at a time on -j threads (a window's texts are all that is
    // held besides the sink's), then writes each in site order with its images.
    void write_documents() {
        const std::size_t window = 64 * ir::thread_count(o_.jobs);
        std::vector<DocumentOutput> outs;
        for (std::size_t start = 0; start < placed_.size(); start += window) {
            const std::size_t n = std::min(window, placed_.size() - start);
            outs.assign(n, DocumentOutput{});
            ir::parallel_for(n, o_.jobs, [&](std::size_t i) { outs[i] = render_document(placed_[start + i]); });
            for (std::size_t i = 0; i < n; ++i) {
                const Placed& p = placed_[start + i];
                DocumentOutput& out = outs[i];
                for (const auto& [name, count] : out.report.counts) report_.count(name, count);
                for (auto& note : out.report.notes) report_.note(std::move(note));
                for (auto& item : out.report.items) report_.items.push_back(std::move(item));
                renamed_keys_.insert(out.renamed_keys.begin(), out.renamed_keys.end());
                block_attributes_ = block_attributes_ || out.block_attributes;
                sink_.write_owned(p.content_path, std::move(out.text));
                for (const auto& [url, local] : p.images) {
                    std::string sp = static_path_of(url, *p.doc);
                    if (auto bytes = read(sp)) sink_.write(dirname_of(p.content_path) + "/" + local, *bytes);
                }
            }
        }
    }

    // Liquid the reader left inside raw HTML (a tag it could not run, e.g. a missing include, in
    // a `<div>`) would be printed by Hugo as text: it becomes a comment and a MIGRATION.md line.
    // `<pre>`/`<code>` content is left alone: there `{%` is what the author meant to show.
    static std::string liquid_free_html(const ir::Document& d, int line, const std::string& html, DocumentOutput& o) {
        std::string out;
        std::size_t i = 0;
        while (i < html.size()) {
            std::size_t tag = html.find("{%", i);
            std::size_t pre = std::min(html.find("<pre", i), html.find("<code", i));
            if (pre < tag) {
                std::string close = html.compare(pre, 4, "<pre") == 0 ? "</pre>" : "</code>";
                std::size_t e = html.find(close, pre);
                e = e == std::string::npos ? html.size() : e + close.size();
                out.append(html, i, e - i);
                i = e;
                continue;
            }
            std::size_t end = tag == std::string::npos ? std::string::npos : html.find("%}", tag + 2);
            if (end == std::string::npos) {
                out.append(html, i, std::string::npos);
                break;
            }
            std::string liquid = html.substr(tag, end + 2 - tag);
            out.append(html, i, tag - i);
            out += "<!-- blogconv: liquid not converted (see MIGRATION.md): " + comment_safe(liquid) + " -->";
            o.report.item(d.source_path, line, liquid.find("include") != std::string::npos ? "Includes" : "Liquid not translated",
                         hugo::report_code(liquid) + " inside raw HTML was left as an HTML comment; rewrite it as Hugo "
                                                     "markup or a shortcode");
            o.report.count("Constructs left as comments");
            i = end + 2;
        }
        return out;
    }
    // Calls `f(text, line)` on the text of every raw HTML block and inline that Markdown keeps as
    // HTML, `line` being that of the block holding it. `Blocks` is ir::Blocks or const ir::Blocks
    // (to look before copying a body to edit it).
    template <typename Blocks, typename F>
    static void each_raw_html(Blocks& blocks, F&& f) {
        ir::walk(
            blocks,
            [&](auto& b) {
                if (auto* raw = std::get_if<ir::RawBlock>(&b.node); raw && raw->format == "html") f(raw->text, b.pos.line);
            },
            [&](auto& in, auto& owner) {
                if (auto* raw = ir::get_if<ir::RawInline>(in); raw && raw->format == "html") f(raw->text, owner.pos.line);
                // An image's alt is written as plain text (raw HTML dropped): nothing there reaches Hugo.
                return ir::get_if<ir::Image>(in) ? ir::Descend::no : ir::Descend::yes;
            });
    }
    static bool has_liquid_in_html(const ir::Blocks& blocks) {
        bool found = false;
        each_raw_html(blocks, [&](const std::string& text, int) { found = found || text.find("{%") != std::string::npos; });
        return found;
    }
    static void neutralise_liquid_in_html(const ir::Document& d, ir::Blocks& blocks, DocumentOutput& o) {
        each_raw_html(blocks, [&](std::string& text, int line) { text = liquid_free_html(d, line, text, o); });
    }

    std::optional<std::string> read(const std::string& site_path) {
        if (!resources_) {
            if (!warned_no_resources_)
                diags_.add({ir::DiagnosticCode::no_resources, ir::Severity::warning, "", 0, 0,
                            "the site's files cannot be read (no resource reader): static files and images are not copied"});
            warned_no_resources_ = true;
            return std::nullopt;
        }
        ResourceRead read = resources_->read(site_path);
        if (!read.ok()) {
            diags_.add({ir::DiagnosticCode::file_not_copied, ir::Severity::warning, site_path, 0, 0,
                        "not copied to the Hugo site: " + read.message});
            return std::nullopt;
        }
        return std::move(read.bytes);
    }

    void write_static_files() {
        for (const auto& f : site_.static_files) {
            if (f.processed) {
                report_.item(f.source_path, 0, "Files Jekyll would process",
                             "not copied: Jekyll transforms this file (Sass, CoffeeScript, front matter); use Hugo Pipes "
                             "(`resources.ToCSS`) under assets/ or copy its output to static/");
                report_.count("Processed files not copied");
                continue;
            }
            if (auto it = bundled_static_.find(f.source_path); it != bundled_static_.end()) {
                report_.note("`" + f.source_path + "` moved beside its post: `" + it->second + "`");
                continue;
            }
            if (auto bytes = read(f.source_path)) {
                sink_.write("static/" + f.source_path, *bytes);
                report_.count("Static files copied");
            }
        }
    }

    void write_data() {
        if (!site_.data.is_object()) return;
        for (const auto& [key, value] : site_.data.as_object()) {
            std::string name;
            for (char c : key) name += (c == '/' || c == '\\' || c == ':') ? '_' : c;
            if (name.empty() || name == "." || name == "..") continue;
            FrontMatterFormat f = o_.front_matter;
            // A TOML document is a table; a list or a scalar needs YAML (or JSON).
            if (!value.is_object() && f == FrontMatterFormat::toml) f = FrontMatterFormat::yaml;
            std::string text;
            DroppedNulls nulls;
            if (value.is_object()) {
                text = serialize_mapping(value.as_object(), {f, {}}, &nulls);
            } else if (f == FrontMatterFormat::json) {
                std::string wrapped = serialize_mapping(ir::Object{{"v", value}}, {f, {}}, &nulls);
                // {"v": X} -> X
                auto a = wrapped.find(':');
                auto b = wrapped.rfind('}');
                text = wrapped.substr(a + 1, b - a - 1) + "\n";
            } else {
                std::string wrapped = serialize_mapping(ir::Object{{"v", value}}, {f, {}}, &nulls);
                text = wrapped.substr(wrapped.find(':') + 1);
                if (!text.empty() && text[0] == ' ') text = text.substr(1);
                if (!text.empty() && text[0] == '\n') {
                    // A block sequence indented under the key: take the indentation away.
                    std::string out;
                    for (std::size_t i = 1; i < text.size();) {
                        auto nl = text.find('\n', i);
                        std::string line = text.substr(i, nl == std::string::npos ? std::string::npos : nl - i);
                        out += (line.starts_with("  ") ? line.substr(2) : line) + "\n";
                        if (nl == std::string::npos) break;
                        i = nl + 1;
                    }
                    text = out;
                }
            }
            const char* ext = f == FrontMatterFormat::toml ? ".toml" : f == FrontMatterFormat::yaml ? ".yaml" : ".json";
            sink_.write("data/" + name + ext, text);
            report_.count("Data files");
            if (!nulls.empty())
                report_.item("_data/" + key, 0, "Data", std::to_string(nulls.size()) + " null value(s) left out (TOML has no null)");
        }
    }

public:
    void finish_notes() {
        if (!renamed_keys_.empty()) {
            std::string keys;
            for (const auto& k : renamed_keys_) keys += (keys.empty() ? "`" : ", `") + k + "`";
            report_.note("front matter keys that mean something else to Hugo were kept as `jekyll_<key>`: " + keys);
        }
    }

private:
    const ir::Site& site_;
    const HugoOptions& o_;
    const ResourceReader* resources_;
    Sink& sink_;
    ir::Diagnostics& diags_;
    MigrationReport report_;
    std::vector<Placed> placed_;
    std::map<std::string, std::size_t> by_source_;
    std::set<std::string> static_paths_;
    std::map<std::string, std::string> bundled_static_;  // site path -> where it went
    std::set<std::string> used_names_;   // "dir/name" as the source names them (for the report)
    hugo::PortableNames portable_names_;  // "dir/name" as written, compared ignoring case
    std::string unportable_name_;         // see unique_content_path
    std::map<std::string, std::string> permalinks_;
    std::set<std::string> renamed_keys_;
    bool ugly_ = false;
    bool block_attributes_ = false;
    bool home_taken_ = false;
    bool warned_no_resources_ = false;
};

}  // namespace

void write_hugo(const ir::Site& site, const HugoOptions& options, const ResourceReader* resources, Sink& sink,
                ir::Diagnostics& diagnostics, std::vector<HugoPlacement>* placements) {
    HugoWriter(site, options, resources, sink, diagnostics).run(placements);
}

}  // namespace blogconv::writers
