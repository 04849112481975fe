#include "readers/plugins/redirect_from.h"

#include "readers/plugins/plugin_urls.h"

namespace blogconv::readers {

namespace {

// RedirectPage#set_paths: every path gets a leading slash (Jekyll's ensure_leading_slash).
std::string with_leading_slash(std::string path) { return path.starts_with('/') ? path : "/" + path; }

// Redirectable's reading: a list loses its nulls, a scalar is one entry; `false` (falsy in Ruby)
// is none.
std::vector<std::string> entries(const ir::Value* v) {
    std::vector<std::string> out;
    if (!v) return out;
    auto add = [&](const ir::Value& e) {
        if (e.is_null() || (e.is_bool() && !e.as_bool()) || e.is_array() || e.is_object()) return;
        out.push_back(e.to_text());
    };
    if (v->is_array())
        for (const auto& e : v->as_array()) add(e);
    else
        add(*v);
    return out;
}

}  // namespace

void read_redirects(ir::Document& doc) {
    for (std::string& from : entries(doc.front_matter.find("redirect_from")))
        doc.redirect_from.push_back(with_leading_slash(std::move(from)));
    std::vector<std::string> to = entries(doc.front_matter.find("redirect_to"));
    // A target with a scheme is kept; any other goes through Jekyll's absolute_url, which here
    // (URLs in the IR carry neither the site's url nor its baseurl) only adds the leading slash.
    if (!to.empty()) doc.redirect_to = has_scheme(to.front()) ? to.front() : with_leading_slash(to.front());
}

ir::Blocks redirect_page_body(const std::string& target) {
    ir::Inlines text{ir::Text{"Click here if you are not redirected."}};
    return {ir::Block(ir::Heading{1, {ir::Text{"Redirecting\u2026"}}, {}}),
            ir::Block(ir::Paragraph{{ir::Link{target, "", std::move(text), {}, ""}}, {}})};
}

}  // namespace blogconv::readers
