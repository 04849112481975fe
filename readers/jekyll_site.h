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

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ir/datetime.h"
#include "ir/diagnostic.h"
#include "ir/site.h"
#include "readers/limits.h"

namespace blogconv::readers {

struct ReaderOptions {
    // Read `_drafts/` too (Jekyll's --drafts). Drafts are dated by their file's mtime as Jekyll
    // does, unless their front matter has a date.
    bool drafts = false;
    // Keep documents dated after `now` (Jekyll's --future; the config's `future: true` also does).
    bool future = false;
    // Keep documents with `published: false` (Jekyll's --unpublished).
    bool unpublished = false;
    // "Now", for the future-post rule. The library never reads the clock: the CLI passes it in.
    // Unset: no document counts as future.
    std::optional<ir::DateTime> now;
    // Worker threads for reading and rendering; 0 = one per core.
    unsigned jobs = 0;
    // Read collection documents (`_talks/`, `_releases/`, … with output) besides posts.
    bool collections = true;
    // Read pages (Markdown/HTML files with front matter outside `_` folders).
    bool pages = false;
    // Limits on hostile input (file size, YAML alias expansion, nesting, line length, footnotes):
    // a post past one is reported and skipped. Defaults in readers/limits.h.
    Limits limits;
    // Paths never read as input, although they lie inside the site: the CLI passes its -o path,
    // so that a second run of `blogconv site --to hugo -o site/out` does not read site/out back.
    std::vector<std::string> skip_paths;
    // Called after each document body is rendered with (done, total), from worker threads (but
    // never concurrently). The CLI draws its progress bar with it. Unset: not called.
    std::function<void(std::size_t done, std::size_t total)> progress;
};

// Reads the site. `sources` holds one site root (a folder with _config.yml and/or _posts/), or
// a folder of posts, or one or more post files.
ir::Site read_jekyll_site(const std::vector<std::string>& sources, const ReaderOptions& options,
                          ir::Diagnostics& diagnostics);

}  // namespace blogconv::readers
