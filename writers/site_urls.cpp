#include "writers/site_urls.h"

#include <cctype>

namespace blogconv::writers {

namespace {

int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool has_scheme(std::string_view u) {
    if (u.starts_with("//")) return true;
    std::size_t colon = u.find(':');
    if (colon == std::string_view::npos || colon == 0) return false;
    for (std::size_t i = 0; i < colon; ++i) {
        char c = u[i];
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.')) return false;
    }
    return std::isalpha(static_cast<unsigned char>(u[0])) != 0;
}

// Joins `base_dir` ('/'-separated, may be empty) and `rel`, resolving "." and "..". Returns false
// when ".." climbs above the root.
bool join_normalised(std::string_view base_dir, std::string_view rel, std::string& out) {
    std::vector<std::string> parts;
    auto push_path = [&](std::string_view p) {
        std::size_t start = 0;
        while (start <= p.size()) {
            std::size_t slash = p.find('/', start);
            std::string_view seg = p.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
            if (seg == "..") {
                if (parts.empty()) return false;
                parts.pop_back();
            } else if (!seg.empty() && seg != ".") {
                parts.emplace_back(seg);
            }
            if (slash == std::string_view::npos) break;
            start = slash + 1;
        }
        return true;
    };
    if (!push_path(base_dir) || !push_path(rel)) return false;
    out.clear();
    for (const auto& p : parts) {
        if (!out.empty()) out += '/';
        out += p;
    }
    return !out.empty();
}

std::string_view dir_of(std::string_view path) {
    std::size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}

}  // namespace

std::string percent_decode(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
            out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

SiteUrl resolve_site_url(std::string_view url, std::string_view document_url, std::string_view document_source,
                         std::string_view baseurl) {
    SiteUrl r;
    // Trim the white space authors leave around URLs.
    while (!url.empty() && std::isspace(static_cast<unsigned char>(url.front()))) url.remove_prefix(1);
    while (!url.empty() && std::isspace(static_cast<unsigned char>(url.back()))) url.remove_suffix(1);
    if (url.empty()) return r;
    if (url.starts_with("data:")) {
        r.kind = UrlKind::data;
        return r;
    }
    if (has_scheme(url)) {
        r.kind = UrlKind::remote;
        return r;
    }
    if (url.front() == '#') {
        r.kind = UrlKind::fragment;
        r.fragment = std::string(url.substr(1));
        return r;
    }
    std::size_t hash = url.find('#');
    if (hash != std::string_view::npos) {
        r.fragment = std::string(url.substr(hash + 1));
        url = url.substr(0, hash);
    }
    std::size_t query = url.find('?');
    if (query != std::string_view::npos) url = url.substr(0, query);
    std::string path = percent_decode(url);
    std::string joined;
    if (path.front() == '/') {
        std::string_view p = path;
        std::string_view base = baseurl;
        while (!base.empty() && base.back() == '/') base.remove_suffix(1);
        if (!base.empty() && p.starts_with(base) && (p.size() == base.size() || p[base.size()] == '/'))
            p.remove_prefix(base.size());
        if (!join_normalised("", p, joined)) {
            r.kind = UrlKind::outside_root;
            return r;
        }
        r.kind = UrlKind::site;
        r.candidates.push_back(joined);
        return r;
    }
    // Relative: against the page URL first (what a browser does), then the source file's folder.
    std::string page_dir = percent_decode(document_url);
    if (!page_dir.empty() && page_dir.back() != '/') page_dir = std::string(dir_of(page_dir));
    bool any_inside = false;
    if (join_normalised(page_dir, path, joined)) {
        r.candidates.push_back(joined);
        any_inside = true;
    }
    if (join_normalised(dir_of(document_source), path, joined)) {
        if (r.candidates.empty() || r.candidates.front() != joined) r.candidates.push_back(joined);
        any_inside = true;
    }
    r.kind = any_inside ? UrlKind::site : UrlKind::outside_root;
    return r;
}

}  // namespace blogconv::writers
