// The one table that maps format names to writers (pandoc's Writers.hs). The CLI's `--to`
// choices and `--list-formats` come from it. No self-registering static objects.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ir/diagnostic.h"
#include "ir/site.h"
#include "writers/epub/epub_options.h"
#include "writers/feeds/feed_options.h"
#include "writers/hugo/hugo_options.h"
#include "writers/json_writer.h"
#include "writers/resources.h"
#include "writers/sink.h"
#include "writers/standalone/standalone_options.h"

namespace blogconv::writers {

// Every writer's options, one struct each; the CLI fills the one for the chosen format.
struct WriterOptions {
    JsonOptions json;
    // Atom, RSS and JSON Feed (writers/feeds/feed_options.h).
    FeedOptions feed;
    // EPUB (writers/epub/epub_options.h).
    EpubOptions epub;
    // The Jekyll -> Hugo migration (writers/hugo/hugo_options.h).
    HugoOptions hugo;
    // Standalone HTML, one file or split (writers/standalone/standalone_options.h).
    StandaloneOptions html;
    // Where writers read the site's files (images, static files). The CLI sets a FolderResources
    // for the site root; nullptr means no file can be read (images are then reported missing).
    const ResourceReader* resources = nullptr;
};

using WriteFunction = void (*)(const ir::Site&, const WriterOptions&, Sink&, ir::Diagnostics&);

struct WriterInfo {
    std::string name;
    std::vector<std::string> aliases;
    std::string description;
    std::string extension;      // default output file extension ("" for a folder)
    bool writes_folder = false;  // multi-file output: -o names a folder
    WriteFunction write = nullptr;
};

const std::vector<WriterInfo>& all_writers();
// The writer called `name` (or one of its aliases), or nullptr.
const WriterInfo* find_writer(std::string_view name);

}  // namespace blogconv::writers
