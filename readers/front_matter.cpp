#include "readers/front_matter.h"

#include <algorithm>

namespace blogconv::readers {

namespace {

// Ruby's `\s`: space, \t, \n, \v, \f, \r.
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

std::size_t skip_spaces(std::string_view s, std::size_t i) {
    while (i < s.size() && is_space(s[i])) ++i;
    return i;
}

// After a fence at [.., fence_end): `\s*$\n?`, greedy. Returns the end of the match, or npos.
std::size_t match_fence_tail(std::string_view s, std::size_t fence_end) {
    std::size_t w = skip_spaces(s, fence_end);
    // Greedy `\s*` backs off until `$` holds: the last end-of-line inside the white space.
    for (std::size_t q = w + 1; q-- > fence_end;) {
        if (q == s.size()) return q;
        if (s[q] == '\n') return q + 1;  // `$` before the LF, then `\n?` takes it
    }
    return std::string_view::npos;
}

}  // namespace

std::string_view strip_bom(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    return text;
}

bool has_yaml_header(std::string_view text) {
    if (text.substr(0, 3) != "---") return false;
    std::size_t i = 3;
    while (i < text.size() && is_space(text[i]) && text[i] != '\n') ++i;
    return i < text.size() && text[i] == '\n';
}

FrontMatterSplit split_front_matter(std::string_view s) {
    FrontMatterSplit out;
    // No front matter: the body is the whole text (copied once, at the end: a post is copied
    // only for the part it keeps).
    auto whole = [&] {
        out.body = std::string(s);
        return out;
    };
    if (s.substr(0, 3) != "---") return whole();
    // `---\s*\n`: the white-space run after the opening dashes must hold a newline.
    std::size_t run_end = skip_spaces(s, 3);
    std::size_t last_nl = std::string_view::npos;
    for (std::size_t i = 3; i < run_end; ++i)
        if (s[i] == '\n') last_nl = i;
    if (last_nl == std::string_view::npos) return whole();
    // `.*?\n?^`: the earliest line start from there on that holds a closing fence.
    for (std::size_t p = last_nl + 1; p <= s.size();) {
        std::string_view rest = s.substr(p);
        if (rest.substr(0, 3) == "---" || rest.substr(0, 3) == "...") {
            std::size_t end = match_fence_tail(s, p + 3);
            if (end != std::string_view::npos) {
                out.has_front_matter = true;
                out.yaml = std::string(s.substr(0, p));
                out.body = std::string(s.substr(end));
                out.body_first_line = 1 + static_cast<int>(std::count(s.begin(), s.begin() + end, '\n'));
                return out;
            }
        }
        std::size_t nl = s.find('\n', p);
        if (nl == std::string_view::npos) break;
        p = nl + 1;
    }
    return whole();
}

}  // namespace blogconv::readers
