// `--to hugo`: a Jekyll site (as IR) migrated to a Hugo site folder.
//
// Output: hugo.toml, content/ (posts under content/<posts_section>/, pages and collections where
// their URLs are kept), static/ (the site's static files, read through the ResourceReader), data/
// (from Site::data) and MIGRATION.md. Every document keeps its Jekyll URL: through a permalinks
// pattern where Hugo can express it, else through a per-document `url`. See hugo_options.h.
#pragma once

#include <string>
#include <vector>

#include "ir/diagnostic.h"
#include "ir/site.h"
#include "writers/hugo/hugo_options.h"
#include "writers/resources.h"
#include "writers/sink.h"

namespace blogconv::writers {

// Where one document went: lets tests and tools check the migration document by document
// (the round-trip test reads each written body back and compares it with the source's).
struct HugoPlacement {
    std::string source_path;   // ir::Document::source_path
    std::string content_path;  // the file written, "content/posts/x.md" ('/'-separated)
    bool markdown = true;      // the body was written as Markdown (false: as HTML, for an HTML source)
};

// Writes the Hugo site into `sink`. `resources` (may be nullptr) is how static files and images
// are read; a file that cannot be read is a warning and the migration goes on. `placements`
// (may be nullptr) receives one entry per document written, in the site's document order.
void write_hugo(const ir::Site& site, const HugoOptions& options, const ResourceReader* resources, Sink& sink,
                ir::Diagnostics& diagnostics, std::vector<HugoPlacement>* placements = nullptr);

}  // namespace blogconv::writers
