#include "writers/standalone/standalone_options.h"

namespace blogconv::writers {

const std::vector<OptionSpec<StandaloneOptions>>& standalone_option_table() {
    static const std::vector<OptionSpec<StandaloneOptions>> table = [] {
        std::vector<OptionSpec<StandaloneOptions>> t = book_options<StandaloneOptions>();
        t.push_back({"single", OptionKind::text, "HTML: one post alone (its source path or slug)", {},
                     [](StandaloneOptions& o, const std::string& v) { o.single = v; }});
        t.push_back({"template", OptionKind::file, "HTML: your own page template (docs/html-template.md)", {},
                     [](StandaloneOptions& o, const std::string& v) { o.template_text = v; }});
        t.push_back({"theme", OptionKind::choice, "HTML colours: auto (follows the system), light or dark",
                     {"auto", "light", "dark"}, [](StandaloneOptions& o, const std::string& v) {
                         o.theme = v == "light"  ? StandaloneTheme::light
                                   : v == "dark" ? StandaloneTheme::dark
                                                 : StandaloneTheme::automatic;
                     }});
        return t;
    }();
    return table;
}

}  // namespace blogconv::writers
