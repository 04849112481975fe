// GitHub Pages: a site whose Gemfile builds it with the `github-pages` gem gets that gem's
// default plugins (GitHubPages::Plugins::DEFAULT_PLUGINS, joined to the site's own list by
// GitHubPages::Configuration#configure_plugins) and runs in safe mode, where only the gem's
// PLUGIN_WHITELIST loads. Lists as in pages-gem's lib/github-pages/plugins.rb.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <optional>

#include "ir/value.h"
#include "readers/plugins/registry.h"
#include "readers/site_config.h"

namespace blogconv::readers {

// Whether a Gemfile's text asks for the gem (a `gem "github-pages"` line that is not a comment).
bool uses_github_pages_gem(std::string_view gemfile);

// The plugins GitHub Pages loads for a configuration: its `plugins:` (and Jekyll 3's `gems:`,
// which the gem's Jekyll 3 still reads) joined with the defaults, minus what the whitelist refuses.
std::vector<std::string> github_pages_plugins(const ir::Value& config);

// The modules on for a site: `override` when given (ReaderOptions::plugins), else GitHub Pages'
// set when the Gemfile asks for the gem, else what the site's `plugins:` turned on.
EnabledPlugins site_plugins(const SiteConfig& config, const std::optional<std::vector<std::string>>& override,
                            std::string_view gemfile);

}  // namespace blogconv::readers
