// The five points of a rendered document (see content_points.h): one tolerant HTML tokenizer and
// the reductions that make kramdown's and cmark-gfm's HTML comparable.
#include "tests/support/content_points.h"

#include <map>
#include <set>
#include <sstream>

namespace blogconv::test {

namespace {

// ---------------------------------------------------------------------------------------------
// A tolerant HTML tokenizer: start tags (with attributes), end tags and text; comments,
// doctypes and processing instructions are dropped. Text comes out entity-decoded.

struct Token {
    enum Kind { start, end, text } kind = text;
    std::string name;                                       // lower-case tag name
    std::vector<std::pair<std::string, std::string>> attrs;  // decoded values
    std::string data;                                       // decoded text
    std::string attr(const std::string& key) const {
        for (const auto& [k, v] : attrs)
            if (k == key) return v;
        return {};
    }
};

void append_utf8(std::string& out, unsigned long cp) {
    if (cp == 0 || cp > 0x10FFFF) cp = 0xFFFD;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// The named entities that kramdown, cmark and the corpus's raw HTML actually use; an unknown
// name stays as written on both sides, so it cannot cause a false mismatch.
const std::map<std::string, unsigned long>& named_entities() {
    static const std::map<std::string, unsigned long> m = {
        {"amp", '&'},      {"lt", '<'},        {"gt", '>'},        {"quot", '"'},      {"apos", '\''},
        {"nbsp", 0xA0},    {"hellip", 0x2026}, {"mdash", 0x2014},  {"ndash", 0x2013},  {"lsquo", 0x2018},
        {"rsquo", 0x2019}, {"ldquo", 0x201C},  {"rdquo", 0x201D},  {"laquo", 0xAB},    {"raquo", 0xBB},
        {"copy", 0xA9},    {"reg", 0xAE},      {"trade", 0x2122},  {"times", 0xD7},    {"middot", 0xB7},
        {"rarr", 0x2192},  {"larr", 0x2190},   {"uarr", 0x2191},   {"darr", 0x2193},   {"harr", 0x2194},
        {"bull", 0x2022},  {"deg", 0xB0},      {"plusmn", 0xB1},   {"para", 0xB6},     {"sect", 0xA7},
        {"ensp", 0x2002},  {"emsp", 0x2003},   {"thinsp", 0x2009}, {"zwj", 0x200D},    {"zwnj", 0x200C},
        {"shy", 0xAD},     {"euro", 0x20AC},   {"pound", 0xA3},    {"yen", 0xA5},      {"cent", 0xA2},
        {"le", 0x2264},    {"ge", 0x2265},     {"ne", 0x2260},     {"hearts", 0x2665}, {"check", 0x2713},
        {"iexcl", 0xA1},   {"iquest", 0xBF},   {"frac12", 0xBD},   {"sup2", 0xB2},     {"micro", 0xB5},
    };
    return m;
}

std::string decode_entities(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] != '&') {
            out += s[i++];
            continue;
        }
        const auto semi = s.find(';', i);
        if (semi == std::string_view::npos || semi - i > 12) {
            out += s[i++];
            continue;
        }
        const std::string_view body = s.substr(i + 1, semi - i - 1);
        if (!body.empty() && body[0] == '#') {
            const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
            const std::string digits(body.substr(hex ? 2 : 1));
            char* end = nullptr;
            const unsigned long cp = digits.empty() ? 0 : std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
            if (!digits.empty() && end && *end == 0) {
                append_utf8(out, cp);
                i = semi + 1;
                continue;
            }
        } else if (auto it = named_entities().find(std::string(body)); it != named_entities().end()) {
            append_utf8(out, it->second);
            i = semi + 1;
            continue;
        }
        out += s[i++];
    }
    return out;
}

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
std::string lower(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::vector<Token> tokenize(std::string_view html) {
    std::vector<Token> out;
    std::string text;
    auto flush = [&] {
        // CRLF sources: Rouge and kramdown keep the CR in code and text, cmark drops it; a line
        // ending is white space either way.
        std::erase(text, '\r');
        if (!text.empty()) out.push_back({Token::text, {}, {}, decode_entities(text)});
        text.clear();
    };
    std::size_t i = 0;
    while (i < html.size()) {
        const char c = html[i];
        if (c != '<') {
            text += c;
            ++i;
            continue;
        }
        if (html.compare(i, 4, "<!--") == 0) {
            const auto e = html.find("-->", i + 4);
            flush();
            i = e == std::string_view::npos ? html.size() : e + 3;
            continue;
        }
        if (html.compare(i, 9, "<![CDATA[") == 0) {
            const auto e = html.find("]]>", i);
            text += html.substr(i + 9, (e == std::string_view::npos ? html.size() : e) - i - 9);
            i = e == std::string_view::npos ? html.size() : e + 3;
            continue;
        }
        if (i + 1 < html.size() && (html[i + 1] == '!' || html[i + 1] == '?')) {
            const auto e = html.find('>', i);
            flush();
            i = e == std::string_view::npos ? html.size() : e + 1;
            continue;
        }
        const bool closing = i + 1 < html.size() && html[i + 1] == '/';
        std::size_t p = i + (closing ? 2 : 1);
        if (p >= html.size() || !is_alpha(html[p])) {
            text += c;
            ++i;
            continue;
        }
        std::size_t q = p;
        while (q < html.size() && !is_space(html[q]) && html[q] != '>' && html[q] != '/') ++q;
        Token t;
        t.kind = closing ? Token::end : Token::start;
        t.name = lower(std::string(html.substr(p, q - p)));
        // attributes
        while (q < html.size() && html[q] != '>') {
            if (is_space(html[q]) || html[q] == '/') {
                ++q;
                continue;
            }
            std::size_t n = q;
            while (n < html.size() && !is_space(html[n]) && html[n] != '=' && html[n] != '>' && html[n] != '/') ++n;
            std::string key = lower(std::string(html.substr(q, n - q)));
            while (n < html.size() && is_space(html[n])) ++n;
            std::string value;
            if (n < html.size() && html[n] == '=') {
                ++n;
                while (n < html.size() && is_space(html[n])) ++n;
                if (n < html.size() && (html[n] == '"' || html[n] == '\'')) {
                    const char quote = html[n];
                    const auto e = html.find(quote, n + 1);
                    const auto stop = e == std::string_view::npos ? html.size() : e;
                    value = decode_entities(html.substr(n + 1, stop - n - 1));
                    n = stop == html.size() ? stop : stop + 1;
                } else {
                    std::size_t e = n;
                    while (e < html.size() && !is_space(html[e]) && html[e] != '>') ++e;
                    value = decode_entities(html.substr(n, e - n));
                    n = e;
                }
            }
            if (n == q) ++n;  // never loop on a stray character
            t.attrs.emplace_back(std::move(key), std::move(value));
            q = n;
        }
        flush();
        i = q < html.size() ? q + 1 : html.size();
        const std::string name = t.name;
        const bool opens_raw_text = !closing && (name == "script" || name == "style" || name == "textarea");
        out.push_back(std::move(t));
        if (opens_raw_text) {
            // Raw text: no tags inside, up to the matching end tag.
            std::size_t e = i;
            for (;;) {
                e = html.find("</", e);
                if (e == std::string_view::npos || lower(std::string(html.substr(e + 2, name.size()))) == name) break;
                e += 2;
            }
            const auto stop = e == std::string_view::npos ? html.size() : e;
            out.push_back({Token::text, {}, {}, std::string(html.substr(i, stop - i))});
            i = stop;
        }
    }
    flush();
    return out;
}

// ---------------------------------------------------------------------------------------------
// The five points.


std::string collapse_space(std::string_view s) {
    std::string out;
    bool pending = false;
    for (char c : s) {
        if (is_space(c)) {
            pending = true;
            continue;
        }
        if (pending && !out.empty()) out += ' ';
        pending = false;
        out += c;
    }
    return out;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// cmark percent-encodes URLs (spaces, non-ASCII, some punctuation) where kramdown keeps them.
std::string normalise_url(std::string_view url) {
    std::string out;
    for (std::size_t i = 0; i < url.size(); ++i) {
        if (url[i] == '%' && i + 2 < url.size() && hex_value(url[i + 1]) >= 0 && hex_value(url[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(url[i + 1]) * 16 + hex_value(url[i + 2]));
            i += 2;
        } else {
            out += url[i];
        }
    }
    return collapse_space(out);
}

bool is_block_tag(const std::string& n) {
    static const std::set<std::string> blocks = {
        "p",     "div",   "h1",    "h2",      "h3",         "h4",     "h5",      "h6",       "li",
        "ul",    "ol",    "pre",   "table",   "tr",         "td",     "th",      "blockquote", "hr",
        "br",    "figure", "dl",   "dt",      "dd",         "section", "details", "summary", "figcaption",
        "thead", "tbody", "tfoot", "caption", "iframe",     "img",    "video",   "audio",    "center",
        "article", "header", "footer", "nav", "aside", "main", "form", "fieldset", "legend"};
    return blocks.count(n) > 0;
}

std::string clip(std::string s, std::size_t n = 90) {
    if (s.size() > n) {
        // do not cut a UTF-8 sequence in half
        while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
        s = s.substr(0, n) + "…";
    }
    for (auto& c : s)
        if (c == '\n') c = ' ';
    return s;
}

}  // namespace

Points extract(std::string_view html) {
    Points pts;
    std::string text;
    int pre_depth = 0;
    bool in_gutter = false;
    std::string pre_text;
    int heading_level = 0;
    std::string heading_id, heading_text;
    bool after_cell_start = false;
    for (const Token& t : tokenize(html)) {
        bool cell_start = t.kind == Token::start && (t.name == "td" || t.name == "th");
        bool empty_cell_fill = after_cell_start && t.kind == Token::text && t.data == "\xC2\xA0";
        after_cell_start = cell_start;
        if (t.kind == Token::text) {
            // kramdown's HTML converter writes an empty table cell as `&nbsp;`: display, not content.
            if (in_gutter || empty_cell_fill) continue;
            text += t.data;
            if (pre_depth > 0) pre_text += t.data;
            if (heading_level) heading_text += t.data;
            continue;
        }
        if (is_block_tag(t.name)) text += '\n';
        if (t.kind == Token::start) {
            if (t.name == "a") {
                for (const auto& [k, v] : t.attrs)
                    if (k == "href") pts.hrefs.push_back(normalise_url(v));
            } else if (t.name == "img") {
                for (const auto& [k, v] : t.attrs)
                    if (k == "src") pts.images.push_back(normalise_url(v));
            } else if (t.name == "pre") {
                if (t.attr("class").find("lineno") != std::string::npos) {
                    in_gutter = true;
                } else if (pre_depth++ == 0) {
                    pre_text.clear();
                }
            } else if (t.name.size() == 2 && t.name[0] == 'h' && t.name[1] >= '1' && t.name[1] <= '6') {
                heading_level = t.name[1] - '0';
                heading_id = t.attr("id");
                heading_text.clear();
            }
        } else {
            if (t.name == "pre") {
                if (in_gutter) {
                    in_gutter = false;
                } else if (pre_depth > 0 && --pre_depth == 0) {
                    // A trailing newline is markup convention (kramdown keeps it, Rouge too), not content.
                    while (!pre_text.empty() && (pre_text.back() == '\n' || pre_text.back() == '\r')) pre_text.pop_back();
                    pts.code.push_back(pre_text);
                }
            } else if (heading_level && t.name.size() == 2 && t.name[0] == 'h' && t.name[1] - '0' == heading_level) {
                pts.headings.push_back("h" + std::to_string(heading_level) + " #" + heading_id + " " +
                                       collapse_space(heading_text));
                heading_level = 0;
            }
        }
    }
    pts.text = collapse_space(text);
    return pts;
}


// A short diff of two lists: the first differing entry, or "" when they are equal.
std::string list_diff(const std::vector<std::string>& ours, const std::vector<std::string>& jekyll) {
    if (ours == jekyll) return {};
    std::size_t i = 0;
    while (i < ours.size() && i < jekyll.size() && ours[i] == jekyll[i]) ++i;
    // Show both entries from a little before their first differing byte.
    std::size_t from = 0;
    if (i < ours.size() && i < jekyll.size()) {
        while (from < ours[i].size() && from < jekyll[i].size() && ours[i][from] == jekyll[i][from]) ++from;
        from = from > 20 ? from - 20 : 0;
        while (from > 0 && (static_cast<unsigned char>(ours[i][from]) & 0xC0) == 0x80) --from;
    }
    auto entry = [&](const std::vector<std::string>& v) {
        return i < v.size() ? "\"" + clip(v[i].substr(std::min(from, v[i].size()))) + "\"" : std::string("(none)");
    };
    std::ostringstream s;
    s << "#" << i << (from ? " at " + std::to_string(from) : "") << " ours=" << entry(ours)
      << " jekyll=" << entry(jekyll) << " (" << ours.size()
      << " vs " << jekyll.size() << ")";
    return s.str();
}

std::string text_diff(const std::string& ours, const std::string& jekyll) {
    if (ours == jekyll) return {};
    std::size_t i = 0;
    while (i < ours.size() && i < jekyll.size() && ours[i] == jekyll[i]) ++i;
    while (i > 0 && (static_cast<unsigned char>(ours[i]) & 0xC0) == 0x80) --i;
    const std::size_t from = i > 30 ? i - 30 : 0;
    std::size_t start = from;
    while (start > 0 && (static_cast<unsigned char>(ours[start]) & 0xC0) == 0x80) --start;
    return "at " + std::to_string(i) + ": ours=\"" + clip(ours.substr(start, 90)) + "\" jekyll=\"" +
           clip(jekyll.substr(start, 90)) + "\"";
}

// Liquid markers outside comments: what a reader would see of unrendered Liquid.
int count_liquid_markers(std::string_view html) {
    int n = 0;
    for (std::size_t i = 0; i + 1 < html.size(); ++i) {
        if (html.compare(i, 4, "<!--") == 0) {
            const auto e = html.find("-->", i + 4);
            if (e == std::string_view::npos) break;
            i = e + 2;
            continue;
        }
        if (html[i] == '{' && (html[i + 1] == '%' || html[i + 1] == '{')) ++n;
    }
    return n;
}

std::vector<std::string> compare_points(std::string_view ours_html, std::string_view jekyll_html) {
    const Points ours = extract(ours_html), jekyll = extract(jekyll_html);
    const std::pair<const char*, std::string> checks[] = {
        {"text", text_diff(ours.text, jekyll.text)},
        {"headings", list_diff(ours.headings, jekyll.headings)},
        {"links", list_diff(ours.hrefs, jekyll.hrefs)},
        {"images", list_diff(ours.images, jekyll.images)},
        {"code", list_diff(ours.code, jekyll.code)},
    };
    std::vector<std::string> failed;
    for (const auto& [point, diff] : checks)
        if (!diff.empty()) failed.push_back(std::string(point) + ": " + diff);
    return failed;
}

}  // namespace blogconv::test
