// The Jekyll plugins the reader imitates, by the gem names sites list in `plugins:` (or the
// older `gems:`). One small module per plugin sits beside this file; this table is the one place
// that maps a name to the switch that turns its module on.
//
// A plugin acts only when the site names it, as Jekyll loads only the gems it is told to: a site
// without `jekyll-mentions` keeps `@name` as text.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace blogconv::readers {

// Which plugin modules are on for a site.
struct EnabledPlugins {
    bool redirect_from = false;   // jekyll-redirect-from: `redirect_from` / `redirect_to`
    bool relative_links = false;  // jekyll-relative-links: links to source files become their URLs
    bool mentions = false;        // jekyll-mentions: `@user` links to the user's GitHub page
    bool jemoji = false;          // jemoji: `:smile:` becomes the emoji
    bool titles_from_headings = false;   // jekyll-titles-from-headings: a page's first heading is its title
    bool optional_front_matter = false;  // jekyll-optional-front-matter: Markdown without front matter is a page
    bool operator==(const EnabledPlugins&) const = default;
};

// One row of the table.
struct PluginInfo {
    std::string_view name;         // the gem's name as a site lists it
    std::string_view description;  // what the module does, for docs and reports
    bool EnabledPlugins::*flag;    // the switch it sets
};

// Every plugin the reader knows, in the order docs/plugins.md lists them.
std::span<const PluginInfo> known_plugins();

// The switches for a site's plugin list (readers/feed_settings.h's site_conventions collects
// it). Names the table does not know are left to the writers that report them.
EnabledPlugins enabled_plugins(const std::vector<std::string>& names);

}  // namespace blogconv::readers
