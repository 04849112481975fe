// The one table that maps format names to writers (pandoc's Writers.hs). The CLI's `--to`
// choices and `--list-formats` come from it. No self-registering static objects.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ir/diagnostic.h"
#include "ir/site.h"
#include "writers/epub/epub_options.h"
#include "writers/feeds/feed_options.h"
#include "writers/hugo/hugo_options.h"
#include "writers/json_writer.h"
#include "writers/markdown/markdown_options.h"
#include "writers/option_spec.h"
#include "writers/resources.h"
#include "writers/sink.h"
#include "writers/standalone/standalone_options.h"

namespace blogconv::writers {

// Every writer's options, one struct each; the CLI fills them through the writers' option tables
// (WriterInfo::options) and sets the fields below the structs for every writer alike.
struct WriterOptions {
    JsonOptions json;
    // Atom, RSS and JSON Feed (writers/feeds/feed_options.h).
    FeedOptions feed;
    // EPUB (writers/epub/epub_options.h).
    EpubOptions epub;
    // The Jekyll -> Hugo migration (writers/hugo/hugo_options.h).
    HugoOptions hugo;
    // Portable Markdown (writers/markdown/markdown_options.h).
    MarkdownOptions markdown;
    // Standalone HTML, one file or split (writers/standalone/standalone_options.h).
    StandaloneOptions html;
    // Where writers read the site's files (images, static files). The CLI sets a FolderResources
    // for the site root; nullptr means no file can be read (images are then reported missing).
    const ResourceReader* resources = nullptr;
    // Worker threads for writers that use them (0 = one per core); output is the same for any count.
    unsigned jobs = 0;
    // SOURCE_DATE_EPOCH, for writers that stamp a modification time (EPUB's dcterms:modified).
    std::optional<std::int64_t> source_date_epoch;
    // --limit for a writer that picks the newest posts itself (WriterInfo::picks_newest). Unset:
    // the writer's own default (a feed's `posts_limit`, else 10).
    std::optional<std::size_t> limit;
};

using WriteFunction = void (*)(const ir::Site&, const WriterOptions&, Sink&, ir::Diagnostics&);

// One row of the table. The CLI decides everything from these fields, never from a name.
struct WriterInfo {
    std::string name;
    std::vector<std::string> aliases;
    std::string description;
    std::string extension;      // default output file extension ("" for a folder)
    bool writes_folder = false;  // multi-file output: -o names a folder
    // Pages are read too, besides posts and collection documents (a whole-site dump or migration).
    bool reads_pages = false;
    // Drafts, unpublished and future documents are read too, marked as such (a migration keeps
    // everything the site holds).
    bool keeps_drafts = false;
    // Posts only, and the writer takes the newest WriterOptions::limit itself (a feed): the shared
    // selection keeps posts and does not cut.
    bool picks_newest = false;
    // --per-tag / --per-category apply: the writer is run once more per tag or category, with its
    // FeedOptions narrowed (cli/split_feeds).
    bool splits_feeds = false;
    // The writer's command-line options, from its own table (writers/option_spec.h).
    std::vector<BoundOption<WriterOptions>> options;
    WriteFunction write = nullptr;
};

const std::vector<WriterInfo>& all_writers();
// The writer called `name` (or one of its aliases), or nullptr.
const WriterInfo* find_writer(std::string_view name);
// The option called `name` (long name, no dashes) of `writer`, or nullptr when it takes none.
const BoundOption<WriterOptions>* find_option(const WriterInfo& writer, std::string_view name);

}  // namespace blogconv::writers
