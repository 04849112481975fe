#include "writers/markdown/markdown_options.h"

namespace blogconv::writers {

const std::vector<OptionSpec<MarkdownOptions>>& markdown_option_table() {
    static const std::vector<OptionSpec<MarkdownOptions>> table = {
        front_matter_option<MarkdownOptions>(),
    };
    return table;
}

}  // namespace blogconv::writers
