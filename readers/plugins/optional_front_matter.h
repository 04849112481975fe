// jekyll-optional-front-matter (0.3): a Markdown file without front matter outside the special
// folders is a page too (Jekyll alone copies it as a static file).
//
// Not for the names the plugin refuses (README, LICENSE, LICENCE, COPYING, CODE_OF_CONDUCT,
// CONTRIBUTING, ISSUE_TEMPLATE, PULL_REQUEST_TEMPLATE, any case and extension) unless `include:`
// names the file. `optional_front_matter: {enabled: false}` or `require_front_matter: true`
// turns it off; `optional_front_matter: {remove_originals: true}` drops the static copy.
#pragma once

#include <string>

#include "readers/site_config.h"

namespace blogconv::readers {

struct HeaderlessFile {
    bool page = false;         // read it as a page
    bool keep_static = true;   // and still copy the file as it is
};

// What becomes of a file without front matter at `relative_path` (site-relative).
HeaderlessFile headerless_file(const SiteConfig& config, const std::string& relative_path);

}  // namespace blogconv::readers
