#include "readers/link_index.h"

#include <array>

namespace blogconv::readers {

namespace {

// The length of the `\d+-\d+-\d+` date that `s` starts with when a '-' follows it, or npos.
std::size_t date_length(std::string_view s) {
    std::size_t i = 0;
    for (int part = 0; part < 3; ++part) {
        std::size_t start = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
        if (i == start || i >= s.size() || s[i] != '-') return std::string_view::npos;
        ++i;
    }
    return i - 1;
}

struct PostName {
    std::string path, date, slug;
};

// Jekyll's /^((?:.+\/)*)(\d+-\d+-\d+)-(.*)$/ for a post_url argument, as a scan: the path is the
// longest prefix ending in '/' (at least one character before that '/') that leaves a date,
// else empty. The pattern's `.` matches no line break, so a name holding one has no match.
std::optional<PostName> split_post_name(std::string_view name) {
    if (name.find_first_of("\n\r") != std::string_view::npos) return std::nullopt;
    auto split_at = [&](std::size_t p) -> std::optional<PostName> {
        std::size_t len = date_length(name.substr(p));
        if (len == std::string_view::npos) return std::nullopt;
        return PostName{std::string(name.substr(0, p)), std::string(name.substr(p, len)),
                        std::string(name.substr(p + len + 1))};
    };
    for (std::size_t i = name.size(); i-- > 1;)
        if (name[i] == '/')
            if (auto n = split_at(i + 1)) return n;
    return split_at(0);
}

// Whether `relative_path` starts with `stem` and then `\.[^.]+` (an extension, and anything after:
// Jekyll's PostComparer searches, it does not match the whole path).
bool starts_with_stem(std::string_view relative_path, std::string_view stem) {
    return relative_path.size() >= stem.size() + 2 && relative_path.starts_with(stem) &&
           relative_path[stem.size()] == '.' && relative_path[stem.size() + 1] != '.';
}

std::string basename_without_ext(std::string_view p) {
    std::size_t slash = p.rfind('/');
    std::string_view b = slash == std::string_view::npos ? p : p.substr(slash + 1);
    std::size_t dot = b.rfind('.');
    if (dot != std::string_view::npos && dot > 0) b = b.substr(0, dot);
    return std::string(b);
}

}  // namespace

LinkIndex::LinkIndex(std::string baseurl) : baseurl_(std::move(baseurl)) {
    while (!baseurl_.empty() && baseurl_.back() == '/') baseurl_.pop_back();
}

void LinkIndex::add(std::string relative_path, std::string url, std::string collection, std::string source_path) {
    entries_.push_back({std::move(relative_path), std::move(url), std::move(collection), std::move(source_path)});
}

LinkTarget LinkIndex::target(const Entry& e) const { return {baseurl_ + e.url, e.source_path}; }

std::optional<LinkTarget> LinkIndex::post_url(std::string_view raw) const {
    std::string name(raw);
    while (!name.empty() && (name.back() == ' ' || name.back() == '\n' || name.back() == '\t')) name.pop_back();
    while (!name.empty() && (name.front() == ' ' || name.front() == '\n' || name.front() == '\t')) name.erase(0, 1);
    if (!name.empty() && name.front() == '/') name.erase(0, 1);
    std::optional<PostName> split = split_post_name(name);
    if (!split) return std::nullopt;
    const std::string& path = split->path;
    // Jekyll's PostComparer: `_posts/<path><date>-<slug>.<ext>` or `<path>_posts/<date>-<slug>.<ext>`
    // (the slash after `_posts` optional). Compared as text: the name is data, never a pattern.
    const std::string dated = split->date + "-" + split->slug;
    const std::array<std::string, 3> stems{"_posts/" + path + dated, path + "_posts/" + dated,
                                           path + "_posts" + dated};
    for (const auto& e : entries_) {
        if (e.collection != "posts") continue;
        for (const auto& stem : stems)
            if (starts_with_stem(e.relative_path, stem)) return target(e);
    }
    // Jekyll's deprecated fallback: the same date and slug anywhere under _posts.
    for (const auto& e : entries_)
        if (e.collection == "posts" && basename_without_ext(e.relative_path) == dated) return target(e);
    return std::nullopt;
}

std::optional<LinkTarget> LinkIndex::link(std::string_view raw) const {
    std::string path(raw);
    while (!path.empty() && (path.back() == ' ' || path.back() == '\n' || path.back() == '\t')) path.pop_back();
    while (!path.empty() && (path.front() == ' ' || path.front() == '\n' || path.front() == '\t')) path.erase(0, 1);
    for (const auto& e : entries_)
        if (e.relative_path == path || "/" + e.relative_path == path || e.source_path == path) return target(e);
    return std::nullopt;
}

}  // namespace blogconv::readers
