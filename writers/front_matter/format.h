// Which front matter a writer of Markdown files writes (Hugo, portable Markdown): the format and
// its `--front-matter` option. front_matter/serialize.h writes it.
#pragma once

#include <string>

#include "writers/option_spec.h"

namespace blogconv::writers {

enum class FrontMatterFormat { toml, yaml, json };

// `--front-matter toml|yaml|json`, for any options struct with a `front_matter` field.
template <class O>
OptionSpec<O> front_matter_option() {
    return {"front-matter", OptionKind::choice,
            "Front matter format: toml, yaml or json (default: toml for hugo, yaml for markdown)",
            {"toml", "yaml", "json"}, [](O& o, const std::string& v) {
                o.front_matter = v == "yaml" ? FrontMatterFormat::yaml
                                 : v == "json" ? FrontMatterFormat::json
                                               : FrontMatterFormat::toml;
            }};
}

}  // namespace blogconv::writers
