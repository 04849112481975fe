// The site reader's order of work; each step it takes lives in a file of its own:
// readers/site_discovery.h finds the files (the only part that walks the disk),
// readers/document_builder.h turns each file's text into a document's metadata,
// readers/body_pipeline.h renders each body once every URL is known.
#include "readers/jekyll_site.h"

#include "readers/feed_settings.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <mutex>

#include "ir/parallel.h"
#include "readers/body_pipeline.h"
#include "readers/document_builder.h"
#include "readers/link_index.h"
#include "readers/plugins/body_plugins.h"
#include "readers/plugins/document_plugins.h"
#include "readers/plugins/github_pages.h"
#include "readers/plugins/redirect_from.h"
#include "readers/reader_diagnostic.h"
#include "readers/site_discovery.h"
#include "readers/site_paths.h"

namespace blogconv::readers {

namespace {

namespace fs = std::filesystem;

// The rules every document of the site is read with. An unknown `timezone:` is reported and
// UTC used.
DocumentRules document_rules(const ReaderOptions& options, const SiteConfig& config, const std::string& display_root,
                             std::vector<ir::Diagnostic>& diags) {
    DocumentRules rules;
    if (auto zone = SiteZone::locate(config.timezone)) {
        rules.zone = *zone;
    } else {
        diags.push_back(make_diagnostic(ir::DiagnosticCode::unknown_timezone, display_join(display_root, "_config.yml"),
                                        0, 0, "unknown timezone '" + config.timezone + "'; using UTC", {},
                                        ir::Severity::warning));
    }
    rules.now = options.now;
    rules.future = options.future;
    rules.unpublished = options.unpublished;
    rules.limits = options.limits;
    return rules;
}

// Reads one candidate's file and builds its document, all but the body's rendering. An undated
// name in `_posts` is not a post: its file is not even opened.
PreparedDocument read_document(const Candidate& c, const SiteFolder& folder, const SiteConfig& config,
                               const DocumentRules& rules) {
    if (c.source.require_dated_name && !parse_dated_name(c.source.relative_path)) return {};
    ir::GuardedReader::File file = folder.files().read(path_in_root(c.file, folder.root()), rules.limits.max_file_size);
    if (!file.ok()) {
        PreparedDocument skipped;
        skipped.diagnostics.push_back(make_diagnostic(unreadable_file_code(file.status), c.source.display, 0, 0, file.error + "; skipped"));
        return skipped;
    }
    PreparedDocument st = build_document(c.source, file.text, file.mtime, config, rules);
    apply_document_plugins(config, st);  // jekyll-redirect-from, jekyll-titles-from-headings
    return st;
}

// Every URL, known before any body renders: post_url and link resolve through this. Pages are
// always indexed (`{% link about.md %}` must resolve) but only kept, and so only rendered, when
// asked for.
void index_links(std::vector<PreparedDocument>& states, bool keep_pages, LinkIndex& links) {
    for (auto& st : states) {
        if (!st.keep) continue;
        links.add(st.relative_path, st.doc.url, st.doc.collection, st.doc.source_path);
        if (st.doc.collection.empty() && !keep_pages) st.keep = false;
    }
}

// Two documents at one URL: Jekyll reads both and writes one over the other (academicpages'
// future post does this). Both stay in the IR, since a feed or a book can hold both; say so
// loudly, naming both. Writers that write one file per URL refuse the second themselves.
void warn_shared_permalinks(std::vector<PreparedDocument>& states, const std::vector<Candidate>& candidates) {
    std::map<std::string, std::size_t> by_url;
    for (std::size_t i = 0; i < states.size(); ++i) {
        PreparedDocument& st = states[i];
        if (!st.keep) continue;
        auto [it, fresh] = by_url.emplace(st.doc.url, i);
        if (fresh) continue;
        st.diagnostics.push_back(make_diagnostic(ir::DiagnosticCode::shared_permalink, candidates[i].source.display, 0, 0,
                                                 "has the same permalink " + st.doc.url + " as " +
                                                     candidates[it->second].source.display +
                                                     "; Jekyll writes both to one file and keeps only one. Set a "
                                                     "different `permalink:`",
                                                 {}, ir::Severity::warning));
    }
}

// site.time: the newest kept document's date, else "now", else the epoch; never the clock.
ir::DateTime site_time(const std::vector<PreparedDocument>& states, const DocumentRules& rules) {
    std::optional<ir::DateTime> newest;
    for (const auto& st : states)
        if (st.keep && st.doc.date && (!newest || *st.doc.date > *newest)) newest = st.doc.date;
    if (newest) return rules.zone.at(newest->utc_seconds);
    return rules.now ? rules.zone.at(rules.now->utc_seconds) : rules.zone.at(0);
}

// Liquid's site.time as Jekyll sets it (Site#reset): the configuration's `time:`, else the clock,
// which for us is "now" as the caller gives it. The newest document's date (site_time) stands in
// only when neither is known, since the library never reads the clock.
ir::DateTime liquid_time(const SiteConfig& config, const DocumentRules& rules, const ir::DateTime& newest) {
    if (const ir::Value* t = config.raw.find("time"); t && t->is_string())
        if (auto parsed = parse_jekyll_date(t->as_string(), false, rules.zone)) return *parsed;
    if (rules.now) return rules.zone.at(rules.now->utc_seconds);
    return newest;
}

// Liquid's site.posts and site.<label>, as Jekyll's SiteDrop gives them: each kept document's
// `page`; posts newest first, a collection's documents oldest first (Reader#sort_files! sorts by
// date, then path; site.posts is that order reversed). A collection's label wins over a
// configuration key of the same name, as in SiteDrop#[].
ir::Object liquid_documents(const std::vector<PreparedDocument>& states) {
    std::map<std::string, std::vector<const PreparedDocument*>> by_label;
    for (const auto& st : states)
        if (st.keep && !st.doc.collection.empty()) by_label[st.doc.collection].push_back(&st);
    ir::Object out;
    for (auto& [label, docs] : by_label) {
        std::stable_sort(docs.begin(), docs.end(), [](const PreparedDocument* a, const PreparedDocument* b) {
            if (a->doc.date != b->doc.date) return a->doc.date < b->doc.date;
            return a->doc.source_path < b->doc.source_path;
        });
        if (label == "posts") std::reverse(docs.begin(), docs.end());
        ir::Array items;
        items.reserve(docs.size());
        for (const PreparedDocument* st : docs) items.push_back(st->page);
        out.emplace_back(label, ir::Value(std::move(items)));
    }
    return out;
}

// Liquid's `site`: the configuration plus the computed values Jekyll adds.
ir::Value liquid_site(const SiteConfig& config, const ir::Value& data, const ir::DateTime& time,
                      ir::Object documents) {
    ir::Value site = config.raw;
    for (auto& [label, docs] : documents) site.set(label, std::move(docs));
    site.set("data", data);
    site.set("url", config.url);
    site.set("baseurl", config.baseurl);
    site.set("time", ir::format_rfc3339(time));
    return site;
}

// What every body's rendering shares.
struct RenderShared {
    const ReaderOptions& options;
    const SiteConfig& config;
    const SiteFolder& folder;
    const ir::Value& site;
    const LinkIndex& links;
};

// Renders one kept document's body (and explicit excerpt). Any error leaves it out: a document
// is reported and skipped, never published half-rendered (with raw Liquid, or cut off by a budget).
void render_document(PreparedDocument& st, const Candidate& c, const RenderShared& shared) {
    if (!st.doc.redirect_to.empty()) {  // jekyll-redirect-from: the plugin's page, never the text
        st.doc.body = redirect_page_body(st.doc.redirect_to);
        return;
    }
    BodyContext ctx;
    ctx.path = c.source.display;
    ctx.first_line = st.body_first_line;
    ctx.site = &shared.site;
    ctx.page = &st.page;
    ctx.links = &shared.links;
    ctx.files = &shared.folder.files();
    ctx.folder = fs::path(path_in_root(c.file, shared.folder.root())).parent_path().generic_string();
    ctx.limits = shared.options.limits;
    ctx.render_liquid = st.render_liquid;
    ctx.markdown = st.doc.input_format != "html";
    ctx.input = shared.config.gfm_input ? MarkdownInput::gfm : MarkdownInput::kramdown;
    ctx.auto_ids = shared.config.kramdown_auto_ids;
    ctx.excerpt_separator = st.excerpt_separator;
    ctx.plugins = body_plugins(shared.config, st.doc, ctx.markdown);
    try {
        RenderedBody r = render_body(st.body, ctx, st.diagnostics);
        st.doc.body = std::move(r.body);
        st.doc.excerpt = std::move(r.excerpt);
        if (st.explicit_excerpt) {
            BodyContext ex = ctx;
            ex.first_line = 0;
            ex.plugins = excerpt_plugins(ctx.plugins);
            RenderedBody e = render_body(*st.explicit_excerpt, ex, st.diagnostics);
            st.doc.excerpt = std::move(e.body);
            st.doc.excerpt_explicit = true;
        }
    } catch (const std::exception& e) {
        st.diagnostics.push_back(
            make_diagnostic(ir::DiagnosticCode::render_failed, ctx.path, 0, 0, std::string("could not render the body: ") + e.what()));
    }
    if (std::any_of(st.diagnostics.begin(), st.diagnostics.end(),
                    [](const ir::Diagnostic& d) { return d.severity == ir::Severity::error; }))
        st.keep = false;
    // The source text and Liquid's `page` are not needed again: at 10,000 posts they are a
    // tenth of the peak memory if kept until every body is rendered.
    std::string().swap(st.body);
    st.explicit_excerpt.reset();
    st.page = ir::Value();
}

// Renders every kept body in parallel, reporting progress as each one ends.
void render_bodies(std::vector<PreparedDocument>& states, const std::vector<Candidate>& candidates,
                   const RenderShared& shared) {
    const ReaderOptions& options = shared.options;
    std::size_t to_render = 0;
    for (const auto& st : states) to_render += st.keep ? 1 : 0;
    std::atomic<std::size_t> rendered{0};
    std::mutex progress_mutex;
    ir::parallel_for(states.size(), options.jobs, [&](std::size_t i) {
        if (!states[i].keep) return;
        struct Report {  // counts this document as done however the body rendering ends
            const ReaderOptions& o;
            std::atomic<std::size_t>& n;
            std::size_t total;
            std::mutex& mu;
            ~Report() {
                std::size_t done = ++n;
                if (o.progress) {
                    std::lock_guard lock(mu);
                    o.progress(done, total);
                }
            }
        } report{options, rendered, to_render, progress_mutex};
        render_document(states[i], candidates[i], shared);
    });
}

// `author` of _config.yml: a name, or a mapping with name, email and uri (or url).
std::vector<ir::Author> site_authors(const ir::Value& author) {
    std::vector<ir::Author> out;
    if (author.is_string() && !author.as_string().empty()) {
        out.push_back({author.as_string(), "", ""});
    } else if (author.is_object()) {
        ir::Author a;
        if (const ir::Value* v = author.find("name")) a.name = v->to_text();
        if (const ir::Value* v = author.find("email")) a.email = v->to_text();
        if (const ir::Value* v = author.find("uri")) a.uri = v->to_text();
        else if (const ir::Value* u = author.find("url")) a.uri = u->to_text();
        if (!a.name.empty() || !a.email.empty()) out.push_back(a);
    }
    return out;
}

}  // namespace

ir::Site read_jekyll_site(const std::vector<std::string>& sources, const ReaderOptions& options,
                          ir::Diagnostics& diagnostics) {
    std::vector<ir::Diagnostic> site_diags;
    SiteInput input = locate_site(sources, options.limits, site_diags);
    SiteConfig& config = input.config;
    const SiteFolder folder(input.root, input.display_root);
    const std::string gemfile = input.root.empty() ? "" : folder.files().read("Gemfile", options.limits.max_file_size).text;
    config.enabled_plugins = site_plugins(config, options.plugins, gemfile);  // readers/plugins/github_pages.h
    const DocumentRules rules = document_rules(options, config, input.display_root, site_diags);
    exclude_output_paths(folder, options.skip_paths, config, input.named);

    ir::Site out;
    std::vector<Candidate> candidates = std::move(input.named);
    if (!input.root.empty() && candidates.empty()) {
        candidates = folder.find_documents(config, options.drafts && !input.posts_only,
                                           options.collections && !input.posts_only);
        folder.find_pages_and_static(config, options.limits, candidates, out.static_files, site_diags);
        std::sort(out.static_files.begin(), out.static_files.end(),
                  [](const ir::StaticFile& a, const ir::StaticFile& b) { return a.source_path < b.source_path; });
        out.data = folder.read_data(options.limits, site_diags);
    }
    std::sort(candidates.begin(), candidates.end(),
              [](const Candidate& a, const Candidate& b) { return a.source.source_path < b.source.source_path; });

    std::vector<PreparedDocument> states(candidates.size());
    ir::parallel_for(candidates.size(), options.jobs,
                     [&](std::size_t i) { states[i] = read_document(candidates[i], folder, config, rules); });
    LinkIndex links(config.baseurl);
    index_links(states, options.pages, links);
    warn_shared_permalinks(states, candidates);
    const ir::DateTime time = site_time(states, rules);
    const ir::Value site_value = liquid_site(config, out.data, liquid_time(config, rules, time), liquid_documents(states));
    render_bodies(states, candidates, {options, config, folder, site_value, links});

    diagnostics.add_all(site_diags);
    for (std::size_t i = 0; i < states.size(); ++i) {
        PreparedDocument& st = states[i];
        // A page nobody asked for is only in the link index: its problems are not this run's.
        if (!candidates[i].source.collection.empty() || options.pages) diagnostics.add_all(st.diagnostics);
        if (!st.keep) continue;
        st.doc.diagnostics = st.diagnostics;
        out.documents.push_back(std::move(st.doc));
    }
    // Dated documents by date, then the undated ones (pages), each group by path.
    std::stable_sort(out.documents.begin(), out.documents.end(), [](const ir::Document& a, const ir::Document& b) {
        if (a.date.has_value() != b.date.has_value()) return a.date.has_value();
        if (a.date && a.date->utc_seconds != b.date->utc_seconds) return a.date->utc_seconds < b.date->utc_seconds;
        return a.source_path < b.source_path;
    });

    out.root = input.root.empty() ? std::string() : input.display_root;
    out.title = config.title;
    out.description = config.description;
    out.url = config.url;
    out.baseurl = config.baseurl;
    out.lang = config.lang;
    out.timezone = config.timezone;
    out.time = time;
    out.config = config.raw;
    out.authors = site_authors(config.author);
    out.feed = feed_settings(config.raw);
    out.cover = site_cover(config.raw);
    out.conventions = site_conventions(config);
    return out;
}

}  // namespace blogconv::readers
