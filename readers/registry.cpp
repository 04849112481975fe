#include "readers/registry.h"

#include "readers/jekyll_site.h"

namespace blogconv::readers {

const std::vector<ReaderInfo>& all_readers() {
    static const std::vector<ReaderInfo> table = {
        {"jekyll", {}, "a Jekyll site (_config.yml, _posts/, collections, pages), a folder of posts, or post files",
         read_jekyll_site},
    };
    return table;
}

const ReaderInfo* find_reader(std::string_view name) {
    for (const auto& r : all_readers()) {
        if (r.name == name) return &r;
        for (const auto& a : r.aliases)
            if (a == name) return &r;
    }
    return nullptr;
}

}  // namespace blogconv::readers
