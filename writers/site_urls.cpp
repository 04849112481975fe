#include "writers/site_urls.h"

#include <algorithm>
#include <cctype>

namespace blogconv::writers {

namespace {

int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

// The folder part of a '/'-separated path ("a/b/c.md" -> "a/b", "/p/" -> "/p", "x" -> "").
std::string_view dir_of(std::string_view path) {
    std::size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}

// "scheme://host…" -> "host…"; "" when there is no "//".
std::string_view after_authority_mark(std::string_view u) {
    std::size_t p = u.find("//");
    return p == std::string_view::npos ? std::string_view() : u.substr(p + 2);
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

namespace {

// `s` with non-ASCII bytes, controls, space, `"`, `<`, `>` and the bytes of `also` as %XX.
std::string percent_encode(std::string_view s, std::string_view also) {
    static const char* digits = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (c >= 0x80 || c <= 0x20 || c == '"' || c == '<' || c == '>' || also.find(static_cast<char>(c)) != std::string_view::npos) {
            out += '%';
            out += digits[c >> 4];
            out += digits[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

}  // namespace

std::string percent_encode_path(std::string_view s) { return percent_encode(s, "%#?"); }

std::string percent_encode_url(std::string_view s) { return percent_encode(s, ""); }

bool has_scheme(std::string_view url) {
    if (url.empty() || !std::isalpha(static_cast<unsigned char>(url[0]))) return false;
    for (char c : url.substr(1)) {
        if (c == ':') return true;
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.')) return false;
    }
    return false;
}

bool is_remote(std::string_view url) { return url.starts_with("//") || has_scheme(url); }

std::optional<std::string> own_site_path(std::string_view url, std::string_view site_url) {
    while (!site_url.empty() && site_url.back() == '/') site_url.remove_suffix(1);
    if (!is_remote(url)) return std::nullopt;
    std::string_view site_host = after_authority_mark(site_url);
    std::string_view host = after_authority_mark(url);
    if (site_host.empty() || host.empty() || !host.starts_with(site_host)) return std::nullopt;
    std::string_view rest = host.substr(site_host.size());
    if (rest.empty()) return "/";
    if (rest.front() == '?' || rest.front() == '#') return "/" + std::string(rest);
    if (rest.front() != '/') return std::nullopt;  // "x.org.evil.com", "x.org:8080"
    return std::string(rest);
}

std::string_view strip_baseurl(std::string_view path, std::string_view baseurl) {
    // `baseurl: blog/` means "/blog", as Jekyll's relative_url makes it.
    while (!baseurl.empty() && baseurl.back() == '/') baseurl.remove_suffix(1);
    while (!baseurl.empty() && baseurl.front() == '/') baseurl.remove_prefix(1);
    if (baseurl.empty() || !path.starts_with('/') || !path.substr(1).starts_with(baseurl)) return path;
    std::string_view rest = path.substr(1 + baseurl.size());
    if (rest.empty()) return "/";
    if (rest.front() == '/') return rest;
    return path;  // "/blogx/…" is not under "/blog"
}

std::optional<std::string> join_site_path(std::string_view dir, std::string_view rel) {
    std::vector<std::string_view> parts;
    auto push = [&parts](std::string_view p) {
        while (true) {
            std::size_t slash = p.find('/');
            std::string_view seg = p.substr(0, slash);
            if (seg == "..") {
                if (parts.empty()) return false;
                parts.pop_back();
            } else if (!seg.empty() && seg != ".") {
                parts.push_back(seg);
            }
            if (slash == std::string_view::npos) return true;
            p.remove_prefix(slash + 1);
        }
    };
    if (!push(dir) || !push(rel)) return std::nullopt;
    std::string out;
    for (auto p : parts) {
        if (!out.empty()) out += '/';
        out += p;
    }
    return out;
}

SiteUrl resolve_site_url(std::string_view url, const UrlBase& base) {
    SiteUrl r;
    url = trimmed(url);
    if (url.empty()) return r;
    std::string own;  // keeps the path of an own-site absolute URL alive
    if (is_remote(url)) {
        if (url.starts_with("data:")) {
            r.kind = UrlKind::data;
            return r;
        }
        auto path = own_site_path(url, base.site_url);
        if (!path) {
            r.kind = UrlKind::remote;
            return r;
        }
        own = std::move(*path);
        url = own;
    }
    if (std::size_t hash = url.find('#'); hash != std::string_view::npos) {
        r.fragment = std::string(url.substr(hash + 1));
        url = url.substr(0, hash);
    }
    if (std::size_t q = url.find('?'); q != std::string_view::npos) {
        r.query = std::string(url.substr(q + 1));
        url = url.substr(0, q);
    }
    if (url.empty()) {
        r.kind = UrlKind::fragment;
        return r;
    }
    const std::string path = percent_decode(url);
    auto add = [&r](const std::optional<std::string>& candidate) {
        if (!candidate || candidate->empty()) return;
        if (std::find(r.candidates.begin(), r.candidates.end(), *candidate) == r.candidates.end())
            r.candidates.push_back(*candidate);
    };
    bool inside = false;  // some reading of the path stays in the site (even if it names the root)
    auto join = [&inside](std::string_view dir, std::string_view rel) {
        auto joined = join_site_path(dir, rel);
        inside = inside || joined.has_value();
        return joined;
    };
    if (path.front() == '/') {
        add(join("", strip_baseurl(path, base.baseurl)));
    } else {
        add(join(dir_of(base.source_path), path));
        // A permalink ending in '/' is a folder; otherwise its last segment is the page's file.
        add(join(dir_of(percent_decode(base.permalink)), path));
        add(join("", path));
    }
    r.kind = inside ? UrlKind::site : UrlKind::outside_root;
    return r;
}

std::optional<std::string> browser_site_path(std::string_view url, const UrlBase& base) {
    url = trimmed(url);
    url = url.substr(0, std::min(url.find_first_of("?#"), url.size()));
    std::string own;
    if (is_remote(url)) {
        auto path = own_site_path(url, base.site_url);
        if (!path) return std::nullopt;
        own = std::move(*path);
        url = own;
    }
    if (url.empty()) return std::nullopt;
    if (url.front() == '/') return join_site_path("", percent_decode(strip_baseurl(url, base.baseurl)));
    return join_site_path(dir_of(percent_decode(base.permalink)), percent_decode(url));
}

std::string served_url(const std::string& site_path, const SiteUrl& url, std::string_view site_url,
                       std::string_view baseurl) {
    while (!site_url.empty() && site_url.back() == '/') site_url.remove_suffix(1);
    while (!baseurl.empty() && baseurl.back() == '/') baseurl.remove_suffix(1);
    while (!baseurl.empty() && baseurl.front() == '/') baseurl.remove_prefix(1);
    std::string out = std::string(site_url) + (baseurl.empty() ? "" : "/" + std::string(baseurl)) + "/" +
                      percent_encode_path(site_path);
    if (!url.query.empty()) out += "?" + url.query;
    if (!url.fragment.empty()) out += "#" + url.fragment;
    return out;
}

std::optional<std::string> relocated_url(std::string_view url, const UrlBase& base,
                                         const std::function<bool(const std::string&)>& exists,
                                         std::string_view site_url) {
    const SiteUrl r = resolve_site_url(url, base);
    if (r.kind != UrlKind::site) return std::nullopt;
    auto found = first_existing(r, exists);
    if (!found || browser_site_path(url, base) == found) return std::nullopt;
    return served_url(*found, r, site_url, base.baseurl);
}

UrlBase url_base(const ir::Document& document, const ir::Site& site) {
    return {document.source_path, document.url, site.url, site.baseurl};
}

std::optional<std::string> first_existing(const SiteUrl& url, const std::function<bool(const std::string&)>& exists) {
    for (const auto& c : url.candidates)
        if (exists(c)) return c;
    return std::nullopt;
}

bool is_static_file(const ir::Site& site, const std::string& site_path) {
    // static_files is sorted by path.
    auto it = std::lower_bound(site.static_files.begin(), site.static_files.end(), site_path,
                               [](const ir::StaticFile& f, const std::string& p) { return f.source_path < p; });
    return it != site.static_files.end() && it->source_path == site_path;
}

}  // namespace blogconv::writers
