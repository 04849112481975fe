#include "readers/front_matter_defaults.h"

#include <algorithm>

namespace blogconv::readers {

namespace {

std::string sanitize_scope_path(std::string p) {
    if (p.empty()) return p;
    if (p.front() == '/') {
        p.erase(0, 1);
        while (!p.empty() && p.back() == '/') p.pop_back();
    }
    return p;
}

// Whether all of `name` matches `glob`, `*` standing for any run of characters: the classic
// two-index match, which on a mismatch backs up to just after the last star (no recursion).
bool glob_whole_match(std::string_view glob, std::string_view name) {
    // Every character but '*' takes one of the name's: a glob longer than that cannot match,
    // which bounds the work below by the name's length (a file name) for any glob.
    if (static_cast<std::size_t>(std::count_if(glob.begin(), glob.end(), [](char c) { return c != '*'; })) >
        name.size())
        return false;
    std::size_t g = 0, n = 0, star = std::string_view::npos, resume = 0;
    while (n < name.size()) {
        if (g < glob.size() && glob[g] == '*') {
            star = g++;
            resume = n;
        } else if (g < glob.size() && glob[g] == name[n]) {
            ++g;
            ++n;
        } else if (star != std::string_view::npos) {
            g = star + 1;
            n = ++resume;
        } else {
            return false;
        }
    }
    while (g < glob.size() && glob[g] == '*') ++g;
    return g == glob.size();
}

}  // namespace

void deep_merge(ir::Value& target, const ir::Value& overwrite) {
    if (!overwrite.is_object()) return;
    if (!target.is_object()) target = ir::Object{};
    for (const auto& [key, val] : overwrite.as_object()) {
        const ir::Value* old = target.find(key);
        if (val.is_null() && old) continue;
        if (old && old->is_object() && val.is_object()) {
            ir::Value merged = *old;
            deep_merge(merged, val);
            target.set(key, merged);
        } else {
            target.set(key, val);
        }
    }
}

// As a '*' never crosses a '/', the pattern's segments match the path's one by one, and the last
// one is matched as if it ended in '*'.
bool scope_glob_matches(std::string_view pattern, std::string_view path) {
    constexpr auto npos = std::string_view::npos;
    for (std::size_t p = 0, q = 0;;) {
        std::size_t pattern_end = pattern.find('/', p);
        std::size_t path_end = path.find('/', q);
        if (pattern_end == npos)
            return glob_whole_match(std::string(pattern.substr(p)) + "*",
                                    path.substr(q, path_end == npos ? npos : path_end - q));
        if (path_end == npos) return false;
        if (!glob_whole_match(pattern.substr(p, pattern_end - p), path.substr(q, path_end - q))) return false;
        p = pattern_end + 1;
        q = path_end + 1;
    }
}

ir::Value front_matter_defaults(const SiteConfig& config, const std::string& relative_path, const std::string& type) {
    ir::Value result = ir::Object{};
    const DefaultsSet* old = nullptr;
    std::string cdir = config.collections_dir.empty() ? "" : config.collections_dir + "/";
    for (const auto& set : config.defaults) {
        if (set.type && *set.type != type) continue;
        if (!set.path.empty()) {
            std::string scope = set.path;
            if (!cdir.empty() && scope.starts_with(cdir)) scope = scope.substr(cdir.size());
            scope = sanitize_scope_path(scope);
            bool ok = scope.find('*') != std::string::npos ? scope_glob_matches(scope, relative_path)
                                                           : relative_path.starts_with(scope);
            if (!ok) continue;
        }
        // Jekyll's applies?/has_precedence?: the longer scope path wins; at equal length a set
        // with a type wins over one without.
        bool precedence = true;
        if (old) {
            std::size_t np = sanitize_scope_path(set.path).size(), op = sanitize_scope_path(old->path).size();
            if (np != op) precedence = np >= op;
            else precedence = set.type.has_value() || !old->type.has_value();
        }
        if (precedence) {
            deep_merge(result, set.values);
            old = &set;
        } else {
            ir::Value merged = set.values;
            deep_merge(merged, result);
            result = merged;
        }
    }
    return result;
}

}  // namespace blogconv::readers
