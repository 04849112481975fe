#include "readers/markdown/link_definitions.h"

#include <algorithm>
#include <map>

namespace blogconv::readers::markdown {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }

// A fence (``` or ~~~, three or more) opening or closing at the start of `s` after its indent.
char fence_char(std::string_view s) {
    std::size_t i = s.find_first_not_of(' ');
    if (i == std::string_view::npos || i > 3) return 0;
    s.remove_prefix(i);
    if (s.size() >= 3 && (s[0] == '`' || s[0] == '~') && s[1] == s[0] && s[2] == s[0]) return s[0];
    return 0;
}

}  // namespace

std::string link_label_key(std::string_view label) {
    std::string key;
    bool space = false;
    for (char c : label) {
        if (is_space(c) || c == '\n' || c == '\r') {
            space = true;
            continue;
        }
        if (space && !key.empty()) key += ' ';
        space = false;
        key += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return key;
}

std::optional<LinkDefinitionLine> parse_link_definition(std::string_view body) {
    std::size_t i = 0;
    while (i < body.size() && body[i] == ' ') ++i;
    if (i > 3 || i >= body.size() || body[i] != '[' || body.substr(i + 1, 1) == "^") return std::nullopt;
    const std::size_t close = body.find(']', i + 1);
    if (close == std::string_view::npos || close == i + 1 || body.substr(close + 1, 1) != ":") return std::nullopt;
    const std::string_view label = body.substr(i + 1, close - i - 1);
    if (label.find('[') != std::string_view::npos) return std::nullopt;
    LinkDefinitionLine d;
    d.key = link_label_key(label);
    d.rest = close + 2;
    // kramdown needs a URL on the same line.
    if (body.substr(d.rest).find_first_not_of(" \t") == std::string_view::npos) return std::nullopt;
    return d;
}

LinkDefinitions::LinkDefinitions(const std::vector<std::string_view>& lines) {
    std::map<std::string, std::size_t> last;
    char fence = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view line = lines[i];
        if (const char f = fence_char(line)) {
            if (!fence) fence = f;
            else if (f == fence) fence = 0;
            continue;
        }
        if (fence) continue;
        const auto d = parse_link_definition(line);
        if (!d) continue;
        keys_.insert(d->key);
        if (const auto it = last.find(d->key); it != last.end()) overridden_.push_back(it->second);
        last[d->key] = i;
    }
    std::sort(overridden_.begin(), overridden_.end());
}

bool LinkDefinitions::overridden(std::size_t line) const {
    return std::binary_search(overridden_.begin(), overridden_.end(), line);
}

std::string LinkDefinitions::with_bracketed_url(std::string_view body) {
    const auto d = parse_link_definition(body);
    if (!d) return std::string(body);
    std::size_t from = d->rest;
    while (from < body.size() && is_space(body[from])) ++from;
    if (from >= body.size() || body[from] == '<') return std::string(body);
    // The title, if any: a quoted string ending the line, after white space (kramdown's rule).
    // (A title on the next line needs nothing here: cmark reads it there too.)
    std::size_t to = body.size();
    while (to > from && is_space(body[to - 1])) --to;
    std::size_t url_end = to;
    if (to > from && (body[to - 1] == '"' || body[to - 1] == '\'')) {
        const char q = body[to - 1];
        const std::size_t open = body.rfind(q, to - 2);
        if (open != std::string_view::npos && open > from && is_space(body[open - 1])) url_end = open;
    }
    while (url_end > from && is_space(body[url_end - 1])) --url_end;
    const std::string_view url = body.substr(from, url_end - from);
    // kramdown refuses a bare URL with white space before a quote (a title gone wrong): the line
    // is text, so cmark must not take it as a definition either.
    for (std::size_t k = 1; k < url.size(); ++k)
        if ((url[k] == '"' || url[k] == '\'') && is_space(url[k - 1])) {
            const std::size_t bracket = body.find('[');
            return std::string(body.substr(0, bracket)) + "\\" + std::string(body.substr(bracket));
        }
    if (url.find_first_of(" \t") == std::string_view::npos || url.find_first_of("<>") != std::string_view::npos)
        return std::string(body);
    std::string out(body.substr(0, from));
    out += '<';
    out += url;
    out += '>';
    out += body.substr(url_end);
    return out;
}

}  // namespace blogconv::readers::markdown
