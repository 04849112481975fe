// What every reader is told: which documents to keep, "now", the limits on hostile input,
// worker threads and progress. One record for every reader (pandoc's ReaderOptions), so that the
// reader registry (readers/registry.h) calls each the same way; every default is here.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ir/datetime.h"
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
    // The plugins loaded instead of the site's `plugins:` list, as a configuration override of
    // `plugins:` replaces it (`jekyll build --config _config.yml,override.yml`); the oracle tests
    // name what their reference build loaded. Unset: the site's own list.
    std::optional<std::vector<std::string>> plugins;
    // Called after each document body is rendered with (done, total), from worker threads (but
    // never concurrently). The CLI draws its progress bar with it. Unset: not called.
    std::function<void(std::size_t done, std::size_t total)> progress;
};

}  // namespace blogconv::readers
