#include "readers/plugins/relative_links.h"

#include <cctype>
#include <vector>

#include "ir/walk.h"
#include "readers/plugins/plugin_urls.h"

namespace blogconv::readers {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// CGI.unescape: `+` is a space, `%XX` a byte; a `%` without two hex digits stays.
std::string cgi_unescape(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') {
            out += ' ';
        } else if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}


}  // namespace

bool relative_links_apply(const ir::Value& site_config, bool is_page, bool markdown_source) {
    if (!markdown_source) return false;
    const ir::Value* settings = site_config.find("relative_links");
    const ir::Value* enabled = settings && settings->is_object() ? settings->find("enabled") : nullptr;
    if (enabled && enabled->is_bool() && !enabled->as_bool()) return false;
    if (is_page) return true;
    const ir::Value* collections = settings && settings->is_object() ? settings->find("collections") : nullptr;
    return collections && collections->is_bool() && collections->as_bool();
}

std::optional<std::string> link_source_path(std::string_view url_path, const std::string& folder) {
    std::string path = cgi_unescape(url_path);
    std::vector<std::string> parts;
    auto push_segments = [&](std::string_view p) {
        std::size_t from = 0;
        while (from <= p.size()) {
            std::size_t slash = p.find('/', from);
            std::string_view seg = p.substr(from, slash == std::string_view::npos ? std::string_view::npos : slash - from);
            if (seg == "..") {
                if (parts.empty()) return false;
                parts.pop_back();
            } else if (!seg.empty() && seg != ".") {
                parts.emplace_back(seg);
            }
            if (slash == std::string_view::npos) break;
            from = slash + 1;
        }
        return true;
    };
    if (!path.starts_with('/') && !push_segments(folder)) return std::nullopt;
    if (!push_segments(path)) return std::nullopt;
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

void resolve_relative_links(ir::Blocks& body, const std::string& folder, const LinkResolver& links) {
    ir::for_each_inline(body, [&](ir::Inline& in) {
        ir::Link* link = ir::get_if<ir::Link>(in);
        if (!link || link->url.empty() || link->url.starts_with('#') || has_scheme(link->url)) return;
        // The plugin's pattern takes the path up to the first `#` that has text after it.
        std::size_t hash = link->url.find('#');
        if (hash != std::string::npos && hash + 1 == link->url.size()) hash = std::string::npos;
        std::string_view path = std::string_view(link->url).substr(0, hash);
        std::optional<std::string> source = link_source_path(path, folder);
        if (!source) return;
        std::optional<LinkTarget> target = links.link(*source);
        if (!target) return;
        std::string fragment = hash == std::string::npos ? std::string() : link->url.substr(hash);
        link->url = target->url + fragment;
        link->target_document = target->source_path;
    });
}

}  // namespace blogconv::readers
