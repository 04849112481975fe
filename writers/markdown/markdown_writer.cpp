#include "writers/markdown/markdown_writer.h"

#include <set>

#include "writers/front_matter/serialize.h"
#include "writers/markdown/commonmark_writer.h"
#include "writers/site_urls.h"

namespace blogconv::writers {

namespace {

// Keys this writer states itself, from what Jekyll computed; the author's own value of each is
// replaced (a `date: 2024-03-12` string becomes the full date-time Jekyll read from it).
const std::set<std::string> computed_keys = {"title", "date", "tags", "categories", "permalink", "draft"};

// The output path of a document: the source path with the `_` of its first folder dropped
// (`_posts/x.md` -> `posts/x.md`, `_talks/` -> `talks/`) and the extension made `.md`.
std::string output_path(const ir::Document& d) {
    std::string p = d.source_path;
    if (!p.empty() && p.front() == '_' && p.find('/') != std::string::npos) p.erase(0, 1);
    const std::size_t slash = p.rfind('/');
    const std::size_t dot = p.rfind('.');
    if (dot != std::string::npos && (slash == std::string::npos || dot > slash + 1)) p.erase(dot);
    return p + ".md";
}

// `path` made unique among `used`: `x.md`, then `x-2.md`, `x-3.md`, ...
std::string unique_path(const std::string& path, std::set<std::string>& used) {
    if (used.insert(path).second) return path;
    const std::string stem = path.substr(0, path.size() - 3);
    for (int n = 2;; ++n) {
        std::string candidate = stem + "-" + std::to_string(n) + ".md";
        if (used.insert(candidate).second) return candidate;
    }
}

ir::Array strings(const std::vector<std::string>& list) {
    ir::Array out;
    for (const auto& s : list) out.emplace_back(s);
    return out;
}

ir::Object front_matter(const ir::Document& d) {
    ir::Object out;
    out.emplace_back("title", d.title);
    if (d.date) out.emplace_back("date", ir::format_rfc3339(*d.date));
    if (!d.tags.empty()) out.emplace_back("tags", strings(d.tags));
    if (!d.categories.empty()) out.emplace_back("categories", strings(d.categories));
    if (!d.url.empty()) out.emplace_back("permalink", d.url);
    if (d.draft || !d.published) out.emplace_back("draft", true);
    if (d.front_matter.is_object())
        for (const auto& [key, value] : d.front_matter.as_object())
            if (!computed_keys.count(key)) out.emplace_back(key, value);
    return out;
}

}  // namespace

void write_markdown_site(const ir::Site& site, const MarkdownOptions& options, const ResourceReader* resources,
                         Sink& sink, ir::Diagnostics& diagnostics) {
    SerializeOptions so;
    so.format = options.front_matter;
    so.datetime_keys = {"date"};
    std::set<std::string> used;
    for (const auto& d : site.documents) {
        const std::string path = unique_path(output_path(d), used);
        CommonMarkOptions mo;
        // Portable CommonMark has no attribute syntax: ids, classes and IAL attributes are left out.
        mo.attributes = AttributeSyntax::none;
        // The page keeps its permalink and the site's files keep their paths: an image written
        // relative to the source file is pointed at where its file is served (site_urls.h).
        mo.image_url = [&site, &d](const std::string& url) {
            auto is_static = [&site](const std::string& path) { return is_static_file(site, path); };
            return relocated_url(url, url_base(d, site), is_static, "").value_or(url);
        };
        DroppedNulls nulls;
        std::string text = front_matter_block(front_matter(d), so, &nulls);
        if (!nulls.empty())
            diagnostics.add({ir::DiagnosticCode::front_matter_null_dropped, ir::Severity::warning, d.source_path, 0, 0,
                             "--to markdown: " + dropped_nulls_message(nulls)});
        // What Markdown cannot express is written as an HTML comment with `{%`/`{{` broken up
        // (the writer's default) and reported here, with its line.
        CommonMarkReport report;
        const std::string body = write_commonmark(d.body, mo, &report);
        for (const auto& n : report.unsupported)
            diagnostics.add({ir::DiagnosticCode::markdown_unrepresentable, ir::Severity::warning, d.source_path, n.pos.line,
                             n.pos.col, "--to markdown: " + n.kind + " kept as an HTML comment; it needs a person"});
        if (!body.empty()) text += "\n" + body;
        sink.write(path, text);
    }
    if (!resources) return;
    for (const auto& f : site.static_files) {
        if (f.processed) continue;
        if (used.count(f.source_path)) {
            diagnostics.add({ir::DiagnosticCode::same_output_path, ir::Severity::warning, f.source_path, 0, 0,
                             "--to markdown: not copied: a converted document has the same path"});
            continue;
        }
        ResourceRead read = resources->read(f.source_path);
        if (!read.ok()) {
            diagnostics.add({ir::DiagnosticCode::file_not_copied, ir::Severity::warning, f.source_path, 0, 0,
                             "--to markdown: not copied: " + read.message});
            continue;
        }
        sink.write(f.source_path, read.bytes);
    }
}

}  // namespace blogconv::writers
