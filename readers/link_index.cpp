#include "readers/link_index.h"

#include <regex>

namespace blogconv::readers {

namespace {

std::string regex_escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (std::string_view(".^$|()[]{}*+?\\/").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
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
    static const std::regex matcher(R"(^((?:.+/)*)(\d+-\d+-\d+)-(.*)$)");
    std::smatch m;
    if (!std::regex_match(name, m, matcher)) return std::nullopt;
    const std::string path = m[1], date = m[2], slug = m[3];
    // Jekyll's PostComparer: `_posts/<path><date>-<slug>.<ext>` or `<path>_posts/<date>-<slug>.<ext>`.
    std::string base = regex_escape(date) + "-" + regex_escape(slug) + R"(\.[^.]+)";
    std::regex name_re("^_posts/" + regex_escape(path) + base + "|^" + regex_escape(path) + "_posts/?" + base);
    for (const auto& e : entries_)
        if (e.collection == "posts" && std::regex_search(e.relative_path, name_re)) return target(e);
    // Jekyll's deprecated fallback: the same date and slug anywhere under _posts.
    for (const auto& e : entries_)
        if (e.collection == "posts" && basename_without_ext(e.relative_path) == date + "-" + slug) return target(e);
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
