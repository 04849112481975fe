#include "writers/hugo/hugo_options.h"

namespace blogconv::writers {

const std::vector<OptionSpec<HugoOptions>>& hugo_option_table() {
    static const std::vector<OptionSpec<HugoOptions>> table = {
        {"front-matter", OptionKind::choice, "Hugo front matter format: toml (default), yaml or json",
         {"toml", "yaml", "json"}, [](HugoOptions& o, const std::string& v) {
             o.front_matter = v == "yaml" ? FrontMatterFormat::yaml
                              : v == "json" ? FrontMatterFormat::json
                                            : FrontMatterFormat::toml;
         }},
    };
    return table;
}

}  // namespace blogconv::writers
