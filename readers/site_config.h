// _config.yml: the settings the reader needs, typed, plus the whole file kept as ir::Value.
//
// Defaults are Jekyll 4.3's (permalink `date`, markdown_ext, `collections_dir` ""). Collections
// are normalised as Jekyll's Configuration#add_default_collections does: a list becomes a
// mapping, `posts` always exists and takes the site's permalink style unless it has its own.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "ir/diagnostic.h"
#include "ir/value.h"
#include "readers/plugins/registry.h"

namespace blogconv::readers {

struct CollectionConfig {
    std::string label;   // "posts", "talks", …
    bool output = false;
    // The collection's own `permalink` template (for posts: its own, else the site's style).
    std::optional<std::string> permalink;
};

// One `defaults:` entry: values applied to documents under `path` (and of `type`, if given).
struct DefaultsSet {
    std::string path;                 // scope path as written ("" = everywhere)
    std::optional<std::string> type;  // scope type ("posts", a collection label, …)
    ir::Value values;                 // a mapping
};

struct SiteConfig {
    ir::Value raw;                    // the whole _config.yml (a mapping; null when absent)
    std::string title;                // `title`, else `name`
    std::string description;
    std::string url;                  // without a trailing slash
    std::string baseurl;              // "" or "/blog": leading slash, no trailing slash
    ir::Value author;                 // `author` as written (string or mapping)
    std::string lang;                 // `lang`, else `language`
    std::string timezone;             // IANA name, "" = UTC
    std::optional<std::string> excerpt_separator;  // unset = Jekyll's "\n\n"
    std::string permalink = "date";   // the style name or template as written
    bool future = false;
    std::string collections_dir;      // "" = the site root
    std::vector<CollectionConfig> collections;  // posts first, then as written
    std::vector<DefaultsSet> defaults;
    std::vector<std::string> markdown_ext = {"markdown", "mkdown", "mkdn", "mkd", "md"};
    bool gfm_input = true;            // `kramdown: input:` is GFM unless the site sets another (Jekyll 4 default)
    bool kramdown_auto_ids = true;
    std::vector<std::string> exclude; // `exclude` patterns as written
    std::vector<std::string> plugins; // `plugins`, then the older `gems`, as named
    EnabledPlugins enabled_plugins;   // the modules of readers/plugins/ that `plugins` (not `gems`) turns on

    // The posts collection (always present).
    const CollectionConfig& posts() const;
    // The collection labelled `label`, or nullptr.
    const CollectionConfig* collection(const std::string& label) const;
};

// The configuration of a site without _config.yml.
SiteConfig default_site_config();

// Builds the typed configuration from a parsed _config.yml.
SiteConfig site_config_from_value(const ir::Value& raw);

// Parses the text of a _config.yml (the site reader reads the file through its guarded
// reader). A YAML error is reported and the defaults are used, so the posts can still be read.
SiteConfig load_site_config(std::string_view text, const std::string& display_path, std::size_t max_yaml_nodes,
                            std::vector<ir::Diagnostic>& diagnostics);

}  // namespace blogconv::readers
