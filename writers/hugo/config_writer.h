// hugo.toml from the Jekyll site's _config.yml and the URL plan the writer computed.
#pragma once

#include <map>
#include <string>

#include "ir/site.h"
#include "writers/hugo/hugo_options.h"
#include "writers/hugo/migration_report.h"

namespace blogconv::writers::hugo {

// Decisions the writer made while placing content, which the configuration must agree with.
struct ConfigPlan {
    // Section name -> Hugo permalink pattern (":year/:month/:day/:slug", …); sections without an
    // entry keep Hugo's default URLs.
    std::map<std::string, std::string> permalinks;
    // Jekyll's URLs end in `.html`: Hugo's uglyURLs writes `name.html` instead of `name/index.html`.
    bool ugly_urls = false;
    // Some block carried `{.class}` attributes: Goldmark's block attribute parser must be on.
    bool block_attributes = false;
};

// The text of hugo.toml. Config keys Hugo has no place for go to [params]; plugins are mapped to
// Hugo's built-in equivalents or reported.
std::string write_hugo_config(const ir::Site& site, const HugoOptions& options, const ConfigPlan& plan,
                              MigrationReport& report);

}  // namespace blogconv::writers::hugo
