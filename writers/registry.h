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
#include "writers/format_options.h"
#include "writers/option_spec.h"
#include "writers/resources.h"
#include "writers/sink.h"

namespace blogconv::writers {

// What a writer is run with: the chosen writer's own options, held without naming their type,
// and the fields below it that every writer reads alike. Adding a format adds nothing here.
struct WriterOptions {
    // The chosen writer's own struct (an EpubOptions, a FeedOptions, …), made by its row
    // (WriterInfo::make_options) and filled through its option table (WriterInfo::options). Empty:
    // the writer's defaults. Another writer's struct is refused (FormatOptionsMismatch).
    FormatOptions format;
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

// One feed of a split (--per-tag, --per-category): the posts of one tag or category, under a self
// link of its own, titled after the tag.
struct FeedSlice {
    bool by_tag = true;      // `name` is a tag; else a category
    std::string name;        // the tag or category kept
    std::string path;        // the feed's own path below the site, for its self link
    std::string site_title;  // the site's title, named in the slice's title when the feed has none
};

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
    // The writer's own options struct at its defaults (writers/format_options.h): the CLI applies
    // the user's options to it (`options`) and passes it as WriterOptions::format.
    FormatOptions (*make_options)() = nullptr;
    // The writer's command-line options, from its own table (writers/option_spec.h), bound to the
    // struct `make_options` makes.
    std::vector<BoundOption> options;
    // Set for a feed: --per-tag / --per-category apply, and the writer is run once more per tag or
    // category with its own options narrowed to that slice by this function (cli/split_feeds).
    void (*narrow_feed)(FormatOptions&, const FeedSlice&) = nullptr;
    WriteFunction write = nullptr;
};

const std::vector<WriterInfo>& all_writers();
// The writer called `name` (or one of its aliases), or nullptr.
const WriterInfo* find_writer(std::string_view name);
// The option called `name` (long name, no dashes) of `writer`, or nullptr when it takes none.
const BoundOption* find_option(const WriterInfo& writer, std::string_view name);

}  // namespace blogconv::writers
