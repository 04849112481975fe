// The concrete LinkResolver: every document's relative path and URL, looked up the way Jekyll's
// `{% post_url %}` (PostComparer) and `{% link %}` tags look them up.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "readers/link_resolver.h"

namespace blogconv::readers {

class LinkIndex final : public LinkResolver {
public:
    // `baseurl` is prefixed to every URL, as Jekyll's relative_url filter does ("" or "/blog").
    explicit LinkIndex(std::string baseurl = "");

    // One document. `relative_path` is Jekyll's (relative to collections_dir: "_posts/x.md",
    // "cat/_posts/x.md"); `url` is its permalink without baseurl.
    void add(std::string relative_path, std::string url, std::string collection, std::string source_path);

    std::optional<LinkTarget> post_url(std::string_view name) const override;
    std::optional<LinkTarget> link(std::string_view path) const override;

private:
    struct Entry {
        std::string relative_path;
        std::string url;
        std::string collection;
        std::string source_path;
    };
    LinkTarget target(const Entry& e) const;
    std::string baseurl_;
    std::vector<Entry> entries_;
};

}  // namespace blogconv::readers
