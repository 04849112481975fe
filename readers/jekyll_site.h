// Reading a Jekyll site (or a folder of posts, or single files) into the IR.
//
// This is the library's front door for readers: `read_jekyll_site` finds the documents, reads
// _config.yml and front matter, computes dates and permalinks exactly as Jekyll 4.3 does, runs
// Liquid and then Markdown over each body, and returns an ir::Site. Diagnostics are collected,
// never printed; one bad post is reported and skipped, the others are read.
//
// The steps are in files of their own: readers/site_discovery.h walks the disk (the only part
// that does), readers/document_builder.h makes each document's metadata from its text, and
// readers/body_pipeline.h renders each body once every URL is known.
#pragma once

#include <string>
#include <vector>

#include "ir/diagnostic.h"
#include "ir/site.h"
#include "readers/reader_options.h"

namespace blogconv::readers {

// Reads the site. `sources` holds one site root (a folder with _config.yml and/or _posts/), or
// a folder of posts, or one or more post files.
ir::Site read_jekyll_site(const std::vector<std::string>& sources, const ReaderOptions& options,
                          ir::Diagnostics& diagnostics);

}  // namespace blogconv::readers
