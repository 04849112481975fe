#include "readers/markdown/kramdown_table.h"

#include <algorithm>
#include <cctype>

namespace blogconv::readers::markdown {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && (is_space(s.front()) || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (is_space(s.back()) || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// Only characters of `allowed`, and at least one `required`.
bool only_chars(std::string_view s, std::string_view allowed, char required) {
    bool seen = false;
    for (char c : s) {
        if (allowed.find(c) == std::string_view::npos) return false;
        if (c == required) seen = true;
    }
    return seen;
}

bool is_footer_separator_line(std::string_view body) { return only_chars(trim(body), "+|: \t=", '='); }

// Length of the code span (backtick run ... same run) starting at `p`, or 0 when it has no end
// on this line.
std::size_t code_span_at(std::string_view s, std::size_t p) {
    std::size_t n = 0;
    while (p + n < s.size() && s[p + n] == '`') ++n;
    std::size_t q = p + n;
    while (q < s.size()) {
        std::size_t close = s.find('`', q);
        if (close == std::string_view::npos) return 0;
        std::size_t m = 0;
        while (close + m < s.size() && s[close + m] == '`') ++m;
        if (m == n) return close + m - p;
        q = close + m;
    }
    return 0;
}

// Length of an HTML `<code …>…</code>` element starting at `p`, or 0.
std::size_t code_element_at(std::string_view s, std::size_t p) {
    if (s.compare(p, 5, "<code") != 0 || p + 5 >= s.size() || (s[p + 5] != '>' && !is_space(s[p + 5]))) return 0;
    std::size_t close = s.find("</code>", p);
    return close == std::string_view::npos ? 0 : close + 7 - p;
}

// kramdown's row split: cells at unescaped pipes, code spans and <code> elements kept whole,
// `\|` becoming `|`. Each cell keeps its text as kramdown parses it afterwards.
std::vector<std::string> split_cells(std::string_view row) {
    std::vector<std::string> cells(1);
    std::size_t p = 0;
    while (p < row.size()) {
        char c = row[p];
        if (c == '\\' && p + 1 < row.size()) {
            if (row[p + 1] == '|') cells.back() += '|';
            else cells.back().append(row.substr(p, 2));
            p += 2;
            continue;
        }
        std::size_t span = c == '`' ? code_span_at(row, p) : c == '<' ? code_element_at(row, p) : 0;
        if (span) {
            cells.back().append(row.substr(p, span));
            p += span;
            continue;
        }
        if (c == '`') {  // an unclosed run is text
            while (p < row.size() && row[p] == '`') cells.back() += row[p++];
            continue;
        }
        if (c == '|') {
            cells.emplace_back();
        } else {
            cells.back() += c;
        }
        ++p;
    }
    return cells;
}

// Length of an HTML element (start tag to its matching end tag on this line) starting at `p`,
// or of the lone tag when it has no end tag here; 0 when `p` starts no tag.
std::size_t html_element_at(std::string_view s, std::size_t p) {
    if (p + 1 >= s.size() || s[p] != '<' || !std::isalpha(static_cast<unsigned char>(s[p + 1]))) return 0;
    std::size_t q = p + 1;
    while (q < s.size() && (std::isalnum(static_cast<unsigned char>(s[q])) || s[q] == '-')) ++q;
    std::string name(s.substr(p + 1, q - p - 1));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::size_t tag_end = s.find('>', q);
    if (tag_end == std::string_view::npos) return 0;
    if (s[tag_end - 1] == '/') return tag_end + 1 - p;
    std::string open = "<" + name, close = "</" + name + ">";
    int depth = 1;
    for (std::size_t r = tag_end + 1; r < s.size();) {
        std::size_t o = s.find(open, r), c = s.find(close, r);
        if (c == std::string_view::npos) break;
        if (o != std::string_view::npos && o < c) {
            ++depth;
            r = o + open.size();
            continue;
        }
        if (--depth == 0) return c + close.size() - p;
        r = c + close.size();
    }
    return tag_end + 1 - p;
}

// kramdown believes a table line only if it has a pipe outside code spans and HTML elements
// (`5.<a id="x">[a | b](url)</a>` is a paragraph).
bool pipe_outside_code_and_html(std::string_view s) {
    for (std::size_t p = 0; p < s.size();) {
        char c = s[p];
        if (c == '\\') {
            p += 2;
            continue;
        }
        std::size_t span = c == '`' ? code_span_at(s, p) : c == '<' ? html_element_at(s, p) : 0;
        if (span) {
            p += span;
            continue;
        }
        if (c == '|') return true;
        ++p;
    }
    return false;
}

// One alignment per run of dashes in a separator line (kramdown's TABLE_HSEP_ALIGN).
std::vector<ir::Alignment> alignments_of(std::string_view sep) {
    std::vector<ir::Alignment> out;
    for (std::size_t p = 0; p < sep.size();) {
        if (sep[p] != '-') {
            ++p;
            continue;
        }
        std::size_t q = p;
        while (q < sep.size() && sep[q] == '-') ++q;
        bool left = p > 0 && sep[p - 1] == ':';
        bool right = q < sep.size() && sep[q] == ':';
        out.push_back(left && right ? ir::Alignment::center
                      : right       ? ir::Alignment::right
                      : left        ? ir::Alignment::left
                                    : ir::Alignment::none);
        p = q;
    }
    return out;
}

// A cell for a GFM row: cmark-gfm splits at every `|` (code spans included) and unescapes `\|`.
std::string gfm_cell(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '|') out += '\\';
        out += c;
    }
    return out;
}

std::string gfm_row(const std::vector<std::string>& cells, std::size_t columns) {
    std::string out = "|";
    for (std::size_t c = 0; c < columns; ++c) {
        out += ' ';
        if (c < cells.size()) out += gfm_cell(cells[c]);
        out += " |";
    }
    return out;
}

}  // namespace

bool is_separator_line(std::string_view body) { return only_chars(trim(body), "+|: \t-", '-'); }

bool is_table_line(std::string_view body) {
    if (!body.empty() && body[0] == '|') return true;
    for (std::size_t p = 1; p < body.size(); ++p)
        if (body[p] == '|' && body[p - 1] != '\\') return true;
    return false;
}

bool is_gfm_delimiter_row(std::string_view body) {
    std::string_view t = trim(body);
    if (t.find('|') == std::string_view::npos) return false;
    if (t.front() == '|') t.remove_prefix(1);
    if (!t.empty() && t.back() == '|') t.remove_suffix(1);
    if (t.empty()) return false;
    std::size_t start = 0;
    while (true) {
        std::size_t bar = t.find('|', start);
        std::string_view cell = trim(t.substr(start, bar == std::string_view::npos ? bar : bar - start));
        if (!cell.empty() && cell.front() == ':') cell.remove_prefix(1);
        if (!cell.empty() && cell.back() == ':') cell.remove_suffix(1);
        if (cell.empty() || cell.find_first_not_of('-') != std::string_view::npos) return false;
        if (bar == std::string_view::npos) return true;
        start = bar + 1;
    }
}

std::string escape_delimiter_row(std::string_view body) {
    std::string out(body);
    std::size_t bar = out.find('|');
    if (bar != std::string::npos) out.insert(bar, 1, '\\');
    return out;
}

std::optional<KramdownTable> read_kramdown_table(const std::vector<std::string_view>& lines) {
    if (lines.empty()) return std::nullopt;
    KramdownTable table;
    bool leading_pipe = !trim(lines.front()).empty() && trim(lines.front()).front() == '|';
    bool has_alignment = false, has_footer = false;
    std::size_t rows_before_footer = 0;
    for (std::string_view line : lines) {
        if (is_separator_line(line)) {
            // The first separator after some rows closes the header; later ones only split
            // bodies, which the IR does not keep apart.
            if (!table.rows.empty() && !has_alignment && !has_footer) {
                has_alignment = true;
                table.head_rows = table.rows.size();
                table.alignments = alignments_of(trim(line));
            }
            continue;
        }
        if (is_footer_separator_line(line)) {
            has_footer = true;
            continue;
        }
        // kramdown checks that every line has a pipe outside code before it believes the table.
        if (!pipe_outside_code_and_html(line)) return std::nullopt;
        std::vector<std::string> cells = split_cells(trim(line));
        for (auto& c : cells) c = std::string(trim(c));
        if (leading_pipe && !cells.empty() && cells.front().empty()) cells.erase(cells.begin());
        if (!cells.empty() && cells.back().empty()) cells.pop_back();
        if (!has_footer) ++rows_before_footer;
        table.columns = std::max(table.columns, cells.size());
        table.rows.push_back(std::move(cells));
    }
    // Rows after the header and before a footer are the body. "Found table without body":
    // kramdown ignores such a table and its lines stay paragraph text.
    if (rows_before_footer <= table.head_rows || table.columns == 0) return std::nullopt;
    table.alignments.resize(table.columns, ir::Alignment::none);
    return table;
}

std::vector<std::string> gfm_rows(const KramdownTable& table) {
    std::vector<std::string> out;
    std::size_t first_body = 0;
    if (table.head_rows > 0) {
        out.push_back(gfm_row(table.rows[0], table.columns));
        first_body = 1;  // further header rows (rare) read as body rows: GFM has one header row
    } else {
        out.push_back(gfm_row({std::string(headless_marker)}, table.columns));
    }
    std::string delimiter = "|";
    for (ir::Alignment a : table.alignments) {
        delimiter += a == ir::Alignment::left     ? " :-- |"
                     : a == ir::Alignment::right  ? " --: |"
                     : a == ir::Alignment::center ? " :-: |"
                                                  : " --- |";
    }
    out.push_back(std::move(delimiter));
    for (std::size_t r = first_body; r < table.rows.size(); ++r) out.push_back(gfm_row(table.rows[r], table.columns));
    return out;
}

bool is_headless_row(const ir::TableRow& row) {
    // A header row without any text (how the Markdown writer gives cmark-gfm a table that has
    // no header) is no header either.
    if (std::all_of(row.begin(), row.end(), [](const ir::TableCell& c) { return c.children.empty(); })) return true;
    if (row[0].children.size() != 1) return false;
    const auto* text = std::get_if<ir::Text>(&row[0].children[0].node);
    return text && text->text == headless_marker;
}

}  // namespace blogconv::readers::markdown
