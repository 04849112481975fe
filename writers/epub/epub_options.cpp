#include "writers/epub/epub_options.h"

namespace blogconv::writers {

const std::vector<OptionSpec<EpubOptions>>& epub_option_table() {
    static const std::vector<OptionSpec<EpubOptions>> table = [] {
        std::vector<OptionSpec<EpubOptions>> t = book_options<EpubOptions>();
        t.push_back({"cover", OptionKind::path, "EPUB cover image (PNG, JPEG, GIF or SVG)", {},
                     [](EpubOptions& o, const std::string& v) { o.cover_image = v; }});
        t.push_back({"order", OptionKind::choice, "EPUB chapter order: oldest (default) or newest", {"oldest", "newest"},
                     [](EpubOptions& o, const std::string& v) {
                         o.order = v == "newest" ? EpubOrder::newest : EpubOrder::oldest;
                     }});
        t.push_back({"toc-depth", OptionKind::number,
                     "EPUB table of contents depth: 1 = posts, 2 = also their headings (at most 6)", {},
                     [](EpubOptions& o, const std::string& v) {
                         auto n = parse_count(v, 6);
                         if (n < 1) throw OptionError("at least 1");
                         o.toc_depth = static_cast<int>(n);
                     }});
        t.push_back({"id", OptionKind::text, "EPUB dc:identifier (default: a UUID derived from the site)", {},
                     [](EpubOptions& o, const std::string& v) { o.identifier = v; }});
        return t;
    }();
    return table;
}

}  // namespace blogconv::writers
