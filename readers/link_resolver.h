// How Liquid's `{% post_url %}` and `{% link %}` find their target document.
//
// The site reader computes every document's URL first, then renders bodies; this is the
// read-only index it hands to the body pipeline in between.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace blogconv::readers {

struct LinkTarget {
    std::string url;          // the target's URL as Jekyll's tag prints it (baseurl included)
    std::string source_path;  // the target document's ir::Document::source_path
};

class LinkResolver {
public:
    virtual ~LinkResolver() = default;
    // `{% post_url 2010-07-21-name %}` or `{% post_url sub/2010-07-21-name %}`.
    virtual std::optional<LinkTarget> post_url(std::string_view name) const = 0;
    // `{% link _posts/2016-07-26-name.md %}`: a path relative to the site root.
    virtual std::optional<LinkTarget> link(std::string_view path) const = 0;
};

}  // namespace blogconv::readers
