#include "writers/standalone/template.h"

namespace blogconv::writers {

namespace {

bool name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

struct Tag {
    char sigil = 0;  // 0, '#', '^', '/', '!'
    std::string name;
    std::size_t end = 0;  // just past `}}`
};

// Parses the tag starting at `at` (which holds `{{`); false when it is not one.
bool parse_tag(std::string_view s, std::size_t at, Tag& tag) {
    std::size_t p = at + 2;
    if (p < s.size() && s[p] == '!') {
        std::size_t close = s.find("}}", p);
        if (close == std::string_view::npos) return false;
        tag = {'!', "", close + 2};
        return true;
    }
    if (p < s.size() && (s[p] == '#' || s[p] == '^' || s[p] == '/')) tag.sigil = s[p++];
    while (p < s.size() && s[p] == ' ') ++p;
    std::size_t start = p;
    while (p < s.size() && name_char(s[p])) ++p;
    if (p == start) return false;
    tag.name = std::string(s.substr(start, p - start));
    while (p < s.size() && s[p] == ' ') ++p;
    if (s.substr(p, 2) != "}}") return false;
    tag.end = p + 2;
    return true;
}

std::string known_names(const std::map<std::string, std::string>& values) {
    std::string out;
    for (const auto& [k, v] : values) out += (out.empty() ? "" : ", ") + k;
    return out;
}

// Where the `{{/name}}` that closes a section opened before `from` starts, honouring nested
// sections of the same name; npos when there is none. `after` receives the position past it.
std::size_t find_close(std::string_view s, std::size_t from, const std::string& name, std::size_t& after) {
    int depth = 0;
    for (std::size_t p = s.find("{{", from); p != std::string_view::npos; p = s.find("{{", p + 2)) {
        Tag t;
        if (!parse_tag(s, p, t) || t.name != name) continue;
        if (t.sigil == '#' || t.sigil == '^') ++depth;
        if (t.sigil == '/') {
            if (depth == 0) {
                after = t.end;
                return p;
            }
            --depth;
        }
    }
    return std::string_view::npos;
}

void expand(std::string_view s, const std::map<std::string, std::string>& values, std::vector<std::string>& problems,
            std::string& out) {
    std::size_t p = 0;
    while (p < s.size()) {
        std::size_t open = s.find("{{", p);
        if (open == std::string_view::npos) {
            out += s.substr(p);
            return;
        }
        out += s.substr(p, open - p);
        Tag t;
        if (!parse_tag(s, open, t)) {
            out += "{{";
            p = open + 2;
            continue;
        }
        p = t.end;
        if (t.sigil == '!') continue;
        auto it = values.find(t.name);
        if (it == values.end()) {
            problems.push_back("unknown placeholder {{" + t.name + "}}; known: " + known_names(values));
        }
        const bool empty = it == values.end() || it->second.empty();
        if (t.sigil == 0) {
            if (it != values.end()) out += it->second;
            continue;
        }
        if (t.sigil == '/') {
            problems.push_back("{{/" + t.name + "}} closes no section");
            continue;
        }
        std::size_t after = 0;
        std::size_t close = find_close(s, p, t.name, after);
        if (close == std::string_view::npos) {
            problems.push_back("section {{" + std::string(1, t.sigil) + t.name + "}} is never closed with {{/" + t.name + "}}");
            close = after = s.size();
        }
        if ((t.sigil == '#') != empty) expand(s.substr(p, close - p), values, problems, out);
        p = after;
    }
}

}  // namespace

std::string expand_template(std::string_view tmpl, const std::map<std::string, std::string>& values,
                            std::vector<std::string>& problems) {
    std::string out;
    out.reserve(tmpl.size() + 4096);
    expand(tmpl, values, problems, out);
    return out;
}

std::string_view default_template() {
    // The Content-Security-Policy is a second line of defence for "no request leaves the file":
    // even raw HTML in a post (an iframe, a script, a web font) cannot fetch anything. base-uri
    // and form-action are not covered by default-src: they back up the sanitizer, which drops a
    // post's <base> and <form> (writers/html/sanitize.h).
    return R"(<!DOCTYPE html>
<html lang="{{lang}}"{{#theme}} data-theme="{{theme}}"{{/theme}}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; media-src data:; style-src 'unsafe-inline'; font-src data:; base-uri 'none'; form-action 'none'">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="{{generator}}">
<title>{{title}}</title>
<style>
{{css}}
</style>
</head>
<body>
{{#nav}}<nav class="site-nav">{{nav}}</nav>
{{/nav}}{{cover}}{{toc}}<main>
{{posts}}</main>
{{tag_index}}</body>
</html>
)";
}

}  // namespace blogconv::writers
