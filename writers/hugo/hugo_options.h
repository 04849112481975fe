// Options of the Jekyll -> Hugo migration writer (`--to hugo`). Every default is here.
#pragma once

#include <vector>

#include "writers/front_matter/format.h"
#include "writers/option_spec.h"

#include <string>

namespace blogconv::writers {

struct HugoOptions {
    // Front matter format: TOML (`+++`, Hugo's own default), YAML (`---`) or JSON (`{…}`).
    FrontMatterFormat front_matter = FrontMatterFormat::toml;
    // The content section posts go to: `content/<posts_section>/…`.
    std::string posts_section = "posts";
    // Write a post with images of its own as a page bundle (`slug/index.md` with the images beside
    // it). Off: every post is a plain file and images stay in static/ only.
    bool page_bundles = true;
    // Write MIGRATION.md (counts and everything that needs a human) at the output root.
    bool migration_report = true;
    // Used for `languageCode` when the site has no `lang`; "" leaves it out.
    std::string default_language_code = "";
    // Threads that render the documents (0 = one per core). The files are the same for any count.
    unsigned jobs = 0;
};

// The Hugo writer's command-line options (writers/option_spec.h).
const std::vector<OptionSpec<HugoOptions>>& hugo_option_table();

}  // namespace blogconv::writers
