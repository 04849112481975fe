#include "readers/plugins/registry.h"

#include <array>

namespace blogconv::readers {

namespace {

constexpr std::array<PluginInfo, 6> table{{
    {"jekyll-redirect-from", "redirect_from paths and redirect_to targets on documents", &EnabledPlugins::redirect_from},
    {"jekyll-relative-links", "links to a site's source files become the files' URLs", &EnabledPlugins::relative_links},
    {"jekyll-mentions", "@user becomes a link to the user's GitHub profile", &EnabledPlugins::mentions},
    {"jemoji", ":name: becomes the emoji it names", &EnabledPlugins::jemoji},
    {"jekyll-titles-from-headings", "a page without a title takes its first heading's text",
     &EnabledPlugins::titles_from_headings},
    {"jekyll-optional-front-matter", "Markdown files without front matter become pages",
     &EnabledPlugins::optional_front_matter},
}};

}  // namespace

std::span<const PluginInfo> known_plugins() { return table; }

EnabledPlugins enabled_plugins(const std::vector<std::string>& names) {
    EnabledPlugins out;
    for (const std::string& name : names)
        for (const PluginInfo& p : table)
            if (p.name == name) out.*p.flag = true;
    return out;
}

}  // namespace blogconv::readers
