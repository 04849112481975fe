#include "cli/split_feeds.h"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>
#include <string>

namespace blogconv::cli {

namespace {

// A file-name slug: ASCII letters and digits lowercased, other ASCII turned into single dashes,
// non-ASCII (UTF-8) kept, so that tags in any script keep a readable name.
std::string file_slug(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
        if (c >= 0x80) out += static_cast<char>(c);
        else if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += static_cast<char>(c);
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "untitled" : out;
}

}  // namespace

void write_split_feeds(const ir::Site& site, const writers::WriterInfo& writer, const writers::WriterOptions& options,
                       bool by_tag, writers::Sink& out, ir::Diagnostics& diagnostics,
                       const std::vector<std::string>& only) {
    // Caught by the CLI before: --per-tag is refused for a writer that is not a feed.
    if (!writer.narrow_feed) throw std::invalid_argument("--to " + writer.name + " writes no feed to split");
    // Distinct names in first-seen order over the posts as sorted, so the output is stable.
    std::vector<std::string> names;
    std::set<std::string> seen;
    for (const auto& d : site.documents) {
        if (!d.is_post()) continue;
        for (const auto& n : by_tag ? d.tags : d.categories)
            if (seen.insert(n).second) names.push_back(n);
    }
    std::sort(names.begin(), names.end());
    if (!only.empty() && !(only.size() == 1 && only[0] == "*"))
        std::erase_if(names, [&](const std::string& n) { return std::find(only.begin(), only.end(), n) == only.end(); });
    std::set<std::string> used;
    for (const auto& name : names) {
        std::string slug = file_slug(name);
        std::string unique = slug;
        for (int k = 2; !used.insert(unique).second; ++k) unique = slug + "-" + std::to_string(k);
        writers::WriterOptions o = options;
        // Narrowed by the feed's own row: the CLI never names a writer's options struct.
        writer.narrow_feed(o.format,
                           {.by_tag = by_tag,
                            .name = name,
                            .path = (by_tag ? "/feed/by_tag/" : "/feed/") + unique + writer.extension,
                            .site_title = site.title});
        writers::MemorySink one;
        writer.write(site, o, one, diagnostics);
        for (const auto& [path, bytes] : one.files)
            if (path.empty()) out.write(unique + writer.extension, bytes);
    }
}

std::vector<std::string> configured_split_feeds(const ir::Site& site, bool by_tag) {
    return by_tag ? site.feed.tag_feeds : site.feed.category_feeds;
}

}  // namespace blogconv::cli
