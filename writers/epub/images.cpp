#include "writers/epub/images.h"

#include <cctype>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace blogconv::writers::epub {

namespace fs = std::filesystem;

namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// "https:", "mailto:" — a scheme is letters, digits, + - . before the first ':' and any '/'.
bool has_scheme(std::string_view url) {
    if (url.empty() || !std::isalpha(static_cast<unsigned char>(url[0]))) return false;
    for (char c : url) {
        if (c == ':') return true;
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.')) return false;
    }
    return false;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string percent_decode(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size()) {
            int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out += static_cast<char>(hi * 16 + lo);
                i += 2;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

std::string trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return std::string(s);
}

// The URL without its scheme and host when it is on `site_url` ("https://x.org/a.png" -> "/a.png"),
// also for the scheme-relative and other-scheme forms of the same host; "" when it is not.
std::string own_site_path(std::string_view url, std::string_view site_url) {
    auto host_part = [](std::string_view u) {
        auto p = u.find("//");
        return p == std::string_view::npos ? std::string_view{} : u.substr(p + 2);
    };
    std::string_view site_host = host_part(site_url);
    std::string_view host = host_part(url);
    if (site_host.empty() || host.empty() || !starts_with(host, site_host)) return "";
    std::string_view rest = host.substr(site_host.size());
    if (rest.empty()) return "/";
    if (rest.front() != '/') return "";  // "x.org.evil.com"
    return std::string(rest);
}

std::string extension_for(const std::string& media_type) {
    if (media_type == "image/png") return ".png";
    if (media_type == "image/jpeg") return ".jpg";
    if (media_type == "image/gif") return ".gif";
    if (media_type == "image/svg+xml") return ".svg";
    return ".bin";
}

}  // namespace

std::string sniff_media_type(std::string_view b) {
    if (starts_with(b, "\x89PNG\r\n\x1a\n")) return "image/png";
    if (starts_with(b, "\xff\xd8\xff")) return "image/jpeg";
    if (starts_with(b, "GIF87a") || starts_with(b, "GIF89a")) return "image/gif";
    if (b.size() >= 12 && starts_with(b, "RIFF") && b.substr(8, 4) == "WEBP") return "image/webp";
    // SVG is text: an <svg element near the start, after an optional BOM, XML declaration,
    // comments or doctype.
    std::string_view head = b.substr(0, 4096);
    if (starts_with(head, "\xef\xbb\xbf")) head.remove_prefix(3);
    std::size_t i = 0;
    while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
    if (i < head.size() && head[i] == '<' && head.find("<svg") != std::string_view::npos) return "image/svg+xml";
    return "";
}

ImageStore::ImageStore(const ResourceReader* reader, std::string site_url, std::string baseurl, EmbedBudget* budget)
    : reader_(reader), budget_(budget), site_url_(std::move(site_url)), baseurl_(std::move(baseurl)) {
    while (!baseurl_.empty() && baseurl_.back() == '/') baseurl_.pop_back();
}

namespace {

// `p` made relative to the site root without touching the disk: "" when `..` climbs out of it.
std::string site_relative(const fs::path& p) {
    fs::path n = p.lexically_normal();
    if (n.empty() || n == ".") return "";
    auto first = *n.begin();
    if (first == ".." || n.is_absolute()) return "";
    return n.generic_string();
}

bool leaves_root(const std::string& error) { return error.find("leaves") != std::string::npos; }

}  // namespace

ImageLookup ImageStore::resolve(const std::string& raw_url, const std::string& source_path,
                                const std::string& permalink) {
    ImageLookup r;
    std::string url = trim(raw_url);
    if (url.empty()) {
        r.message = "an image without a URL";
        return r;
    }
    if (starts_with(url, "data:")) {
        r.kind = ImageLookup::Kind::data;
        r.message = "a data: URL image cannot be declared in the book's manifest; shown as its alt text";
        return r;
    }
    if (has_scheme(url) || starts_with(url, "//")) {
        std::string own = site_url_.empty() ? "" : own_site_path(url, site_url_);
        if (own.empty()) {
            r.kind = ImageLookup::Kind::remote;
            r.message = "remote image " + url + " is not embedded (a book should not fetch from the web); shown as a link";
            return r;
        }
        url = own;
    }
    if (auto q = url.find_first_of("?#"); q != std::string::npos) url.erase(q);
    std::string path = percent_decode(url);
    if (!reader_) {
        r.message = "image " + raw_url + " not found: there is no site folder to read it from; shown as its alt text";
        return r;
    }

    std::vector<fs::path> candidates;
    if (!path.empty() && path.front() == '/') {
        // `{{ site.baseurl }}/assets/x.png` reaches us with the baseurl in front.
        if (!baseurl_.empty() && (path == baseurl_ || starts_with(path, baseurl_ + "/")))
            path.erase(0, baseurl_.size());
        candidates.push_back(fs::path(path).relative_path());
    } else {
        // Authors write paths relative to the post's file; a browser resolves them against the
        // permalink. Accept either, the source folder first.
        candidates.push_back(fs::path(source_path).parent_path() / path);
        std::size_t slash = permalink.rfind('/');
        std::string dir = slash == std::string::npos ? "" : permalink.substr(0, slash + 1);
        candidates.push_back(fs::path(percent_decode(dir)).relative_path() / path);
    }
    bool escaped = false;
    std::string error;
    for (const auto& c : candidates) {
        std::string site_path = site_relative(c);
        if (site_path.empty()) {
            escaped = true;
            continue;
        }
        if (auto it = by_path_.find(site_path); it != by_path_.end()) return it->second;
        std::string why;
        std::optional<std::string> bytes = reader_->read(site_path, why);
        if (bytes) return embed(site_path, std::move(*bytes), fs::path(site_path).filename().string(), "");
        if (leaves_root(why)) escaped = true;
        if (error.empty()) error = site_path + ": " + why;
    }
    if (escaped) {
        r.kind = ImageLookup::Kind::refused;
        r.message = "image " + raw_url + " lies outside the site folder; refusing to embed it";
    } else {
        r.message = "image " + raw_url + " not found (" + error + "); shown as its alt text";
    }
    return r;
}

ImageLookup ImageStore::add_file(const fs::path& file, const std::string& properties) {
    ImageLookup r;
    std::ifstream in(file, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    if (!in) {
        r.message = "cannot read image " + file.string();
        return r;
    }
    return embed("file:" + file.string(), ss.str(), file.filename().string(), properties);
}

ImageLookup ImageStore::add_site_file(const std::string& site_path_in, const std::string& properties) {
    ImageLookup r;
    std::string site_path = site_relative(site_path_in);
    std::string why = "the path leaves the site root";
    std::optional<std::string> bytes;
    if (!site_path.empty() && reader_) bytes = reader_->read(site_path, why);
    if (!reader_) why = "there is no site folder to read it from";
    if (!bytes) {
        r.kind = leaves_root(why) ? ImageLookup::Kind::refused : ImageLookup::Kind::missing;
        r.message = "image " + site_path_in + ": " + why;
        return r;
    }
    return embed(site_path, std::move(*bytes), fs::path(site_path).filename().string(), properties);
}

ImageLookup ImageStore::embed(const std::string& key, std::string bytes, const std::string& name,
                              const std::string& properties) {
    if (auto it = by_path_.find(key); it != by_path_.end()) {
        if (!properties.empty())
            for (auto& res : resources_)
                if (res.href == it->second.href) res.properties = properties;
        return it->second;
    }
    ImageLookup r;
    std::string type = sniff_media_type(bytes);
    if (type.empty() || type == "image/webp") {
        r.kind = ImageLookup::Kind::unsupported;
        r.message = name +
                    (type.empty() ? " is not a PNG, JPEG, GIF or SVG image"
                                  : " is a WebP image, which EPUB 3.2 reading systems need not show; convert it to PNG or JPEG") +
                    "; shown as its alt text";
        by_path_.emplace(key, r);
        return r;
    }
    if (budget_ && !budget_->charge(bytes.size())) {
        r.kind = ImageLookup::Kind::over_budget;
        r.message = name + " is past --max-embedded-bytes; shown as its alt text";
        by_path_.emplace(key, r);
        return r;
    }
    char id[48];
    std::snprintf(id, sizeof id, "i%04zu", resources_.size() + 1);
    Resource res;
    res.id = std::string("img-") + id;
    res.href = properties == "cover-image" ? "images/cover" + extension_for(type) : "images/" + std::string(id) + extension_for(type);
    res.media_type = type;
    res.properties = properties;
    res.bytes = std::move(bytes);
    r.kind = ImageLookup::Kind::embedded;
    r.href = res.href;
    resources_.push_back(std::move(res));
    by_path_.emplace(key, r);
    return r;
}

}  // namespace blogconv::writers::epub
