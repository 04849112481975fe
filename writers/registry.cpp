#include "writers/registry.h"

#include "writers/epub/epub_writer.h"
#include "writers/feeds/feeds.h"
#include "writers/hugo/hugo_writer.h"
#include "writers/json_writer.h"
#include "writers/markdown/markdown_writer.h"
#include "writers/standalone/standalone_writer.h"

// Rows name only the fields they set (designated initialisers); the rest keep their defaults.
// GCC 12 warns about every field left out even when it has a default member initialiser.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace blogconv::writers {

namespace {

// A writer's own options at their defaults, held for the CLI to fill (WriterInfo::make_options).
template <class Options>
FormatOptions make_options() {
    return FormatOptions::of(Options{});
}

// A feed writer's options with the fields every writer gets applied.
FeedOptions feed_options(const WriterOptions& o) {
    FeedOptions f = o.format.get_or_default<FeedOptions>();
    if (o.limit) f.limit = o.limit;
    return f;
}

// One feed of --per-tag / --per-category: only that tag's (category's) posts, its own self link,
// and a title naming it ("Blog · rust").
void narrow_feed(FormatOptions& holder, const FeedSlice& slice) {
    FeedOptions& f = holder.get<FeedOptions>();
    f.tags.clear();
    f.categories.clear();
    (slice.by_tag ? f.tags : f.categories).push_back(slice.name);
    f.path = slice.path;
    if (!f.title.empty() || !slice.site_title.empty())
        f.title = (f.title.empty() ? slice.site_title : f.title) + " · " + slice.name;
}

using FeedFunction = void (*)(const ir::Site&, const FeedOptions&, Sink&, ir::Diagnostics&);

// The three feeds differ only in name and syntax: the same options, the same selection.
template <FeedFunction write_feed>
WriterInfo feed_row(std::string name, std::vector<std::string> aliases, std::string description, std::string extension) {
    return {.name = std::move(name),
            .aliases = std::move(aliases),
            .description = std::move(description),
            .extension = std::move(extension),
            .picks_newest = true,
            .make_options = make_options<FeedOptions>,
            .options = bind_options(feed_option_table()),
            .narrow_feed = narrow_feed,
            .write = [](const ir::Site& s, const WriterOptions& o, Sink& k, ir::Diagnostics& d) {
                write_feed(s, feed_options(o), k, d);
            }};
}

StandaloneOptions standalone_options(const WriterOptions& o, bool split) {
    StandaloneOptions h = o.format.get_or_default<StandaloneOptions>();
    h.split = split;
    return h;
}

}  // namespace

const std::vector<WriterInfo>& all_writers() {
    static const std::vector<WriterInfo> table = {
        {.name = "json",
         .aliases = {"ir"},
         .description = "the document model as JSON (docs/ir-json.md)",
         .extension = ".json",
         .reads_pages = true,
         .make_options = make_options<JsonOptions>,
         .write =
             [](const ir::Site& s, const WriterOptions& o, Sink& k, ir::Diagnostics& d) {
                 JsonOptions j = o.format.get_or_default<JsonOptions>();
                 j.jobs = o.jobs;
                 write_json(s, j, k, d);
             }},
        feed_row<write_atom>("atom", {}, "Atom 1.0 feed of the posts (RFC 4287)", ".xml"),
        feed_row<write_rss>("rss", {}, "RSS 2.0 feed of the posts", ".rss"),
        feed_row<write_json_feed>("json-feed", {"jsonfeed"}, "JSON Feed 1.1 of the posts", ".json"),
        {.name = "epub",
         .aliases = {"epub3"},
         .description = "EPUB 3 book, one chapter per post",
         .extension = ".epub",
         .make_options = make_options<EpubOptions>,
         .options = bind_options(epub_option_table()),
         .write =
             [](const ir::Site& s, const WriterOptions& o, Sink& k, ir::Diagnostics& d) {
                 EpubOptions e = o.format.get_or_default<EpubOptions>();
                 if (!e.resources) e.resources = o.resources;
                 if (!e.jobs) e.jobs = o.jobs;
                 if (!e.modified) e.modified = o.source_date_epoch;
                 write_epub(s, e, k, d);
             }},
        {.name = "hugo",
         .description = "a Hugo site folder that keeps every URL (hugo.toml, content/, static/, data/, MIGRATION.md)",
         .writes_folder = true,
         .reads_pages = true,
         .keeps_drafts = true,
         .make_options = make_options<HugoOptions>,
         .options = bind_options(hugo_option_table()),
         .write =
             [](const ir::Site& s, const WriterOptions& o, Sink& k, ir::Diagnostics& d) {
                 HugoOptions h = o.format.get_or_default<HugoOptions>();
                 if (!h.jobs) h.jobs = o.jobs;
                 write_hugo(s, h, o.resources, k, d);
             }},
        {.name = "markdown",
         .aliases = {"commonmark"},
         .description = "a folder of portable CommonMark with front matter: Liquid run, kramdown resolved, every URL "
                        "kept (for Eleventy, Astro, Zola)",
         .writes_folder = true,
         .reads_pages = true,
         .keeps_drafts = true,
         .make_options = make_options<MarkdownOptions>,
         .options = bind_options(markdown_option_table()),
         .write =
             [](const ir::Site& s, const WriterOptions& o, Sink& k, ir::Diagnostics& d) {
                 write_markdown_site(s, o.format.get_or_default<MarkdownOptions>(), o.resources, k, d);
             }},
        // Two names rather than a `split` flag: the CLI decides from `writes_folder` whether -o
        // names a file or a folder, and that is fixed per table entry.
        {.name = "html",
         .aliases = {"standalone"},
         .description = "one self-contained HTML page: cover, contents, every post, tag index",
         .extension = ".html",
         .make_options = make_options<StandaloneOptions>,
         .options = bind_options(standalone_option_table()),
         .write = [](const ir::Site& s, const WriterOptions& o, Sink& k,
                     ir::Diagnostics& d) { write_standalone_html(s, standalone_options(o, false), o.resources, k, d); }},
        {.name = "html-split",
         .description = "the standalone HTML as a folder: index.html and posts/<slug>.html",
         .writes_folder = true,
         .make_options = make_options<StandaloneOptions>,
         .options = bind_options(standalone_option_table()),
         .write = [](const ir::Site& s, const WriterOptions& o, Sink& k,
                     ir::Diagnostics& d) { write_standalone_html(s, standalone_options(o, true), o.resources, k, d); }},
    };
    return table;
}

const WriterInfo* find_writer(std::string_view name) {
    for (const auto& w : all_writers()) {
        if (w.name == name) return &w;
        for (const auto& a : w.aliases)
            if (a == name) return &w;
    }
    return nullptr;
}

const BoundOption* find_option(const WriterInfo& writer, std::string_view name) {
    for (const auto& o : writer.options)
        if (o.name == name) return &o;
    return nullptr;
}

}  // namespace blogconv::writers
