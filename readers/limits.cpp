#include "readers/limits.h"

#include <utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace blogconv::readers {

namespace {

ir::Diagnostic error_at(ir::DiagnosticCode code, const std::string& path, int line, int col, std::string message) {
    return ir::Diagnostic(code, ir::Severity::error, path, line, col, std::move(message));
}

std::string hex_byte(unsigned char b) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", b);
    return buf;
}

// 1-based line and column (in bytes) of `offset`.
std::pair<int, int> line_col(std::string_view text, std::size_t offset) {
    std::size_t line_start = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(line_start), '\n'));
    return {line, static_cast<int>(offset - line_start) + 1};
}

bool is_list_marker(std::string_view s, std::size_t& i) {
    std::size_t j = i;
    if (j < s.size() && (s[j] == '-' || s[j] == '*' || s[j] == '+')) {
        ++j;
    } else {
        std::size_t digits = 0;
        while (j < s.size() && digits < 10 && s[j] >= '0' && s[j] <= '9') ++j, ++digits;
        if (digits == 0 || j >= s.size() || (s[j] != '.' && s[j] != ')')) return false;
        ++j;
    }
    // A marker is followed by white space or ends the line ("-" alone opens an empty item).
    if (j < s.size() && s[j] != ' ' && s[j] != '\t') return false;
    i = j;
    return true;
}

bool is_name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':';
}

// Elements that never hold others (void), or whose end tag HTML lets authors leave out: counting
// them would take a page of unclosed <p> for deep nesting.
bool uncounted_element(std::string_view name) {
    static const char* const names[] = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                                        "param", "source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td",
                                        "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup",
                                        "rp", "rt", "caption", "html", "head", "body", "!doctype"};
    for (const char* n : names) {
        std::string_view v(n);
        if (v.size() == name.size() &&
            std::equal(v.begin(), v.end(), name.begin(), [](char a, char b) {
                return a == std::tolower(static_cast<unsigned char>(b));
            }))
            return true;
    }
    return false;
}

bool liquid_block_tag(std::string_view name) {
    static const char* const names[] = {"if", "unless", "for", "case", "capture", "tablerow", "comment", "raw",
                                        "highlight"};
    for (const char* n : names)
        if (name == n) return true;
    return false;
}

// The offset of the first byte that is not valid UTF-8, or text.size(). utfcpp decodes code point
// by code point; posts are mostly ASCII, which is skipped here a word at a time, and only the
// runs of non-ASCII bytes go to utfcpp. That is exact: every byte of a multi-byte sequence is
// >= 0x80, so no sequence spans an ASCII byte and each run is valid or not on its own.
std::size_t find_invalid_utf8(std::string_view text) {
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
        while (end - p >= 8) {
            std::uint64_t word;
            std::memcpy(&word, p, 8);
            if (word & 0x8080808080808080ull) break;
            p += 8;
        }
        while (p < end && static_cast<unsigned char>(*p) < 0x80) ++p;
        if (p == end) break;
        const char* run_end = p;
        while (run_end < end && static_cast<unsigned char>(*run_end) >= 0x80) ++run_end;
        const char* bad = utf8::find_invalid(p, run_end);
        if (bad != run_end) return static_cast<std::size_t>(bad - text.data());
        p = run_end;
    }
    return text.size();
}

}  // namespace

MarkupNesting estimate_markup_nesting(std::string_view s) {
    MarkupNesting deepest;
    int liquid = 0, html = 0;
    auto note = [&](int depth, std::size_t at, const char* what) {
        if (depth > deepest.depth) deepest = {depth, at, what};
    };
    // `<x>` in code (a fenced block, a `{% highlight %}` block, a code span) is text, never an
    // element: a C++ post with a hundred `#include <x>` lines nests nothing. Liquid still runs
    // inside code, so its tags are counted there.
    char fence = 0;
    std::size_t fence_length = 0;
    bool highlight = false;
    std::size_t span_end = 0;  // the end of the code span the scan is in
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i == 0 || s[i - 1] == '\n') {
            std::size_t j = i;
            while (j < s.size() && (s[j] == ' ' || s[j] == '\t')) ++j;
            if (j < s.size() && (s[j] == '`' || s[j] == '~')) {
                std::size_t k = j;
                while (k < s.size() && s[k] == s[j]) ++k;
                if (k - j >= 3) {
                    if (!fence) {
                        fence = s[j];
                        fence_length = k - j;
                    } else if (s[j] == fence && k - j >= fence_length) {
                        fence = 0;
                    }
                    i = k - 1;  // the fence's backticks open no code span
                    continue;
                }
            }
        }
        if (s[i] == '`' && !fence && !highlight && i >= span_end) {
            // A code span: the same run of backticks closes it, looked for only a little way
            // ahead and within the paragraph, so that the scan stays linear.
            std::size_t k = i;
            while (k < s.size() && s[k] == '`') ++k;
            const std::string_view run = s.substr(i, k - i);
            const std::string_view window = s.substr(k, 4096);
            std::size_t close = window.find(run);
            if (close != std::string_view::npos && window.substr(0, close).find("\n\n") == std::string_view::npos)
                span_end = k + close + run.size();
            i = k - 1;
            continue;
        }
        if (s[i] == '{' && i + 1 < s.size() && (s[i + 1] == '%' || s[i + 1] == '{')) {
            const bool tag = s[i + 1] == '%';
            std::size_t end = s.find(tag ? "%}" : "}}", i + 2);
            if (end == std::string_view::npos) end = s.size();
            int parens = 0;
            for (std::size_t j = i + 2; j < end; ++j) {
                if (s[j] == '(') note(++parens, j, "parentheses");
                else if (s[j] == ')' && parens > 0) --parens;
            }
            if (tag) {
                std::size_t j = i + 2;
                while (j < end && (s[j] == '-' || std::isspace(static_cast<unsigned char>(s[j])))) ++j;
                std::size_t k = j;
                while (k < end && std::isalpha(static_cast<unsigned char>(s[k]))) ++k;
                std::string_view name = s.substr(j, k - j);
                if (name == "highlight") highlight = true;
                if (name == "endhighlight") highlight = false;
                if (name.starts_with("end")) {
                    if (liquid > 0) --liquid;
                } else if (liquid_block_tag(name)) {
                    note(++liquid, i, "Liquid tags");
                }
            }
            i = end == s.size() ? end : end + 1;
            continue;
        }
        if (s[i] == '<' && i + 1 < s.size() && !fence && !highlight && i >= span_end) {
            const bool closing = s[i + 1] == '/';
            std::size_t j = i + (closing ? 2 : 1);
            std::size_t k = j;
            while (k < s.size() && (is_name_char(s[k]) || (k == j && s[k] == '!'))) ++k;
            if (k == j) continue;
            // A name starts with a letter (after the `!` of <!doctype>); "<!--", "a < b" are no tags.
            std::size_t first = s[j] == '!' ? j + 1 : j;
            if (first >= k || !std::isalpha(static_cast<unsigned char>(s[first]))) continue;
            std::string_view name = s.substr(j, k - j);
            if (uncounted_element(name)) continue;
            if (closing) {
                if (html > 0) --html;
                continue;
            }
            std::size_t gt = s.find('>', k);
            if (gt != std::string_view::npos && gt > 0 && s[gt - 1] == '/') continue;  // <x/>
            note(++html, i, "HTML elements");
        }
    }
    return deepest;
}

int estimate_line_nesting(std::string_view line) {
    int depth = 0;
    std::size_t i = 0;
    std::size_t indent = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) indent += line[i++] == '\t' ? 4 : 1;
    bool first = true;
    while (i < line.size()) {
        if (line[i] == '>') {
            ++depth;
            ++i;
        } else if (is_list_marker(line, i)) {
            // Nested lists are usually written by indenting one level per item ("- a\n  - b"):
            // the indentation in front of the first marker counts as levels too.
            if (first) depth += static_cast<int>(indent / 2);
            ++depth;
        } else {
            break;
        }
        first = false;
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    }
    return depth;
}

bool check_file_text(std::string_view text, const std::string& path, const Limits& limits,
                     std::vector<ir::Diagnostic>& diagnostics) {
    if (text.size() > limits.max_file_size) {
        diagnostics.push_back(error_at(ir::DiagnosticCode::limit_file_size, path, 0, 0,
                                       "file is larger than the limit of " + std::to_string(limits.max_file_size) +
                                           " bytes (--max-file-size); skipped"));
        return false;
    }
    // UTF-32 LE starts like UTF-16 LE; either way the answer is the same.
    if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF") || text.starts_with(std::string_view("\0\0\xFE\xFF", 4))) {
        diagnostics.push_back(error_at(ir::DiagnosticCode::file_utf16, path, 0, 0,
                                       "the file is UTF-16 or UTF-32 (it starts with a byte order mark); convert it to "
                                       "UTF-8, e.g. `iconv -f UTF-16 -t UTF-8`. Skipped"));
        return false;
    }
    if (std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
        auto [line, col] = line_col(text, nul);
        diagnostics.push_back(error_at(ir::DiagnosticCode::file_binary, path, line, col,
                                       "the file holds a NUL byte: it is binary, not text (an image or archive named "
                                       "like a post?). Skipped"));
        return false;
    }
    if (auto bad = find_invalid_utf8(text); bad != text.size()) {
        auto offset = bad;
        auto [line, col] = line_col(text, offset);
        diagnostics.push_back(error_at(ir::DiagnosticCode::file_invalid_utf8, path, line, col,
                                       "invalid UTF-8 (byte " + hex_byte(static_cast<unsigned char>(text[bad])) +
                                           "); the file must be UTF-8 text. Skipped"));
        return false;
    }
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t eol = text.find('\n', pos);
        std::size_t end = eol == std::string_view::npos ? text.size() : eol;
        if (end - pos > limits.max_line_length) {
            auto [line, col] = line_col(text, pos);
            diagnostics.push_back(error_at(ir::DiagnosticCode::limit_line_length, path, line, 0,
                                           "line is " + std::to_string(end - pos) + " bytes long, over the limit of " +
                                               std::to_string(limits.max_line_length) + " (--max-line-length); skipped"));
            (void)col;
            return false;
        }
        if (eol == std::string_view::npos) break;
        pos = eol + 1;
    }
    return true;
}

bool check_body_text(std::string_view body, const std::string& path, int first_line, const Limits& limits,
                     std::vector<ir::Diagnostic>& diagnostics) {
    if (MarkupNesting m = estimate_markup_nesting(body); m.depth > limits.max_nesting) {
        auto [line, col] = line_col(body, m.offset);
        diagnostics.push_back(error_at(ir::DiagnosticCode::limit_nesting, path, first_line + line - 1, col,
                                       m.what + " nested " + std::to_string(m.depth) + " deep, over the limit of " +
                                           std::to_string(limits.max_nesting) + " (--max-nesting); skipped"));
        return false;
    }
    std::size_t footnotes = 0;
    std::size_t pos = 0;
    int line_no = first_line;
    while (pos < body.size()) {
        std::size_t eol = body.find('\n', pos);
        std::string_view line = body.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
        int depth = estimate_line_nesting(line);
        if (depth > limits.max_nesting) {
            ir::Diagnostic d = error_at(ir::DiagnosticCode::limit_nesting, path, line_no, 1,
                                        "block quotes or lists nested " + std::to_string(depth) +
                                            " deep, over the limit of " + std::to_string(limits.max_nesting) +
                                            " (--max-nesting); skipped");
            d.source_line = std::string(line.substr(0, 120));
            diagnostics.push_back(std::move(d));
            return false;
        }
        std::size_t i = line.find_first_not_of(' ');
        if (i != std::string_view::npos && i <= 3 && line.substr(i).starts_with("[^") &&
            line.find("]:", i) != std::string_view::npos) {
            if (++footnotes > limits.max_footnotes) {
                diagnostics.push_back(error_at(ir::DiagnosticCode::limit_footnotes, path, line_no, 1,
                                               "more than " + std::to_string(limits.max_footnotes) +
                                                   " footnotes (--max-footnotes); skipped"));
                return false;
            }
        }
        if (eol == std::string_view::npos) break;
        pos = eol + 1;
        ++line_no;
    }
    return true;
}

}  // namespace blogconv::readers
