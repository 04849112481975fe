#include "readers/plugins/github_pages.h"

#include <algorithm>
#include <array>

namespace blogconv::readers {

namespace {

constexpr std::array<std::string_view, 10> default_plugins{
    "jekyll-coffeescript",       "jekyll-commonmark-ghpages",    "jekyll-gist",         "jekyll-github-metadata",
    "jekyll-paginate",           "jekyll-relative-links",        "jekyll-optional-front-matter",
    "jekyll-readme-index",       "jekyll-default-layout",        "jekyll-titles-from-headings"};

constexpr std::array<std::string_view, 20> whitelist{
    "jekyll-coffeescript", "jekyll-commonmark-ghpages", "jekyll-feed",          "jekyll-gist",
    "jekyll-github-metadata", "jekyll-paginate",        "jekyll-redirect-from", "jekyll-seo-tag",
    "jekyll-sitemap",      "jekyll-avatar",             "jemoji",               "jekyll-mentions",
    "jekyll-relative-links", "jekyll-optional-front-matter", "jekyll-readme-index", "jekyll-default-layout",
    "jekyll-titles-from-headings", "jekyll-include-cache", "jekyll-octicons",   "jekyll-remote-theme"};

}  // namespace

bool uses_github_pages_gem(std::string_view gemfile) {
    std::size_t pos = 0;
    while (pos <= gemfile.size()) {
        std::size_t eol = gemfile.find('\n', pos);
        std::string_view line = gemfile.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
        std::size_t i = line.find_first_not_of(" \t");
        if (i != std::string_view::npos) {
            line.remove_prefix(i);
            if (line.starts_with("gem ") || line.starts_with("gem\t")) {
                std::size_t q = line.find_first_of("\"'");
                if (q != std::string_view::npos) {
                    std::size_t end = line.find(line[q], q + 1);
                    if (end != std::string_view::npos && line.substr(q + 1, end - q - 1) == "github-pages") return true;
                }
            }
        }
        if (eol == std::string_view::npos) break;
        pos = eol + 1;
    }
    return false;
}

std::vector<std::string> github_pages_plugins(const ir::Value& config) {
    std::vector<std::string> names;
    auto add = [&](std::string_view n) {
        if (std::find(names.begin(), names.end(), n) == names.end()) names.emplace_back(n);
    };
    for (const char* key : {"plugins", "gems"})
        if (const ir::Value* p = config.find(key); p && p->is_array())
            for (const auto& e : p->as_array())
                if (e.is_string()) add(e.as_string());
    for (auto n : default_plugins) add(n);
    std::erase_if(names, [](const std::string& n) { return std::find(whitelist.begin(), whitelist.end(), n) == whitelist.end(); });
    return names;
}

EnabledPlugins site_plugins(const SiteConfig& config, const std::optional<std::vector<std::string>>& override,
                            std::string_view gemfile) {
    if (override) return enabled_plugins(*override);
    if (uses_github_pages_gem(gemfile)) return enabled_plugins(github_pages_plugins(config.raw));
    return config.enabled_plugins;
}

}  // namespace blogconv::readers
