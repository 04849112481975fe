#include "readers/site_paths.h"

#include <algorithm>
#include <cctype>

namespace blogconv::readers {

namespace {

const std::vector<std::string> kDocumentExtensions = {".md", ".markdown", ".mkd", ".mkdn", ".mdown", ".html"};

}  // namespace

std::string join_rel(const std::string& a, const std::string& b) { return a.empty() ? b : a + "/" + b; }

std::string display_join(const std::string& root, const std::string& rel) {
    if (root.empty() || root == ".") return rel;
    return root.back() == '/' ? root + rel : root + "/" + rel;
}

std::string path_in_root(const std::filesystem::path& file, const std::filesystem::path& root) {
    if (root.empty()) return file.string();
    return file.lexically_relative(root).generic_string();
}

std::string ascii_lower(std::string text) {
    for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

bool has_document_extension(const std::filesystem::path& file) {
    std::string ext = ascii_lower(file.extension().string());
    return std::find(kDocumentExtensions.begin(), kDocumentExtensions.end(), ext) != kDocumentExtensions.end();
}

bool filtered_entry(const std::string& entry) {
    auto special = [](const std::string& s) {
        return !s.empty() && std::string_view("._#~").find(s[0]) != std::string_view::npos;
    };
    std::string base = entry.substr(entry.rfind('/') == std::string::npos ? 0 : entry.rfind('/') + 1);
    return special(entry) || special(base) || entry.ends_with("~") || entry.ends_with(".");
}

bool filtered_path(const std::string& rel) {
    std::size_t start = 0;
    while (start < rel.size()) {
        std::size_t slash = rel.find('/', start);
        std::string seg = rel.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (filtered_entry(seg)) return true;
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return false;
}

bool default_excluded(const std::string& rel) {
    static const char* const defaults[] = {"node_modules", "vendor/bundle", "vendor/cache", "vendor/gems",
                                           "vendor/ruby",  "Gemfile",       "Gemfile.lock", "gemfiles"};
    for (const char* d : defaults) {
        std::string_view p = d;
        if (rel == p || (rel.size() > p.size() && rel.starts_with(p) && rel[p.size()] == '/')) return true;
    }
    return false;
}

bool excluded(const std::vector<std::string>& exclude, const std::string& rel) {
    for (const auto& pattern : exclude) {
        std::string p = pattern;
        while (!p.empty() && p.back() == '/') p.pop_back();
        if (p.empty()) continue;
        if (rel == p || rel.starts_with(p + "/")) return true;
    }
    return false;
}

}  // namespace blogconv::readers
