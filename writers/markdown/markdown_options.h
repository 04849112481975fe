// Options of the portable Markdown writer (`--to markdown`). Every default is here.
#pragma once

#include <vector>

#include "writers/front_matter/format.h"
#include "writers/option_spec.h"

namespace blogconv::writers {

struct MarkdownOptions {
    // Front matter format: YAML (`---`, what Eleventy, Astro and most tools read first), TOML
    // (`+++`, Zola's) or JSON.
    FrontMatterFormat front_matter = FrontMatterFormat::yaml;
};

// The Markdown writer's command-line options (writers/option_spec.h).
const std::vector<OptionSpec<MarkdownOptions>>& markdown_option_table();

}  // namespace blogconv::writers
