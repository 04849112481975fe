#include "readers/markdown/kramdown_prepass.h"
#include "readers/markdown/smart_quotes.h"

#include "readers/markdown/char_set.h"
#include "readers/markdown/definition_lists.h"
#include "readers/markdown/footnote_definition.h"
#include "readers/markdown/kramdown_emphasis.h"
#include "readers/markdown/kramdown_table.h"
#include "readers/markdown/link_definitions.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <utility>

namespace blogconv::readers::markdown {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }

bool is_blank(std::string_view s) {
    for (char c : s)
        if (!is_space(c) && c != '\r') return false;
    return true;
}

std::string_view trim(std::string_view s) {
    auto ws = [](char c) { return is_space(c) || c == '\r' || c == '\n'; };
    while (!s.empty() && ws(s.front())) s.remove_prefix(1);
    while (!s.empty() && ws(s.back())) s.remove_suffix(1);
    return s;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
    return true;
}

bool contains_ci(std::string_view s, std::string_view needle) {
    if (needle.size() > s.size()) return false;
    for (std::size_t i = 0; i + needle.size() <= s.size(); ++i)
        if (starts_with_ci(s.substr(i), needle)) return true;
    return false;
}

// Leading spaces, tabs and blockquote `>` markers: the container prefix of a line.
std::size_t prefix_length(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size() && (is_space(line[i]) || line[i] == '>')) ++i;
    return i;
}

int indent_columns(std::string_view line) {
    int col = 0;
    for (char c : line) {
        if (c == ' ') ++col;
        else if (c == '\t') col += 4 - col % 4;
        else break;
    }
    return col;
}

// Length of a list marker (`- `, `* `, `+ `, `12. `) at the start of `s`, or 0. kramdown has no
// `3)` markers (the pre-pass escapes them for cmark).
std::size_t list_marker_length(std::string_view s) {
    if (s.size() >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && is_space(s[1])) return 2;
    std::size_t i = 0;
    while (i < s.size() && i < 9 && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i > 0 && i + 1 < s.size() && s[i] == '.' && is_space(s[i + 1])) return i + 2;
    return 0;
}

// The position of the `)` of a CommonMark list marker `3) ` at the start of `s`, or 0.
std::size_t paren_marker_at(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && i < 9 && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    return i > 0 && i < s.size() && s[i] == ')' && (i + 1 == s.size() || is_space(s[i + 1])) ? i : 0;
}

// A fence opener (``` or ~~~, three or more) at the start of `s`: its char and length.
std::pair<char, std::size_t> fence_at(std::string_view s) {
    if (s.empty() || (s[0] != '`' && s[0] != '~')) return {0, 0};
    std::size_t n = 0;
    while (n < s.size() && s[n] == s[0]) ++n;
    if (n < 3) return {0, 0};
    // A backtick fence's info string may not contain backticks (else it is a code span).
    if (s[0] == '`' && s.substr(n).find('`') != std::string_view::npos) return {0, 0};
    return {s[0], n};
}

bool is_name_start(unsigned char c) { return std::isalpha(c) || c == '_' || c == ':' || c >= 0x80; }
bool is_name_char(unsigned char c) {
    return is_name_start(c) || std::isdigit(c) || c == '-' || c == '.';
}

// `{#id}` at the end of a heading line, preceded by a space or tab. Returns its start or npos.
std::size_t header_id_at_end(std::string_view s, std::string_view& id) {
    std::string_view t = trim(s);
    if (t.size() < 4 || t.back() != '}') return std::string_view::npos;
    std::size_t open = t.rfind("{#");
    if (open == std::string_view::npos || open == 0 || !is_space(t[open - 1])) return std::string_view::npos;
    std::string_view name = t.substr(open + 2, t.size() - open - 3);
    if (name.empty() || !is_name_start(static_cast<unsigned char>(name[0]))) return std::string_view::npos;
    for (char c : name)
        if (!is_name_char(static_cast<unsigned char>(c))) return std::string_view::npos;
    id = name;
    return static_cast<std::size_t>(t.data() - s.data()) + open;
}

// Whether a line starts with what cmark may take for the start of an HTML block: a tag
// (`<name` then white space, `>` or `/`), an end tag or a comment/declaration; not an autolink.
bool opens_html_block(std::string_view body) {
    if (body.size() < 2 || body[0] != '<') return false;
    if (body[1] == '/' || body[1] == '!') return true;
    std::size_t k = 1;
    while (k < body.size() && (std::isalnum(static_cast<unsigned char>(body[k])) || body[k] == '-')) ++k;
    if (k == 1 || !std::isalpha(static_cast<unsigned char>(body[1]))) return false;
    return k == body.size() || body[k] == '>' || body[k] == '/' || is_space(body[k]);
}

// How many `>` the line's container prefix holds.
std::ptrdiff_t quote_depth(std::string_view l) {
    return std::count(l.begin(), l.begin() + static_cast<std::ptrdiff_t>(prefix_length(l)), '>');
}

// An ordered list marker (`2. `) whose number is not 1, with content after it.
bool ordered_number_above_one(std::string_view b) {
    std::size_t d = 0;
    while (d < b.size() && d < 9 && std::isdigit(static_cast<unsigned char>(b[d]))) ++d;
    if (d == 0 || d + 2 > b.size() || b[d] != '.' || !is_space(b[d + 1])) return false;
    if (is_blank(b.substr(d + 2))) return false;
    return !(d == 1 && b[0] == '1');
}

// A line of plain paragraph text: not blank, not code, and not the start of another block
// (heading, HTML, table, fence, quote, list, IAL, math, rule or underline, end-of-block marker).
bool paragraph_text_line(std::string_view l) {
    if (is_blank(l) || indent_columns(l) >= 4) return false;
    std::string_view b = l.substr(prefix_length(l));
    if (b.find_first_not_of("-=*_ \t") == std::string_view::npos) return false;
    return std::string_view("#<|`~>").find(b[0]) == std::string_view::npos && list_marker_length(b) == 0 &&
           !b.starts_with("{:") && !b.starts_with("$$") && trim(b) != "^";
}

// A line kramdown's GFM parser ends a paragraph before (PARAGRAPH_END_GFM): a list item (any
// ordered number), an ATX heading, a quote, a fence or a definition.
bool ends_paragraph(std::string_view l) {
    std::string_view b = l.substr(prefix_length(l));
    if (indent_columns(l) >= 4 || b.empty()) return false;
    const std::size_t marker = list_marker_length(b);
    if (marker && !is_blank(b.substr(marker))) return true;
    return (b[0] == '#' && b.find_first_not_of('#') < b.size() && is_space(b[b.find_first_not_of('#')])) ||
           b[0] == '>' || fence_at(b).first || (b[0] == ':' && b.size() > 1 && is_space(b[1]));
}

// kramdown's e-mail autolink at the start of `s` (`<` included): what is inside the brackets
// and the length taken, or nothing. Its address characters are letters and digits of any
// script and `-_.`; `<mailto:…>` takes anything up to `>`.
std::optional<std::pair<std::string, std::size_t>> email_autolink(std::string_view s) {
    if (s.size() < 5 || s[0] != '<') return std::nullopt;
    const std::size_t close = s.find('>');
    if (close == std::string_view::npos) return std::nullopt;
    const std::string_view inside = s.substr(1, close - 1);
    if (inside.starts_with("mailto:")) {
        if (inside.size() == 7) return std::nullopt;
        return std::make_pair(std::string(inside), close + 1);
    }
    auto achar = [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u >= 0x80 || std::isalnum(u) || c == '-' || c == '_' || c == '.';
    };
    const std::size_t at = inside.find('@');
    if (at == 0 || at == std::string_view::npos || at + 1 == inside.size()) return std::nullopt;
    for (std::size_t k = 0; k < inside.size(); ++k)
        if (k != at && !achar(inside[k])) return std::nullopt;
    return std::make_pair(std::string(inside), close + 1);
}

// Whether the `]` at `close` ends a link text `[…]` (not the empty `[]` of `[text][]`, nor a
// label right after one): the bracket that opens it is not preceded by `]`.
bool closes_link_text(std::string_view line, std::size_t close) {
    int depth = 0;
    for (std::size_t k = close; k-- > 0;) {
        if (line[k] == ']' && (k == 0 || line[k - 1] != '\\')) ++depth;
        if (line[k] == '[' && (k == 0 || line[k - 1] != '\\')) {
            if (depth > 0) {
                --depth;
                continue;
            }
            return k + 1 < close && (k == 0 || line[k - 1] != ']');
        }
    }
    return false;
}

// kramdown's escapable characters (ESCAPED_CHARS; the GFM parser adds `~`).
bool kramdown_escapable(char c, MarkdownInput input) {
    if (c == '~') return input == MarkdownInput::gfm;
    return std::string_view("\\.*_+-`()[]{}#!:|\"'$=<>").find(c) != std::string_view::npos ||
           !std::ispunct(static_cast<unsigned char>(c));
}

// Whether an escaped character at `at` takes part in kramdown's typography: a quote, or one
// character of `--`, `...`, `<<`, `>>`.
bool escapes_typography(std::string_view line, std::size_t at) {
    const char c = line[at];
    if (c == '\'' || c == '"') return true;
    if (c != '-' && c != '.' && c != '<' && c != '>') return false;
    return (at + 1 < line.size() && line[at + 1] == c) || (at >= 2 && line[at - 2] == c);
}

// The tag name of an HTML start tag at the start of `s` (`<div …`), lower-cased, or "".
std::string tag_name(std::string_view s) {
    if (s.size() < 2 || s[0] != '<' || !std::isalpha(static_cast<unsigned char>(s[1]))) return {};
    std::string name;
    for (std::size_t i = 1; i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '-'); ++i)
        name += static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
    return name;
}

// The length of an inline `{::nomarkdown…}` opening tag at the start of `s`, or 0.
std::size_t nomarkdown_open_end(std::string_view s) {
    if (!s.starts_with("{::nomarkdown") || s.size() < 14) return 0;
    char c = s[13];
    if (c != '}' && c != '/' && !is_space(c)) return 0;
    std::size_t close = s.find('}', 13);
    return close == std::string_view::npos ? 0 : close + 1;
}

// Whether a nomarkdown extension with these options is output by an HTML converter.
bool nomarkdown_for_html(std::string_view opts) {
    std::size_t t = opts.find("type=");
    if (t == std::string_view::npos) return true;
    std::string_view v = opts.substr(t + 5);
    char q = v.empty() ? 0 : v[0];
    if (q == '"' || q == '\'') {
        std::size_t e = v.find(q, 1);
        v = v.substr(1, e == std::string_view::npos ? std::string_view::npos : e - 1);
    } else {
        v = v.substr(0, v.find_first_of(" \t"));
    }
    for (std::size_t p = 0; p < v.size();) {
        std::size_t e = v.find_first_of(" \t", p);
        if (e == std::string_view::npos) e = v.size();
        if (v.substr(p, e - p) == "html") return true;
        p = e + 1;
    }
    return v.find_first_not_of(" \t") == std::string_view::npos;
}

class Prepass {
public:
    Prepass(std::string_view text, const PrepassOptions& options, Placeholders& placeholders)
        : options_(options), placeholders_(placeholders) {
        std::size_t start = 0;
        while (start <= text.size()) {
            std::size_t nl = text.find('\n', start);
            if (nl == std::string_view::npos) {
                if (start < text.size()) lines_.push_back(text.substr(start));
                break;
            }
            std::string_view line = text.substr(start, nl - start);
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            lines_.push_back(line);
            start = nl + 1;
        }
        result_.text.reserve(text.size() + text.size() / 16 + 16);
        result_.line_map.reserve(lines_.size() + 16);
    }

    PrepassResult run();

private:
    void emit(std::string_view line, std::size_t src) {
        result_.text.append(line);
        result_.text.push_back('\n');
        result_.line_map.push_back(static_cast<int>(src) + 1);
    }
    void emit_blank(std::string_view prefix, std::size_t src) {
        std::string p;
        for (char c : prefix)
            if (c == '>') p += c;
        emit(p, src);
    }
    std::string marker(Marker m) {
        std::string t(marker_open);
        t += std::to_string(result_.markers.size());
        t += marker_close;
        result_.markers.push_back(std::move(m));
        return t;
    }

    bool setext_underline_is_text(std::size_t i) const;
    bool html_element_block(std::size_t& i);
    // Elements open so far, by tag name: start tags minus end tags seen on the lines read.
    std::map<std::string, int> html_depth_;
    void count_html_tags(std::string_view line) {
        for (std::size_t p = line.find('<'); p != std::string_view::npos; p = line.find('<', p + 1)) {
            const bool end = p + 1 < line.size() && line[p + 1] == '/';
            const std::string name = tag_name(end ? "<" + std::string(line.substr(p + 2, 32)) : std::string(line.substr(p, 33)));
            if (!name.empty()) html_depth_[name] += end ? -1 : 1;
        }
    }
    bool stray_end_tag(std::string_view body) const {
        if (!body.starts_with("</")) return false;
        const std::string name = tag_name("<" + std::string(body.substr(2, 32)));
        if (name.empty()) return false;
        const auto gt = body.find('>');
        if (gt == std::string_view::npos || body.substr(2 + name.size(), gt - 2 - name.size()).find_first_not_of(" \t") != std::string_view::npos)
            return false;
        const auto it = html_depth_.find(name);
        return it == html_depth_.end() || it->second <= 0;
    }
    bool block_line(std::size_t& i);
    bool table_block(std::size_t& i, bool in_list);
    bool block_math(std::size_t& i, std::string_view prefix, std::string_view body);
    bool nomarkdown_block(std::size_t& i, std::string_view prefix, std::string_view body);
    bool markdown_html_open(std::size_t i, std::string_view prefix, std::string_view body);
    void inline_line(std::size_t& i, std::string line);
    void content_line(std::size_t& i, std::string_view line) {
        // Most lines hold nothing the span scan looks for: copy them straight through.
        static constexpr CharSet span_starts("${[\\`*_");
        const std::string_view body = trim(line.substr(prefix_length(line)));
        if (opens_html_block(body)) in_html_run_ = true;
        const bool angle_rules = !in_html_run_ && (line.find("<<") != std::string_view::npos ||
                                                   line.find("<?") != std::string_view::npos ||
                                                   line.find('@') != std::string_view::npos);
        if (span_starts.find_in(line) == std::string_view::npos && !angle_rules) {
            emit(line, i);
            prev_blank_ = false;
            return;
        }
        inline_line(i, std::string(line));
    }

    // The longest bare fence of `c` (``` or ~~~ alone on a line) at line `from` or later; one
    // table, built on first use, so that many unclosed fences stay linear.
    std::size_t longest_closer_after(std::size_t from, char c) {
        auto& table = c == '`' ? closers_backtick_ : closers_tilde_;
        if (table.empty()) {
            table.assign(lines_.size() + 1, 0);
            for (std::size_t k = lines_.size(); k-- > 0;) {
                std::string_view b = lines_[k].substr(prefix_length(lines_[k]));
                auto [c2, n2] = fence_at(b);
                std::size_t here = c2 == c && is_blank(b.substr(n2)) ? n2 : 0;
                table[k] = std::max(here, table[k + 1]);
            }
        }
        return from < table.size() ? table[from] : 0;
    }

    const PrepassOptions& options_;
    std::optional<LinkDefinitions> link_defs_;  // built in run(), once the lines are known
    std::vector<std::size_t> closers_backtick_, closers_tilde_;
    Placeholders& placeholders_;
    std::vector<std::string_view> lines_;
    PrepassResult result_;

    bool prev_blank_ = true;
    // The lines since the last blank one began with a tag: cmark may read them as an HTML block,
    // where an escape the span scan adds would show.
    bool in_html_run_ = false;
    std::vector<std::string> footnote_refs_;
    std::vector<std::string> footnote_defs_;
    // Open `markdown="1"` elements: tag name and nesting depth of that tag.
    std::vector<std::pair<std::string, int>> md_html_;
};

PrepassResult Prepass::run() {
    link_defs_.emplace(lines_);
    char fence_char = 0;
    std::size_t fence_len = 0;
    std::string raw_end;  // closing text of a raw region (<!-- -->, <pre>, <script>)
    bool in_list = false;
    bool in_indented = false;
    std::size_t fence_offset = 0;      // for a fence opened inside a list item: its content column
    std::size_t item_content_col = 0;  // the content column of the last list item started

    for (std::size_t i = 0; i < lines_.size(); ++i) {
        std::string_view line = lines_[i];
        std::size_t plen = prefix_length(line);
        std::string_view body = line.substr(plen);

        if (fence_char) {
            auto [c, n] = fence_at(body);
            if (c == fence_char && n >= fence_len && is_blank(body.substr(n))) {
                fence_char = 0;
                emit(line, i);
            } else if (fence_offset > 0 && line.find('>') == std::string_view::npos && line.starts_with('\t')) {
                // In a list item kramdown reads each leading tab as four spaces before it takes
                // away the item's indentation; cmark-gfm uses tab stops.
                std::size_t tabs = line.find_first_not_of('\t');
                if (tabs == std::string_view::npos) tabs = line.size();
                std::string expanded(tabs * 4, ' ');
                if (tabs < line.size()) expanded += line.substr(tabs);
                else expanded = std::string(fence_offset, ' ') + std::string(line);  // white space only: as written
                emit(expanded, i);
            } else if (fence_offset > 0 && is_blank(line) && !line.empty()) {
                // kramdown keeps a white-space-only line as written; cmark-gfm would take the
                // item's indentation from it.
                emit(std::string(fence_offset, ' ') + std::string(line), i);
            } else {
                emit(line, i);
            }
            continue;
        }
        if (!raw_end.empty()) {
            emit(line, i);
            if (contains_ci(line, raw_end)) raw_end.clear();
            continue;
        }
        if (is_blank(line)) {
            emit(line, i);
            prev_blank_ = true;
            in_html_run_ = false;
            continue;
        }
        int indent = indent_columns(line);
        if (trim(body) == "^" && (indent < 4 || in_list) && md_html_.empty()) {
            // kramdown's end-of-block marker: the block above ends here, even where a blank line
            // would not end it (an indented code block, a list, a lazy blockquote line). A marker
            // paragraph of its own does that for cmark; the post-pass drops it.
            Marker m;
            m.kind = MarkerKind::end_of_block;
            emit_blank(line.substr(0, plen), i);
            emit(std::string(line.substr(0, plen)) + marker(std::move(m)), i);
            emit_blank(line.substr(0, plen), i);
            prev_blank_ = true;
            in_indented = false;
            continue;
        }
        if (indent >= 4 && !in_list && (prev_blank_ || in_indented) && md_html_.empty()) {
            in_indented = true;
            emit(line, i);
            prev_blank_ = false;
            continue;
        }
        in_indented = false;
        const bool was_in_list = in_list;
        if (indent < 4) {
            if (std::size_t m = list_marker_length(body)) {
                in_list = true;
                item_content_col = static_cast<std::size_t>(indent) + m;
            }
            else if (footnote_definition_start(body).length) {
                // A footnote definition's indented lines are its content, as a list item's.
                in_list = true;
                item_content_col = 4;
            }
            else if (prev_blank_ && indent == 0 && line[0] != '>') in_list = false;
        }
        if (auto [c, n] = fence_at(body); c) {
            // kramdown's fenced block needs its closing fence; without one the line is text
            // (cmark-gfm would run the block to the end of the document).
            if (longest_closer_after(i + 1, c) < n) {
                std::string escaped(line.substr(0, plen));
                for (std::size_t k = 0; k < n; ++k) (escaped += '\\') += c;
                content_line(i, escaped + std::string(body.substr(n)));
                continue;
            }
            fence_char = c;
            fence_len = n;
            fence_offset = in_list && plen > 0 && line.find('>') == std::string_view::npos ? item_content_col : 0;
            emit(line, i);
            prev_blank_ = false;
            continue;
        }
        if (body.starts_with("<!--") && body.find("-->") == std::string_view::npos) {
            raw_end = "-->";
            emit(line, i);
            prev_blank_ = false;
            continue;
        }
        // Top level only for now: inside list items and quotes the content's indentation rules come first.
        if (options_.html_blocks_span_blank_lines && prev_blank_ && plen == 0 && !in_list && html_element_block(i))
            continue;
        if (options_.html_blocks_span_blank_lines && plen == 0 && !in_list && stray_end_tag(body)) {
            // An end tag starting a block that closes no element is text to kramdown; cmark would
            // take it as HTML (or as part of the HTML block above).
            if (!prev_blank_) emit_blank("", i);
            content_line(i, "&lt;" + std::string(body.substr(1)));
            continue;
        }
        count_html_tags(line);
        for (std::string_view tag : {"pre", "script", "style", "textarea"}) {
            if (body.size() > tag.size() + 1 && body[0] == '<' && starts_with_ci(body.substr(1), tag) &&
                (body[tag.size() + 1] == '>' || is_space(body[tag.size() + 1]))) {
                std::string close = "</" + std::string(tag) + ">";
                if (!contains_ci(body, close)) raw_end = close;
            }
        }
        if (!raw_end.empty()) {
            emit(line, i);
            prev_blank_ = false;
            continue;
        }
        if (indent < 4 && body.starts_with('[') && parse_link_definition(body)) {
            // kramdown's definitions (link_definitions.h): the last of a label wins, a URL may
            // hold spaces.
            if (link_defs_->overridden(i)) {
                emit_blank(line.substr(0, plen), i);
                prev_blank_ = true;
                continue;
            }
            content_line(i, std::string(line.substr(0, plen)) + LinkDefinitions::with_bracketed_url(body));
            // A definition is a block of its own to kramdown: an indented line after it is code
            // (unless it holds the title), where cmark would read one more definition.
            if (i + 1 < lines_.size() && indent_columns(lines_[i + 1]) >= 4 && !is_blank(lines_[i + 1])) {
                const std::string_view next = trim(lines_[i + 1]);
                if (next[0] != '"' && next[0] != '\'' && next[0] != '(') {
                    emit_blank(line.substr(0, plen), i);
                    prev_blank_ = true;
                }
            }
            continue;
        }
        if (const std::size_t paren = indent < 4 ? paren_marker_at(body) : 0) {
            // `1) x` is no list item to kramdown: escaped, cmark keeps it as text too.
            std::string text(line.substr(0, plen + paren));
            text += '\\';
            text += body.substr(paren);
            content_line(i, text);
            continue;
        }
        if (!was_in_list && i > 0 && indent < 4 && ordered_number_above_one(body) && paragraph_text_line(lines_[i - 1]) &&
            quote_depth(lines_[i - 1]) == quote_depth(line)) {
            // kramdown's GFM parser starts a list at any ordered item under a paragraph line;
            // CommonMark only at `1.`. A blank line makes cmark start it too.
            emit_blank(line.substr(0, plen), i);
            prev_blank_ = true;
        }
        if (!in_list && setext_underline_is_text(i)) {
            // Escaped so that cmark reads text: `=` with a backslash, `-` as an entity, because a
            // backslash would keep kramdown's typography from making `---` a dash.
            std::string text(line.substr(0, plen));
            text += body[0] == '-' ? "&#45;" : "\\=";
            text += body.substr(1);
            content_line(i, text);
            continue;
        }
        if (body.find('|') != std::string_view::npos) {
            if (table_block(i, in_list)) continue;
            // Not a kramdown table, so not a GFM one either (a table never interrupts a
            // paragraph in kramdown, and needs a body).
            if (is_gfm_delimiter_row(body)) {
                content_line(i, std::string(line.substr(0, plen)) + escape_delimiter_row(body));
                continue;
            }
        }
        if (!block_line(i)) content_line(i, line);
        // `[^x]:` alone: its content starts a block on the next line, as after a blank line.
        if (indent < 4 && footnote_definition_start(body).empty) prev_blank_ = true;
    }
    // cmark-gfm numbers footnotes by first reference to a defined label; keep that order.
    auto fold = [](std::string s) {
        for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        return s;
    };
    std::vector<std::string> defined;
    for (const auto& d : footnote_defs_) defined.push_back(fold(d));
    std::vector<std::string> seen;
    for (const auto& r : footnote_refs_) {
        std::string f = fold(r);
        if (std::find(defined.begin(), defined.end(), f) == defined.end()) continue;
        if (std::find(seen.begin(), seen.end(), f) != seen.end()) continue;
        seen.push_back(f);
        result_.footnote_labels.push_back(r);
    }
    return std::move(result_);
}

// Whether line i looks like a setext underline (`===`, `---`) to cmark but is paragraph text to
// kramdown: kramdown's setext header is one line right after a block boundary with its underline
// at the container's first column; under a paragraph of several lines, an underline (and `---`,
// which is no paragraph end either) is one more line of text.
bool Prepass::setext_underline_is_text(std::size_t i) const {
    if (i == 0) return false;
    std::string_view line = lines_[i];
    const std::size_t plen = prefix_length(line);
    std::string_view body = line.substr(plen);
    if (body.empty() || (body[0] != '=' && body[0] != '-')) return false;
    const std::size_t run = body.find_first_not_of(body[0]);
    if (run != std::string_view::npos && !is_blank(body.substr(run))) return false;
    // `- ` is a list item to kramdown, which ends the paragraph: cmark and kramdown part there.
    if (body[0] == '-' && run == 1 && body.size() > 1) return false;
    // Only text written in the same container above: quote markers must agree (a lazy line is text
    // to both), and the lines above must be plain paragraph text.
    auto quotes = quote_depth;
    auto plain = paragraph_text_line;
    std::string_view above = lines_[i - 1];
    if (!plain(above) || quotes(above) != quotes(line)) return false;
    const bool one_line = i == 1 || is_blank(lines_[i - 2]);
    if (!one_line) return plain(lines_[i - 2]);
    // One line after a boundary is a header, but only with its underline at the first column.
    return plen > 0 && line[plen - 1] == ' ' && quotes(line) == 0;
}

// kramdown's HTML block: an element that is not a span element, starting a block, runs to its
// own end tag, blank lines included, and (without markdown="…") its content stays raw. cmark-gfm
// ends an HTML block at the first blank line, and the indented lines after it become code. When
// the element's end tag is found and the element holds a blank line, the whole of it becomes one
// raw block here. (Without a blank line cmark reads it the same way already.)
bool Prepass::html_element_block(std::size_t& i) {
    std::string_view first = trim(lines_[i]);
    const std::string name = tag_name(first);
    static constexpr std::string_view span_or_void[] = {
        "a",    "abbr",  "acronym", "b",    "big",  "bdo",   "br",   "button", "cite",  "code",  "del",  "dfn",
        "em",   "i",     "img",     "input", "ins", "kbd",   "label", "mark",  "option", "q",    "rb",   "rbc",
        "rp",   "rt",    "rtc",     "ruby", "samp", "select", "small", "span", "strong", "sub",  "sup",  "tt",
        "u",    "var",   "area",    "base", "col",  "command", "embed", "hr",  "keygen", "link", "meta", "param",
        "source", "track", "wbr"};
    if (name.empty() || std::find(std::begin(span_or_void), std::end(span_or_void), name) != std::end(span_or_void))
        return false;
    const std::string open = "<" + name, close = "</" + name;
    // `what` (`<div` or `</div`, lower case) at `p`, in any case, ending the tag's name.
    auto tag_at = [](std::string_view l, std::size_t p, std::string_view what) {
        if (p + what.size() > l.size()) return false;
        for (std::size_t k = 0; k < what.size(); ++k)
            if (std::tolower(static_cast<unsigned char>(l[p + k])) != what[k]) return false;
        const std::size_t end = p + what.size();
        return end == l.size() || l[end] == '>' || l[end] == '/' || is_space(l[end]);
    };
    // The scan stops after a bounded stretch: an element left open must not make the pre-pass
    // quadratic on hostile input, and no real element is that long.
    constexpr std::size_t max_lines = 2000;
    int depth = 0;
    bool blank = false;
    for (std::size_t j = i; j < lines_.size() && j < i + max_lines; ++j) {
        std::string_view l = lines_[j];
        if (is_blank(l)) {
            blank = true;
            continue;
        }
        // Markdown inside (markdown="1"), placeholders and extensions take other paths.
        if (l.find("markdown=") != std::string_view::npos || l.find(private_use::placeholder_open) != std::string_view::npos ||
            l.find("{::") != std::string_view::npos)
            return false;
        for (std::size_t p = l.find('<'); p != std::string_view::npos; p = l.find('<', p + 1)) {
            if (tag_at(l, p, open)) {
                ++depth;
            } else if (tag_at(l, p, close) && --depth == 0) {
                const std::size_t gt = l.find('>', p);
                if (gt == std::string_view::npos || !is_blank(l.substr(gt + 1)) || !blank) return false;
                std::string raw;
                for (std::size_t k = i; k <= j; ++k) {
                    raw.append(lines_[k]);
                    raw.push_back('\n');
                }
                const std::string token = placeholders_.add_block(ir::Block(ir::RawBlock{"html", std::move(raw)}));
                emit_blank("", i);
                emit(token, i);
                for (std::size_t k = i + 1; k <= j; ++k) emit_blank("", k);
                i = j;
                prev_blank_ = true;
                return true;
            }
        }
        if (depth <= 0) return false;
    }
    return false;
}

// Handles a line that is a kramdown block construct. Returns false for an ordinary line.
bool Prepass::block_line(std::size_t& i) {
    std::string_view line = lines_[i];
    std::size_t plen = prefix_length(line);
    std::string_view prefix = line.substr(0, plen);
    std::string_view body = line.substr(plen);
    std::string_view t = trim(body);

    if (prev_blank_)
        if (std::size_t used = read_abbreviation_definition(lines_, i, plen, result_.markers, result_.abbreviations)) {
            for (std::size_t k = 0; k < used; ++k) emit_blank(prefix, i + k);
            i += used - 1;
            return true;  // prev_blank_ stays: the next line starts a block too
        }
    if (t.starts_with("{:") && t.back() == '}') {
        if (t.starts_with("{::comment") || t.starts_with("{::options")) {
            // kramdown's block extensions: `{::options …/}` and `{::comment …/}` show nothing; a
            // `{::comment}` shows nothing up to a line `{:/comment}` or `{:/}`, and without that
            // line it is text. (kramdown writes the comment as an HTML comment: nothing a reader sees.)
            const bool self_closing = t.ends_with("/}");
            const std::string_view name = t.substr(3, 7);
            const bool name_ends = t.size() > 10 && (t[10] == '}' || t[10] == '/' || is_space(t[10]));
            if (!name_ends) return false;
            std::size_t j = i;
            if (!self_closing) {
                if (name == "options") return false;
                for (j = i + 1; j < lines_.size(); ++j) {
                    const std::string_view c = trim(lines_[j].substr(prefix_length(lines_[j])));
                    if (c == "{:/comment}" || c == "{:/}") break;
                }
                if (j == lines_.size()) return false;
            }
            for (std::size_t k = i; k <= j; ++k) emit("", k);
            i = j;
            prev_blank_ = true;
            return true;
        }
        if (t.starts_with("{::nomarkdown}")) return nomarkdown_block(i, prefix, t);
        if (t.starts_with("{::")) return false;
        std::string_view inner = t.substr(2, t.size() - 3);
        // An ALD (`{:name: …}`) only defines attributes for references: nothing to show.
        std::size_t k = 0;
        while (k < inner.size() && (std::isalnum(static_cast<unsigned char>(inner[k])) || inner[k] == '-' ||
                                    inner[k] == '_'))
            ++k;
        if (k > 0 && k < inner.size() && inner[k] == ':') {
            emit("", i);
            prev_blank_ = true;
            return true;
        }
        Marker m;
        m.kind = MarkerKind::block_ial;
        m.original = std::string(t);
        if (!parse_ial(inner, m.attr, m.refs)) return false;
        m.after_block = !prev_blank_;
        if (m.after_block) emit_blank(prefix, i);
        std::string out(prefix);
        out += marker(std::move(m));
        emit(out, i);
        emit_blank(prefix, i);
        prev_blank_ = true;
        return true;
    }
    if (t.starts_with("{::nomarkdown}")) return nomarkdown_block(i, prefix, t);
    if (t.starts_with("$$") && prev_blank_ && indent_columns(body) < 4 && block_math(i, prefix, body)) return true;

    if (!md_html_.empty() || body.starts_with('<')) {
        if (markdown_html_open(i, prefix, body)) return true;
    }
    if (!md_html_.empty()) {
        // Look for the closing tag of the innermost markdown="1" element on this line.
        auto& [name, depth] = md_html_.back();
        std::string open = "<" + name;
        std::string close = "</" + name + ">";
        std::size_t pos = 0;
        while (pos < body.size()) {
            std::size_t o = body.find(open, pos);
            std::size_t c = body.find(close, pos);
            if (c == std::string_view::npos) break;
            if (o != std::string_view::npos && o < c) {
                ++depth;
                pos = o + open.size();
                continue;
            }
            if (--depth == 0) {
                std::string before(trim(body.substr(0, c)));
                if (!before.empty()) content_line(i, std::string(prefix) + before);
                emit_blank(prefix, i);
                emit(std::string(prefix) + std::string(body.substr(c)), i);
                md_html_.pop_back();
                prev_blank_ = false;
                return true;
            }
            pos = c + close.size();
        }
    }

    // `###` alone is an empty heading to cmark but a paragraph to kramdown.
    if (body.starts_with('#') && plen < 4) {
        std::string_view tb = trim(body);
        if (tb.size() <= 6 && tb.find_first_not_of('#') == std::string_view::npos) {
            content_line(i, std::string(prefix) + "\\" + std::string(tb));
            return true;
        }
    }
    // kramdown (not GFM) reads `#Title` as a heading; cmark needs the space.
    if (options_.input == MarkdownInput::kramdown && prev_blank_ && body.starts_with('#') && plen < 4) {
        std::size_t n = 0;
        while (n < body.size() && body[n] == '#') ++n;
        if (n <= 6 && n < body.size() && !is_space(body[n])) {
            std::string fixed(prefix);
            fixed += body.substr(0, n);
            fixed += ' ';
            fixed += body.substr(n);
            content_line(i, std::move(fixed));
            return true;
        }
    }
    return false;
}

// A kramdown table starting at line i (see kramdown_table.h): its lines are replaced by the
// GFM table cmark-gfm reads into the same rows. Returns false when kramdown makes no table here.
bool Prepass::table_block(std::size_t& i, bool in_list) {
    std::string_view line = lines_[i];
    std::size_t plen = prefix_length(line);
    std::string_view prefix = line.substr(0, plen);
    std::string_view body = line.substr(plen);
    // A list item's content starts at a block boundary of its own: `- save|restore` is a list
    // item holding a one-row table.
    std::size_t marker = indent_columns(line) < 4 ? list_marker_length(body) : 0;
    bool in_item = marker > 0 || (in_list && plen > 0);
    std::string_view first = marker ? body.substr(marker) : body;
    // A block quote's blank line is `>` alone.
    auto blank_body = [&](std::size_t k) { return is_blank(lines_[k].substr(prefix_length(lines_[k]))); };
    if (!marker && !prev_blank_ && !(i > 0 && blank_body(i - 1))) return false;
    // Block constructs kramdown tries before tables.
    std::string_view ft = trim(first);
    std::size_t hashes = ft.find_first_not_of('#');
    if (hashes == std::string_view::npos) hashes = ft.size();
    // kramdown's `#x` is a heading; the GFM parser wants a space (`#11335 fix a|b` is a row).
    bool atx = hashes >= 1 && hashes <= 6 &&
               (options_.input == MarkdownInput::kramdown || hashes == ft.size() || is_space(ft[hashes]));
    if (ft.empty() || atx || ft.starts_with("$$") || ft.starts_with(": ") || ft.starts_with("{:") ||
        list_marker_length(ft) || fence_at(ft).first)
        return false;
    if (ft.starts_with('<') && !ft.starts_with("<code") && std::isalpha(static_cast<unsigned char>(ft.size() > 1 ? ft[1] : ' '))) {
        static constexpr std::string_view span_tags[] = {"a", "img", "span", "em", "strong", "b", "i", "br", "kbd", "sup", "sub", "del", "s", "abbr", "small", "mark", "q"};
        std::string name = tag_name(ft);
        if (std::find(std::begin(span_tags), std::end(span_tags), name) == std::end(span_tags)) return false;
    }
    if (!is_table_line(ft)) return false;
    // The row scan looks ahead for closing backticks and tags; on a huge line (minified HTML)
    // that is quadratic, and no real table row is that long.
    constexpr std::size_t max_row = 16 * 1024;
    if (first.size() > max_row) return false;

    std::vector<std::string_view> rows{first};
    std::size_t j = i + 1;
    for (; j < lines_.size(); ++j) {
        std::string_view l = lines_[j];
        if (is_blank(l)) break;
        std::string_view b = l.substr(prefix_length(l));
        // A separator line may start with `+` (`+ :-: |`), which is no list item here.
        if ((list_marker_length(b) && !is_separator_line(b)) || !is_table_line(b)) break;
        if (b.size() > max_row) return false;
        rows.push_back(b);
    }
    // kramdown's before_block_boundary?: a blank line, an IAL, the end-of-block marker, the end
    // of the text, or (inside a list item) the next item.
    if (j < lines_.size() && !blank_body(j)) {
        std::string_view b = trim(lines_[j].substr(prefix_length(lines_[j])));
        bool boundary = b.starts_with("{:") || b == "^" || (in_item && list_marker_length(b));
        if (!boundary) return false;
    }
    std::optional<KramdownTable> table = read_kramdown_table(rows);
    if (!table) return false;

    std::vector<std::string> gfm = gfm_rows(*table);
    std::string lead(prefix), cont(prefix);
    if (marker) {
        lead += body.substr(0, marker);
        cont += std::string(marker, ' ');
    }
    for (std::size_t k = 0; k < gfm.size(); ++k) {
        std::size_t src = std::min(i + (k == 0 ? 0 : k - 1), j - 1);
        content_line(src, (k == 0 ? lead : cont) + gfm[k]);
    }
    i = j - 1;
    return true;
}

bool Prepass::block_math(std::size_t& i, std::string_view prefix, std::string_view body) {
    // Find the closing `$$`: at the end of this line or of a later one in the same block.
    std::string tex;
    std::size_t j = i;
    std::string_view cur = body.substr(2);
    while (true) {
        std::size_t close = cur.find("$$");
        if (close != std::string_view::npos) {
            if (!is_blank(cur.substr(close + 2))) return false;  // `$$ a $$ text`: inline math
            tex.append(cur.substr(0, close));
            break;
        }
        tex.append(cur);
        tex.push_back('\n');
        if (j + 1 >= lines_.size() || is_blank(lines_[j + 1])) return false;
        ++j;
        cur = lines_[j].substr(prefix_length(lines_[j]));
    }
    // kramdown wants a block boundary after it, too: a blank line, an IAL (which then belongs to
    // the math) or the end-of-block marker.
    if (j + 1 < lines_.size() && !is_blank(lines_[j + 1])) {
        const std::string_view next = trim(lines_[j + 1].substr(prefix_length(lines_[j + 1])));
        if (!next.starts_with("{:") && next != "^") return false;
    }
    std::string_view stripped = trim(tex);
    ir::Paragraph para;
    para.children.push_back(ir::Math{true, std::string(trim(stripped))});
    std::string token = placeholders_.add_block(ir::Block(std::move(para)));
    emit_blank(prefix, i);
    emit(std::string(prefix) + token, i);
    for (std::size_t k = i + 1; k <= j; ++k) emit_blank(prefix, k);
    i = j;
    // Not blank: an IAL on the next line attaches to the math above.
    prev_blank_ = false;
    return true;
}

bool Prepass::nomarkdown_block(std::size_t& i, std::string_view prefix, std::string_view t) {
    std::string raw;
    std::string_view cur = t.substr(14);
    std::size_t j = i;
    while (true) {
        std::size_t end = cur.find("{:/");
        if (end != std::string_view::npos) {
            raw.append(cur.substr(0, end));
            std::size_t close = cur.find('}', end);
            std::string_view after = close == std::string_view::npos ? "" : cur.substr(close + 1);
            if (!is_blank(after)) return false;  // text after the close: leave it to the span scan
            break;
        }
        raw.append(cur);
        raw.push_back('\n');
        if (j + 1 >= lines_.size()) break;
        cur = lines_[++j];
    }
    std::string_view body = trim(raw);
    while (!body.empty() && body.front() == '\n') body.remove_prefix(1);
    std::string text(body);
    if (!text.empty() && text.back() != '\n') text.push_back('\n');
    std::string token = placeholders_.add_block(ir::Block(ir::RawBlock{"html", std::move(text)}));
    emit_blank(prefix, i);
    emit(std::string(prefix) + token, i);
    emit_blank(prefix, j);
    for (std::size_t k = i + 1; k < j; ++k) emit_blank(prefix, k);
    i = j;
    prev_blank_ = true;
    return true;
}

// `<div markdown="1">`: drop the attribute and set the tag apart with blank lines so that cmark
// ends its HTML block there and parses what follows as Markdown.
bool Prepass::markdown_html_open(std::size_t i, std::string_view prefix, std::string_view body) {
    std::string name = tag_name(body);
    if (name.empty()) return false;
    std::size_t gt = body.find('>');
    if (gt == std::string_view::npos) return false;
    std::string_view tag = body.substr(0, gt + 1);
    std::size_t attr = std::string_view::npos;
    std::size_t attr_len = 0;
    // `block` and `span` parse the content too (as blocks here: a span-level content comes out
    // wrapped in a paragraph, which shows the same text).
    for (std::string_view form : {" markdown=\"1\"", " markdown='1'", " markdown=1", " markdown=\"block\"",
                                  " markdown='block'", " markdown=block", " markdown=\"span\"", " markdown='span'",
                                  " markdown=span"}) {
        attr = tag.find(form);
        if (attr != std::string_view::npos) {
            attr_len = form.size();
            break;
        }
    }
    if (attr == std::string_view::npos) {
        if (!md_html_.empty() && md_html_.back().first == name) ++md_html_.back().second;
        return false;
    }
    std::string open(prefix);
    open += tag.substr(0, attr);
    open += tag.substr(attr + attr_len);
    emit(open, i);
    emit_blank(prefix, i);
    md_html_.emplace_back(name, 1);
    prev_blank_ = true;
    std::string_view rest = trim(body.substr(gt + 1));
    // The content on the tag's line is set apart from the tag: its indentation (the tag's, inside
    // an HTML block) must not make it an indented code block.
    std::string quotes;
    for (char q : prefix)
        if (q == '>') quotes += q;
    prefix = quotes;
    if (!rest.empty()) {
        std::size_t dummy = i;
        // The rest of the line may hold the closing tag too: run it through the usual path.
        std::string_view close = rest;
        std::string close_tag = "</" + name + ">";
        std::size_t c = close.find(close_tag);
        if (c != std::string_view::npos) {
            std::string before(trim(close.substr(0, c)));
            if (!before.empty()) content_line(dummy, std::string(prefix) + before);
            emit_blank(prefix, i);
            emit(std::string(prefix) + std::string(close.substr(c)), i);
            md_html_.pop_back();
            prev_blank_ = false;
        } else {
            content_line(dummy, std::string(prefix) + std::string(rest));
        }
    }
    return true;
}

// The span-level scan of one line: code spans are skipped; `$$…$$`, span IALs, `{#id}` and
// inline `{::nomarkdown}` / `{::comment}` are replaced. A `$$` or extension left open on this
// line may close on a later line of the same paragraph; those lines are then consumed.
void Prepass::inline_line(std::size_t& i, std::string line) {
    std::string out;
    out.reserve(line.size());
    std::size_t p = 0;
    std::size_t plen = prefix_length(line);
    std::size_t content_start = plen + list_marker_length(std::string_view(line).substr(plen));
    bool changed = false;
    bool lone_backslash_end = false;
    const DelimiterHider emphasis(line, content_start);

    // `{#id}` at the end of the line: a header id (restored as text if it is not in a heading).
    std::string_view id;
    std::size_t id_pos = header_id_at_end(line, id);
    std::size_t scan_end = id_pos == std::string_view::npos ? line.size() : id_pos;

    while (p < scan_end) {
        char c = line[p];
        if (c == '\\' && p + 1 < scan_end) {
            // `\$$ x $$` at the start of a block is kramdown's way to force inline math.
            if (p == content_start && line.compare(p + 1, 2, "$$") == 0) {
                ++p;
                changed = true;
                continue;
            }
            // An escaped character is literal to kramdown's typography too (`\'` is no curly quote,
            // `\<<` no «), but cmark drops the backslash: a mark keeps the difference for the post-pass.
            if (escapes_typography(line, p + 1)) out += literal_mark;
            // CommonMark escapes any ASCII punctuation; kramdown only its own set, and keeps the
            // backslash of any other (`\&`, `\/`, `\%`): escape the backslash itself for cmark.
            if (!kramdown_escapable(line[p + 1], options_.input)) out += '\\';
            out.append(line, p, 2);
            p += 2;
            continue;
        }
        if (c == '\\' && p + 1 == line.size() && !in_html_run_) {
            // A lone backslash at the end of a line is text to kramdown, a hard break to cmark.
            out += "\\\\";
            ++p;
            lone_backslash_end = true;
            continue;
        }
        if (c == '<' && !in_html_run_) {
            // kramdown's e-mail autolink (`<a@b.c>`, `<mailto:a@b.c>`) takes any letters, where
            // cmark takes ASCII only; its text never shows `mailto:`.
            if (auto email = email_autolink(std::string_view(line).substr(p, scan_end - p))) {
                const std::string_view address = std::string_view(email->first).substr(email->first.starts_with("mailto:") ? 7 : 0);
                ir::Link link;
                link.url = "mailto:" + std::string(address);
                link.children.push_back(ir::Inline(ir::Text{std::string(address)}));
                out += placeholders_.add_inline(ir::Inline(std::move(link)));
                p += email->second;
                changed = true;
                continue;
            }
        }
        if (c == '<' && p + 1 < scan_end && line[p + 1] == '?' && !in_html_run_) {
            // kramdown's HTML parser knows no processing instructions: `<? … ?>` is text.
            out += "&lt;?";
            p += 2;
            continue;
        }
        if (c == '<' && p + 1 < scan_end && line[p + 1] == '<' && !in_html_run_) {
            // `<<` is kramdown's «, but `<<b>>` would be an HTML tag to cmark: escape it.
            out += "\\<\\<";
            p += 2;
            continue;
        }
        if (c == ']' && p + 1 < scan_end && is_space(line[p + 1]) && closes_link_text(line, p)) {
            // `[text] [label]`: one reference link to kramdown when the label is defined.
            std::size_t q = p + 1;
            while (q < scan_end && is_space(line[q])) ++q;
            const std::size_t close = q < scan_end && line[q] == '[' ? line.find(']', q + 1) : std::string::npos;
            if (close != std::string::npos && close < scan_end && close > q + 1 &&
                line.find('[', q + 1) > close && link_defs_->defined(std::string_view(line).substr(q + 1, close - q - 1))) {
                out += ']';
                p = q;
                changed = true;
                continue;
            }
        }
        if (c == '`') {
            std::size_t n = 0;
            while (p + n < scan_end && line[p + n] == '`') ++n;
            if (n == 1 && !in_html_run_ && (p <= content_start || is_space(line[p - 1])) &&
                (p + 1 == line.size() || is_space(line[p + 1]))) {
                // A lone backtick between white space is text to kramdown, not a code span's start.
                out += "\\`";
                ++p;
                continue;
            }
            std::string run(n, '`');
            std::size_t close = line.find(run, p + n);
            while (close != std::string::npos && close + n < line.size() && line[close + n] == '`')
                close = line.find(run, close + n + 1);
            if (close == std::string::npos || close >= scan_end) {
                out.append(line, p, n);
                p += n;
                continue;
            }
            out.append(line, p, close + n - p);
            p = close + n;
            continue;
        }
        if (c == '$' && p + 1 < scan_end && line[p + 1] == '$') {
            std::size_t close = line.find("$$", p + 2);
            // Inline math may run over several lines of the paragraph.
            while (close == std::string::npos && i + 1 < lines_.size() && !is_blank(lines_[i + 1]) &&
                   !ends_paragraph(lines_[i + 1])) {
                std::size_t at = line.size();
                line += '\n';
                line += lines_[++i];
                scan_end = line.size();
                id_pos = std::string_view::npos;
                close = line.find("$$", at);
            }
            if (close != std::string::npos && close > p + 2) {
                std::string tex(trim(std::string_view(line).substr(p + 2, close - p - 2)));
                out += placeholders_.add_inline(ir::Math{false, std::move(tex)});
                p = close + 2;
                changed = true;
                continue;
            }
            out.append(line, p, 2);
            p += 2;
            continue;
        }
        if (c == '[' && p + 1 < scan_end && line[p + 1] == '^') {
            std::size_t close = line.find(']', p + 2);
            if (close != std::string::npos && close > p + 2) {
                std::string label = line.substr(p + 2, close - p - 2);
                bool definition = p == plen && close + 1 < line.size() && line[close + 1] == ':';
                (definition ? footnote_defs_ : footnote_refs_).push_back(std::move(label));
            }
        }
        if (c == '{' && p + 1 < scan_end && line[p + 1] == ':') {
            std::string_view rest = std::string_view(line).substr(p);
            if (std::size_t open_end = nomarkdown_open_end(rest)) {
                // EXT_START_STR: `{::nomarkdown}`, with options (`type="html"`) or self-closing `/}`.
                std::string_view opts = rest.substr(13, open_end - 1 - 13);
                if (opts.ends_with('/')) {
                    p += open_end;
                    changed = true;
                    continue;
                }
                std::size_t end = rest.find("{:/", open_end);
                if (end != std::string_view::npos) {
                    std::size_t close = rest.find('}', end);
                    if (close != std::string_view::npos) {
                        // convert_raw: the html converter shows it when `type` is empty or names html.
                        if (nomarkdown_for_html(opts))
                            out += placeholders_.add_inline(
                                ir::RawInline{"html", std::string(rest.substr(open_end, end - open_end))});
                        p += close + 1;
                        changed = true;
                        continue;
                    }
                }
            } else if (rest.starts_with("{::comment/}")) {
                p += 12;
                changed = true;
                continue;
            } else if (rest.starts_with("{::comment}")) {
                // Closed by `{:/}` or `{:/comment}` (another `{:/x}` is part of the comment);
                // unclosed, it is text.
                const std::size_t a = rest.find("{:/}"), b = rest.find("{:/comment}");
                const std::size_t end = std::min(a, b);
                if (end != std::string_view::npos) {
                    p += end + (end == a ? 4 : 11);
                    changed = true;
                    continue;
                }
            } else if (!rest.starts_with("{::") && !rest.starts_with("{:/")) {
                std::size_t close = rest.find('}');
                if (close != std::string_view::npos) {
                    Marker m;
                    m.kind = MarkerKind::span_ial;
                    m.original = std::string(rest.substr(0, close + 1));
                    if (parse_ial(rest.substr(2, close - 2), m.attr, m.refs)) {
                        out += marker(std::move(m));
                        p += close + 1;
                        changed = true;
                        continue;
                    }
                }
            }
        }
        if (std::size_t n = emphasis.at(line, p, out)) {
            p += n;
            continue;
        }
        out.push_back(c);
        ++p;
    }
    if (id_pos != std::string_view::npos) {
        Marker m;
        m.kind = MarkerKind::header_id;
        m.attr.id = std::string(id);
        m.original = std::string(trim(std::string_view(line).substr(id_pos)));
        if (std::string_view(line).substr(plen).starts_with('#')) {
            // An ATX heading's closing hashes come before its id (`## Title ## {#id}`); cmark
            // would only drop them at the end of the line.
            std::size_t end = out.find_last_not_of(" \t");
            std::size_t hashes = end == std::string::npos ? 0 : end + 1;
            while (hashes > 0 && out[hashes - 1] == '#') --hashes;
            if (end != std::string::npos && hashes <= end && hashes > 0 && (out[hashes - 1] == ' ' || out[hashes - 1] == '\t'))
                out.resize(hashes);
        }
        out += marker(std::move(m));
        changed = true;
    }
    (void)changed;
    // kramdown's other line break: `\\` right before the newline, inside a paragraph (a last line's
    // `\\` is an escaped backslash, as in cmark). cmark's spelling is two trailing spaces.
    if (!lone_backslash_end && out.ends_with("\\\\") && !in_html_run_ && i + 1 < lines_.size() && !is_blank(lines_[i + 1])) {
        std::size_t n = 0;
        while (n < out.size() && out[out.size() - 1 - n] == '\\') ++n;
        if (n % 2 == 0) {
            out.resize(out.size() - 2);
            out += "  ";
        }
    }
    // A line joined from several (multi-line math) keeps its newlines; map them all to line i.
    std::size_t start = 0;
    while (true) {
        std::size_t nl = out.find('\n', start);
        if (nl == std::string::npos) {
            emit(std::string_view(out).substr(start), i);
            break;
        }
        emit(std::string_view(out).substr(start, nl - start), i);
        start = nl + 1;
    }
    prev_blank_ = false;
}

}  // namespace

bool parse_ial(std::string_view inner, ir::Attr& attr, std::vector<std::string>& refs) {
    std::size_t p = 0;
    // kramdown allows a closing colon: `{: .a :}`.
    std::string_view s = trim(inner);
    if (s.ends_with(':')) s.remove_suffix(1);
    auto ident_char = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ||
               static_cast<unsigned char>(c) >= 0x80;
    };
    while (p < s.size()) {
        char c = s[p];
        if (is_space(c)) {
            ++p;
            continue;
        }
        if (c == '.' || c == '#') {
            char kind = c;
            ++p;
            std::size_t start = p;
            while (p < s.size() && (ident_char(s[p]) || s[p] == ':' || (kind == '#' && s[p] == '.'))) ++p;
            if (p == start) return false;
            std::string value(s.substr(start, p - start));
            if (kind == '.') attr.classes.push_back(std::move(value));
            else attr.id = std::move(value);
            continue;  // `.a.b`: the next `.` starts the next class
        }
        std::size_t start = p;
        while (p < s.size() && (ident_char(s[p]) || s[p] == ':')) ++p;
        if (p == start) return false;
        std::string key(s.substr(start, p - start));
        if (p < s.size() && s[p] == '=') {
            ++p;
            std::string value;
            if (p < s.size() && (s[p] == '"' || s[p] == '\'')) {
                char q = s[p++];
                std::size_t end = s.find(q, p);
                if (end == std::string_view::npos) return false;
                value = std::string(s.substr(p, end - p));
                p = end + 1;
            } else {
                std::size_t vs = p;
                while (p < s.size() && !is_space(s[p])) ++p;
                value = std::string(s.substr(vs, p - vs));
            }
            if (key == "class") {
                std::size_t b = 0;
                while (b < value.size()) {
                    std::size_t e = value.find(' ', b);
                    if (e == std::string::npos) e = value.size();
                    if (e > b) attr.classes.push_back(value.substr(b, e - b));
                    b = e + 1;
                }
            } else if (key == "id" && !value.empty()) {
                attr.id = value;
            } else {
                attr.attributes.emplace_back(std::move(key), std::move(value));
            }
        } else {
            refs.push_back(std::move(key));
        }
    }
    return true;
}

PrepassResult kramdown_prepass(std::string_view text, const PrepassOptions& options, Placeholders& placeholders) {
    // Definition lists first: their definitions become list items whose text the pass below
    // treats like any other list item's.
    std::optional<DefinitionListText> dl = rewrite_definition_lists(text, options.input == MarkdownInput::gfm);
    if (!dl) return Prepass(text, options, placeholders).run();
    PrepassResult result = Prepass(dl->text, options, placeholders).run();
    for (int& line : result.line_map) line = static_cast<int>(dl->source_line.at(static_cast<std::size_t>(line - 1))) + 1;
    return result;
}

}  // namespace blogconv::readers::markdown
