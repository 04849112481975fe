#include "writers/registry.h"

#include "writers/epub/epub_writer.h"
#include "writers/feeds/feeds.h"
#include "writers/hugo/hugo_writer.h"
#include "writers/standalone/standalone_writer.h"

namespace blogconv::writers {

const std::vector<WriterInfo>& all_writers() {
    static const std::vector<WriterInfo> table = {
        {"json", {"ir"}, "the document model as JSON (docs/ir-json.md)", ".json", false,
         [](const ir::Site& s, const WriterOptions& o, Sink& k, ir::Diagnostics& d) { write_json(s, o.json, k, d); }},
        {"atom", {}, "Atom 1.0 feed of the posts (RFC 4287)", ".xml", false,
         [](const ir::Site& s, const WriterOptions& o, Sink& k, ir::Diagnostics& d) { write_atom(s, o.feed, k, d); }},
        {"rss", {}, "RSS 2.0 feed of the posts", ".rss", false,
         [](const ir::Site& s, const WriterOptions& o, Sink& k, ir::Diagnostics& d) { write_rss(s, o.feed, k, d); }},
        {"json-feed", {"jsonfeed"}, "JSON Feed 1.1 of the posts", ".json", false,
         [](const ir::Site& s, const WriterOptions& o, Sink& k, ir::Diagnostics& d) {
             write_json_feed(s, o.feed, k, d);
         }},
        {"epub", {"epub3"}, "EPUB 3 book, one chapter per post", ".epub", false,
         [](const ir::Site& s, const WriterOptions& o, Sink& k, ir::Diagnostics& d) {
             EpubOptions e = o.epub;
             if (!e.resources) e.resources = o.resources;
             write_epub(s, e, k, d);
         }},
        {"hugo", {}, "a Hugo site folder that keeps every URL (hugo.toml, content/, static/, data/, MIGRATION.md)", "",
         true,
         [](const ir::Site& s, const WriterOptions& o, Sink& k, ir::Diagnostics& d) {
             write_hugo(s, o.hugo, o.resources, k, d);
         }},
        // Two names rather than a `split` flag: the CLI decides from `writes_folder` whether -o
        // names a file or a folder, and that is fixed per table entry.
        {"html", {"standalone"}, "one self-contained HTML page: cover, contents, every post, tag index", ".html", false,
         [](const ir::Site& s, const WriterOptions& o, Sink& k, ir::Diagnostics& d) {
             StandaloneOptions h = o.html;
             h.split = false;
             write_standalone_html(s, h, o.resources, k, d);
         }},
        {"html-split", {}, "the standalone HTML as a folder: index.html and posts/<slug>.html", "", true,
         [](const ir::Site& s, const WriterOptions& o, Sink& k, ir::Diagnostics& d) {
             StandaloneOptions h = o.html;
             h.split = true;
             write_standalone_html(s, h, o.resources, k, d);
         }},
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

}  // namespace blogconv::writers
