#include "writers/hugo/hugo_options.h"

namespace blogconv::writers {

const std::vector<OptionSpec<HugoOptions>>& hugo_option_table() {
    static const std::vector<OptionSpec<HugoOptions>> table = {
        front_matter_option<HugoOptions>(),
    };
    return table;
}

}  // namespace blogconv::writers
