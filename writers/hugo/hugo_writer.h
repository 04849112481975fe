// `--to hugo`: a Jekyll site (as IR) migrated to a Hugo site folder.
//
// Output: hugo.toml, content/ (posts under content/<posts_section>/, pages and collections where
// their URLs are kept), static/ (the site's static files, read through the ResourceReader), data/
// (from Site::data) and MIGRATION.md. Every document keeps its Jekyll URL: through a permalinks
// pattern where Hugo can express it, else through a per-document `url`. See hugo_options.h.
#pragma once

#include "ir/diagnostic.h"
#include "ir/site.h"
#include "writers/hugo/hugo_options.h"
#include "writers/resources.h"
#include "writers/sink.h"

namespace blogconv::writers {

// Writes the Hugo site into `sink`. `resources` (may be nullptr) is how static files and images
// are read; a file that cannot be read is a warning and the migration goes on.
void write_hugo(const ir::Site& site, const HugoOptions& options, const ResourceReader* resources, Sink& sink,
                ir::Diagnostics& diagnostics);

}  // namespace blogconv::writers
